using Print.Core.Campaigns;
using Print.Core.Production;
using Print.Documents;
using Print.Documents.Pages;
using Print.Documents.Rendering;
using Print.Templates;

namespace Print.Production.Rendering;

/// <summary>
/// The posting list (交寄清单) handed over at the post office counter with the batch: every item with its
/// number, addressee (in full), destination and postcode, a total per page and for the batch. Laid out by the
/// markup template <c>templates/posting-list/list.sbn</c> through the same engine as the pieces, a few pages
/// at a time so that a list of 100,000 items needs no more memory than one of 100.
/// </summary>
public sealed class PostingList(DocumentEngine engine, DataTemplate template, Templates.Model.Sender sender)
{
    /// <summary>Rows on one page of the list: with the header, the table header, the page total and the final total block, it fits A4 with room for rows that wrap.</summary>
    public const int RowsPerPage = 30;
    /// <summary>
    /// Pages merged and laid out together. Few: everything a chunk allocates (1.1 MB a page) lives until the chunk
    /// is drawn, and chunks of 20 pages outlived the young generation — the collector copied them, and a page cost
    /// 2.2 ms of CPU against 1.8 ms in chunks of 4.
    /// </summary>
    private const int PagesPerChunk = 4;

    /// <summary>templates/posting-list/list.sbn of the templates folder.</summary>
    public static DataTemplate LoadTemplate(string templatesRoot) =>
        DataTemplate.Load(Path.Combine(templatesRoot, "posting-list", "list.sbn"), "templates/posting-list/list.sbn");

    public sealed record Item(int Number, string TrackingNumber, string Name, string Destination, string Postcode);
    public sealed record Page(int Number, int FirstNumber, int LastNumber, int Count, bool IsLast, IReadOnlyList<Item> Items);
    public sealed record Header(string BatchId, string KindName, string MailClassName, DateTime PostingDate, Templates.Model.Sender Sender, int TotalItems, int TotalPages, int RowsPerPage);

    public static string MailClassName(MailClass mailClass) => mailClass switch
    {
        MailClass.Registered => "国内挂号信函",
        MailClass.RegisteredWithReturnReceipt => "国内挂号信函（回执）",
        _ => "平常邮件",
    };

    /// <summary>Writes the list of <paramref name="pieces"/> (presort order) to <paramref name="path"/>; returns its page count. <paramref name="kindName"/> is what the counter reads as the kind of mail (the templates' titles).</summary>
    public int Write(Batch batch, string kindName, IReadOnlyList<MailPiece> pieces, string path) =>
        Write(batch, kindName, pieces.Count, pieces, path);

    /// <summary>
    /// Writes the list of the <paramref name="count"/> pieces that <paramref name="pieces"/> yields (presort order,
    /// read once, a chunk of pages at a time: a batch read from the store page by page is never held whole) to
    /// <paramref name="path"/>; returns its page count. Two stages, as the print files: a chunk is merged and laid
    /// out on the thread pool while the one before it is drawn.
    /// </summary>
    public int Write(Batch batch, string kindName, int count, IEnumerable<MailPiece> pieces, string path, CancellationToken ct = default)
    {
        int totalPages = Math.Max(1, (count + RowsPerPage - 1) / RowsPerPage);
        var header = new Header(batch.Id, kindName, MailClassName(batch.MailClass), batch.CreatedOn.ToDateTime(TimeOnly.MinValue),
            sender, count, totalPages, RowsPerPage);
        using var next = pieces.GetEnumerator();
        using var writer = new PdfBatchWriter(new DocumentInfo($"交寄清单 · {batch.Id}", $"{sender.Company} {sender.Branch}", $"{header.MailClassName}交寄清单", "Print"));
        Task<LaidOutDocument>? composing = null;
        try
        {
            for (int first = 0; first < totalPages; first += PagesPerChunk)
            {
                ct.ThrowIfCancellationRequested();
                var pages = Chunk(first);
                var previous = composing;
                composing = Task.Run(() => Lay(pages));
                if (previous is not null) writer.Append(previous.GetAwaiter().GetResult());
            }
            writer.Append(composing!.GetAwaiter().GetResult());
        }
        finally
        {
            try { composing?.Wait(); } catch (AggregateException) { }
        }
        BatchOutput.WriteAtomically(path, writer.Save);
        return writer.PageCount;

        List<Page> Chunk(int first)
        {
            var pages = new List<Page>();
            for (int n = first; n < Math.Min(totalPages, first + PagesPerChunk); n++)
            {
                var items = new List<Item>();
                for (int i = n * RowsPerPage; i < Math.Min(count, (n + 1) * RowsPerPage); i++)
                {
                    if (!next.MoveNext()) throw new InvalidOperationException($"the posting list of batch {batch.Id} has {count} items but was given {i}");
                    var p = next.Current;
                    var a = p.Address;
                    items.Add(new Item(i + 1, p.TrackingNumber?.ToString() ?? "—", p.Name, a.Province + a.City + a.District, a.Postcode));
                }
                pages.Add(new Page(n + 1, n * RowsPerPage + 1, n * RowsPerPage + items.Count, items.Count, n == totalPages - 1, items));
            }
            return pages;
        }

        LaidOutDocument Lay(List<Page> pages)
        {
            var document = template.Render(engine, new Dictionary<string, object?> { ["list"] = header, ["pages"] = pages }, $"batch {batch.Id}");
            if (document.Pages.Count != pages.Count)
                throw new BatchRenderException(
                    $"{template.DisplayPath}: pages {pages[0].Number}–{pages[^1].Number} of the posting list of batch {batch.Id} took {document.Pages.Count} pages, not {pages.Count}: " +
                    $"{RowsPerPage} rows and the totals must fit one page (long names or destinations wrap; make the columns wider or the rows fewer)");
            return document;
        }
    }
}
