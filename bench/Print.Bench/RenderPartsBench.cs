using System.Diagnostics;
using Print.Core.Production;
using Print.Documents;
using Print.Documents.Barcodes;
using Print.Documents.Pages;
using Print.Documents.Rendering;
using Print.Documents.Pages;
using Print.Documents.Rendering;
using Print.Production.Rendering;
using Print.Store.LiteDb;
using Print.Templates;

/// <summary>
/// <c>--mode=render-parts --db=PATH</c>, on a copy of the database a <c>--mode=batch-render</c> run left (at least 10,000
/// pieces): what production adds to each piece besides the engine's merge, layout and drawing — reading the pieces and
/// their customers from the store, the piece's template model, the sheet's Data Matrix — per piece, warm (second round);
/// then the CPU of a whole letter page (composed, drawn, saved) against a page of the posting list.
/// </summary>
internal static class RenderPartsBench
{
    public static int Run(string db)
    {
        var library = new TemplateLibrary(TemplateLibrary.Locate(), DocumentEngine.Default);
        using var database = new PrintDatabase(db);
        var production = new LiteDbProductionStore(database);
        var customers = new LiteDbCustomerStore(database);
        var batch = production.Batches()[0];
        var composer = new PieceComposer(library, new PieceRenderer(library.Engine), Print.Core.Campaigns.CampaignSettings.Default);
        var template = library.Get("thank-you");
        for (int round = 0; round < 2; round++)
        {
            var t = Stopwatch.StartNew();
            long allocated = GC.GetAllocatedBytesForCurrentThread();
            int n = 0;
            var pages = new List<IReadOnlyList<MailPiece>>();
            for (int from = 1; from <= 10000; from += 250) { pages.Add(production.PiecesOf(batch.Id, from, 250)); n += 250; }
            Report("PiecesOf per piece", t, n, allocated);
            t.Restart();
            allocated = GC.GetAllocatedBytesForCurrentThread();
            var records = pages.Select(p => customers.GetMany(p.Select(x => x.CustomerId).ToHashSet())).ToList();
            Report("GetMany per piece", t, n, allocated);
            t.Restart();
            allocated = GC.GetAllocatedBytesForCurrentThread();
            int k = 0;
            foreach (var (p, r) in pages.Zip(records)) foreach (var piece in p) { library.Prepare(template, composer.Model(piece, "thank-you", template, Letter(piece, r), batch.CreatedOn)); k++; }
            Report("Model+Prepare per piece", t, k, allocated);
            t.Restart();
            allocated = GC.GetAllocatedBytesForCurrentThread();
            foreach (var p in pages) foreach (var piece in p) BarcodeEncoder.Encode(BarcodeType.DataMatrix, SheetMark.Text(piece.Id, 1, 1));
            Report("DataMatrix per piece", t, k, allocated);
            t.Restart();
            allocated = GC.GetAllocatedBytesForCurrentThread();
            foreach (var file in pages.SelectMany(p => p).Chunk(5000)) production.Update(batch, file);
            Report("Update (files of 5,000) per piece", t, k, allocated);
            // The process's CPU time (nothing else runs in it): the letter as the print files have it, against a page of the posting list.
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var info = new DocumentInfo("parts", "Print", "parts", "Print");
            using (var writer = new PdfBatchWriter(info))
            {
                foreach (var (p, r) in pages.Take(8).Zip(records))
                    foreach (var piece in p) writer.Append(new LaidOutDocument(info, composer.Compose(piece, Letter(piece, r), batch.CreatedOn).Pages));
                writer.Save(Stream.Null);
            }
            Console.WriteLine(FormattableString.Invariant($"letter composed, drawn and saved, CPU per page: {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds * 1000 / 2000:0} µs"));
            cpu = Process.GetCurrentProcess().TotalProcessorTime;
            allocated = GC.GetTotalAllocatedBytes();
            var list = new PostingList(library.Engine, PostingList.LoadTemplate(library.Root), library.DefaultSender);
            int listPages = list.Write(batch, "thank-you", pages.SelectMany(p => p).ToList(), Path.Combine(Path.GetTempPath(), "parts-posting-list.pdf"));
            Console.WriteLine(FormattableString.Invariant($"posting list ({listPages} pages), CPU per page: {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds * 1000 / listPages:0} µs, {(GC.GetTotalAllocatedBytes() - allocated) / 1024 / listPages:N0} KB allocated per page"));
        }
        return 0;

        // What the piece keeps; a database made by an older bench has pieces without it.
        static LetterFacts Letter(MailPiece piece, IReadOnlyDictionary<string, Print.Store.CustomerRecord> records) =>
            piece.Letter ?? LetterFacts.Of(records[piece.CustomerId].Customer, records[piece.CustomerId].Policies, piece.PolicyNumber);

        static void Report(string what, Stopwatch t, int n, long allocatedBefore) =>
            Console.WriteLine(FormattableString.Invariant($"{what}: {t.Elapsed.TotalMilliseconds * 1000 / n:0.0} µs, {(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / 1024.0 / n:0.0} KB allocated"));    }
}
