using System.Diagnostics;
using Print.Documents;
using Print.Documents.Layout;
using Print.Documents.Markup;
using Print.Documents.Pages;
using Print.Documents.Rendering;
using Print.Production.Rendering;
using Print.Templates;

/// <summary>
/// <c>--mode=list-stages [--pages=800]</c>: the posting list's pages as the renderer makes them (chunks of 4 pages of
/// 30 registered items, <c>templates/posting-list/list.sbn</c>), one thread, each stage timed a page — merge, markup
/// parse (and XDocument's share of it), layout, drawing into the PDF, saving — with what each allocates; three rounds,
/// the last one warm.
/// </summary>
internal static class PostingListStagesBench
{
    public static int Run(IReadOnlyDictionary<string, string> options)
    {
        int pageCount = int.Parse(options.GetValueOrDefault("pages", "800"), System.Globalization.CultureInfo.InvariantCulture);
        var library = new TemplateLibrary(TemplateLibrary.Locate(), DocumentEngine.Default);
        var template = PostingList.LoadTemplate(library.Root);
        var fonts = library.Engine.Fonts;
        int totalPages = pageCount;
        var header = new PostingList.Header("B20261125-01", "感谢信", PostingList.MailClassName(Print.Core.Campaigns.MailClass.Registered),
            new DateTime(2026, 11, 25), library.DefaultSender, totalPages * PostingList.RowsPerPage, totalPages, PostingList.RowsPerPage);
        for (int round = 1; round <= 3; round++)
        {
            double merge = 0, parse = 0, xml = 0, layout = 0, draw = 0;
            long mergeBytes = 0, parseBytes = 0, xmlBytes = 0, layoutBytes = 0, drawBytes = 0;
            int pages = 0;
            var clock = new Stopwatch();
            using var writer = new PdfBatchWriter(new DocumentInfo("posting list", "Print", "bench", "Print"));
            for (int first = 0; first < totalPages; first += 4)
            {
                var chunk = Chunk(first, Math.Min(4, totalPages - first));
                var markup = Timed(() => template.Merge(new Dictionary<string, object?> { ["list"] = header, ["pages"] = chunk }, "bench"), ref merge, ref mergeBytes);
                Timed(() => System.Xml.Linq.XDocument.Parse(markup, System.Xml.Linq.LoadOptions.SetLineInfo | System.Xml.Linq.LoadOptions.PreserveWhitespace), ref xml, ref xmlBytes);
                var model = Timed(() => MarkupParser.Parse(markup, template.DisplayPath, template.Directory, fonts), ref parse, ref parseBytes);
                var document = Timed(() => DocumentLayout.Layout(model, fonts), ref layout, ref layoutBytes);
                Timed(() => { writer.Append(document); return 0; }, ref draw, ref drawBytes);
                pages += document.Pages.Count;
            }
            clock.Restart();
            writer.Save(Stream.Null);
            double save = clock.Elapsed.TotalMilliseconds;
            Console.WriteLine(FormattableString.Invariant(
                $"round {round}, {pages} pages, ms a page: merge {merge / pages:0.000}, parse {parse / pages:0.000} (XDocument alone {xml / pages:0.000}), layout {layout / pages:0.000}, draw {draw / pages:0.000}, save {save / pages:0.000}; ") +
                FormattableString.Invariant(
                $"KB a page: merge {mergeBytes / 1024 / pages}, parse {parseBytes / 1024 / pages} (XDocument {xmlBytes / 1024 / pages}), layout {layoutBytes / 1024 / pages}, draw {drawBytes / 1024 / pages}"));
        }
        return 0;

        List<PostingList.Page> Chunk(int first, int count) =>
            Enumerable.Range(first, count).Select(n => new PostingList.Page(n + 1, n * PostingList.RowsPerPage + 1, (n + 1) * PostingList.RowsPerPage,
                PostingList.RowsPerPage, false,
                Enumerable.Range(n * PostingList.RowsPerPage, PostingList.RowsPerPage)
                    .Select(i => new PostingList.Item(i + 1, Print.Core.Production.TrackingNumber.Create("RR", 40_000_000 + i, "CN").ToString(),
                        "客户" + i, "江西省南昌市东湖区", $"330{i % 1000:000}")).ToList())).ToList();

        static T Timed<T>(Func<T> stage, ref double ms, ref long bytes)
        {
            long allocated = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            var result = stage();
            ms += clock.Elapsed.TotalMilliseconds;
            bytes += GC.GetAllocatedBytesForCurrentThread() - allocated;
            return result;
        }
    }
}
