using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Print.Core.Campaigns;
using Print.Core.Customers;
using Print.Core.Production;
using Print.Documents;
using Print.Documents.Pages;
using Print.Documents.Rendering;
using Print.Production.Rendering;
using Print.Store;
using Print.Store.LiteDb;
using Print.Templates;

/// <summary>
/// <c>--mode=batch-render --n=100000 [--per-file=5000] [--plain=2000] [--per-read=N]</c> (the renderer's
/// <see cref="BatchRenderer.PiecesPerRead"/>, its default when not given): a batch of N thank-you letters in a
/// fresh LiteDB file rendered by <see cref="BatchRenderer"/> (print files, manifest, posting list, checksums,
/// store bookkeeping after every file), against the plain template rate (merge, layout, one batch PDF) of the
/// same run — the engine's sustained two-thread rate measured before and after the rendering, the ratio taken
/// against their mean. Prints the rates, their ratio, CPU per page, the share of the cores left idle (both runs), the
/// time spent in the store, and the peak working set.
/// </summary>
internal static class BatchRenderBench
{
    public static int Run(IReadOnlyDictionary<string, string> options, int n, string outDir)
    {
        int perFile = int.Parse(options.GetValueOrDefault("per-file", "5000"), CultureInfo.InvariantCulture);
        int plainN = int.Parse(options.GetValueOrDefault("plain", "2000"), CultureInfo.InvariantCulture);
        int? perRead = options.TryGetValue("per-read", out var r) ? int.Parse(r, CultureInfo.InvariantCulture) : null;
        var db = Path.Combine(outDir, "batch-render-bench.db");
        foreach (var f in new[] { db, Path.ChangeExtension(db, null) + "-log.db" }) File.Delete(f);
        var renderOut = Path.Combine(outDir, "batch-render");
        if (Directory.Exists(renderOut)) Directory.Delete(renderOut, recursive: true);
        var library = new TemplateLibrary(TemplateLibrary.Locate(), DocumentEngine.Default);
        var day = new DateOnly(2026, 11, 25);
        const string batchId = "B20261125-01";

        var setup = Stopwatch.StartNew();
        using (var database = new PrintDatabase(db))
        {
            var customers = new List<Customer>(n);
            var policies = new List<Policy>(n);
            var pieces = new List<MailPiece>(n);
            for (int i = 1; i <= n; i++)
            {
                var id = $"C{i:0000000}";
                var address = new Address { Province = "江西省", City = "南昌市", District = "东湖区", Street = $"阳明路{i % 900 + 1}号{i % 30 + 1}栋{i % 6 + 1}0{i % 4 + 1}室", Postcode = $"330{i % 1000:000}" };
                var c = new Customer { Id = id, Name = "客户" + i.ToString(CultureInfo.InvariantCulture), Gender = i % 2 == 0 ? Gender.Female : Gender.Male, Mobile = $"138{i:00000000}" };
                c.Addresses.Correct(address, AddressSource.Import, day.AddDays(-10));
                customers.Add(c);
                var policy = new Policy { Number = $"P{i:0000000}", CustomerId = id, Plate = $"赣A·{i % 100000:00000}", CarModel = "大众朗逸", Start = day.AddDays(-7), End = day.AddDays(357), Premium = 2000 + i % 3000 };
                policies.Add(policy);
                var tracking = TrackingNumber.Create("RR", 40_000_000 + i, "CN");
                var pieceId = $"{batchId}-{i:00000}";
                pieces.Add(new MailPiece
                {
                    Id = pieceId, BatchId = batchId, Sequence = i, CommunicationId = $"thank-you/P{i:0000000}/{id}", CustomerId = id,
                    Documents = ["thank-you"], MailClass = MailClass.Registered, TrackingNumber = tracking, PolicyNumber = $"P{i:0000000}",
                    Segment = "opportunity", Name = c.Name, Address = address, Letter = LetterFacts.Of(c, [policy], policy.Number),
                    History = new PieceHistory(pieceId, tracking),
                });
            }
            new LiteDbCustomerStore(database).Insert(customers, policies);
            var batch = new Batch
            {
                Id = batchId, WorkOrderId = "W20261125", CreatedOn = day, Documents = ["thank-you"], Paper = "A4", Envelope = "DL",
                MailClass = MailClass.Registered, Limits = new SplitLimits(MaxPieces: perFile), PieceCount = n, History = new BatchHistory(batchId),
            };
            new LiteDbProductionStore(database).CreateWorkOrder(new WorkOrder("W20261125", day, "bench", [batchId], n), [batch], pieces,
                new Dictionary<string, long>(), []);
        }
        Console.WriteLine(FormattableString.Invariant($"setup: {n:N0} customers and pieces stored in {setup.Elapsed.TotalSeconds:0.0} s"));
        GC.Collect();

        // The plain template rate in this process: merge + layout + one batch PDF, one thread, after a warm-up piece.
        double plainRate, plainRate2, sustainedRate, plainCpuPerPage;
        Func<(double Rate, double CpuPerPage)> sustained;
        {
            var template = library.Get("thank-you");
            var renderer = new PieceRenderer(library.Engine);
            var sample = TemplateJson.Read<Print.Templates.Model.TemplateModel>(File.ReadAllText(template.SamplePath), "sample.json");
            Print.Templates.Model.TemplateModel Model(int i)
            {
                var m = TemplateJson.Read<Print.Templates.Model.TemplateModel>(File.ReadAllText(template.SamplePath), "sample.json");
                m.Customer.Name = "客户" + i.ToString(CultureInfo.InvariantCulture);
                m.Piece.Id = $"{batchId}-{i:00000}";
                m.Piece.TrackingNumber = TrackingNumber.Create("RR", 40_000_000 + i, "CN").ToString();
                return library.Prepare(template, m);
            }
            var models = Enumerable.Range(1, plainN).Select(Model).ToList();
            using (var warm = new PdfBatchWriter(new DocumentInfo("warm", "", "", ""))) { warm.Append(renderer.Render(template, Model(0))); warm.ToBytes(); }
            var clock = Stopwatch.StartNew();
            int pages = 0;
            using (var writer = new PdfBatchWriter(new DocumentInfo("plain", "", "", "")))
            {
                foreach (var m in models) writer.Append(renderer.Render(template, m));
                pages = writer.PageCount;
                writer.Save(Path.Combine(outDir, "plain-thank-you.pdf"));
            }
            plainRate = pages / clock.Elapsed.TotalSeconds;
            Console.WriteLine(FormattableString.Invariant($"plain template: {pages:N0} pages in {clock.Elapsed.TotalSeconds:0.00} s = {plainRate:N0} pages/s"));

            // The same on two threads, as the renderer works: merge and layout on a worker, the PDF on this thread.
            plainRate2 = PlainTwoThreads(models, models.Count, models.Count, "plain-thank-you-2", out pages, out var seconds);
            Console.WriteLine(FormattableString.Invariant($"plain template, two threads: {pages:N0} pages in {seconds:0.00} s = {plainRate2:N0} pages/s"));

            // The engine's sustained batch rate: the same two threads over as many letters as the batch has (up to
            // 20,000, the models made before the clock starts), in print files of the batch's size, each saved.
            // Measured again after the rendering: the ratio is taken against the mean of the two, so that a machine whose
            // speed drifts during the run (a shared VM) does not favour or penalise the rendering.
            int sustainedN = Math.Min(n, 20_000);
            var many = Enumerable.Range(1, sustainedN).Select(i => models[(i - 1) % models.Count]).ToList();
            sustained = () =>
            {
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var gc = GcCounts.Now();
                var young = YoungGcSampler.Start();
                var stops = GcSuspensions.Start();
                var idle = CoresIdle.Start();
                double rate = PlainTwoThreads(many, sustainedN, perFile, "plain-sustained", out int sustainedPages, out double sustainedSeconds);
                young.Dispose();
                stops.Dispose();
                double cpuPerPage = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / sustainedPages;
                Console.WriteLine(FormattableString.Invariant($"plain template, two threads, {sustainedPages:N0} letters in files of {Math.Min(perFile, sustainedN):N0}: {sustainedSeconds:0.00} s = {rate:N0} pages/s, {cpuPerPage:0.000} ms of CPU a page; {GcCounts.Now().Since(gc, sustainedPages)}; {young}; {stops}; {idle.Stop()}"));
                return (rate, cpuPerPage);
            };
            (sustainedRate, plainCpuPerPage) = sustained();

            double PlainTwoThreads(IReadOnlyList<Print.Templates.Model.TemplateModel> input, int count, int perFileCount, string name, out int pageCount, out double elapsed)
            {
                var clock = Stopwatch.StartNew();
                int saved = 0;
                using var queue = new System.Collections.Concurrent.BlockingCollection<LaidOutDocument>(boundedCapacity: 256);
                var producer = Task.Run(() =>
                {
                    try { for (int i = 0; i < count; i++) queue.Add(renderer.Render(template, input[i])); }
                    finally { queue.CompleteAdding(); }
                });
                PdfBatchWriter? writer = null;
                int inFile = 0, file = 0;
                foreach (var document in queue.GetConsumingEnumerable())
                {
                    writer ??= new PdfBatchWriter(new DocumentInfo(name, "", "", ""));
                    writer.Append(document);
                    if (++inFile == perFileCount) Save();
                }
                if (writer is not null) Save();
                producer.GetAwaiter().GetResult();
                elapsed = clock.Elapsed.TotalSeconds;
                pageCount = saved;
                return saved / elapsed;

                void Save()
                {
                    saved += writer!.PageCount;
                    writer.Save(Path.Combine(outDir, $"{name}-{++file:000}.pdf"));
                    writer.Dispose();
                    writer = null;
                    inFile = 0;
                }
            }
        }
        GC.Collect();

        using (var database = new PrintDatabase(db))
        {
            var store = TimedStore.Wrap(new LiteDbProductionStore(database));
            var customerStore = new LiteDbCustomerStore(database);
            var renderer = perRead is { } pieces ? new BatchRenderer(store, customerStore, library) { PiecesPerRead = pieces } : new BatchRenderer(store, customerStore, library);
            var clock = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var threadsBefore = ThreadTimes.ByName();
            var gcBefore = GcCounts.Now();
            var young = YoungGcSampler.Start();
            var stops = GcSuspensions.Start();
            var idleDuring = CoresIdle.Start();
            var result = renderer.Render(batchId, renderOut, new Progress(), CancellationToken.None);
            young.Dispose();
            stops.Dispose();
            var idleReport = idleDuring.Stop();
            var threadsAfter = ThreadTimes.ByName();
            var gcDuring = GcCounts.Now().Since(gcBefore, result.Pages);
            double total = clock.Elapsed.TotalSeconds;
            double cpuPerPage = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / result.Pages;
            var printSeconds = result.Files.Count(f => BatchOutput.IsPrintFileName(f.Name, out _));
            double rate = result.Pages / total;
            long peak = Process.GetCurrentProcess().PeakWorkingSet64; // before the engine is measured again
            GC.Collect();
            Console.Write("again after the rendering: ");
            var after = sustained();
            sustainedRate = (sustainedRate + after.Rate) / 2;
            plainCpuPerPage = (plainCpuPerPage + after.CpuPerPage) / 2;
            Console.WriteLine(FormattableString.Invariant(
                $"batch render: {result.Pieces:N0} pieces, {result.Pages:N0} pages in {printSeconds} files + manifest, posting list ({result.Files[^1].Pages:N0} pages), SHA256SUMS in {total:0.0} s = {rate:N0} pages/s (whole rendering), {100 * rate / plainRate:0.0} % of the plain template rate on one thread, {100 * rate / plainRate2:0.0} % on two, {100 * rate / sustainedRate:0.0} % of the sustained two-thread rate (the mean of before and after: {sustainedRate:N0} pages/s)"));
            // CPU per page holds on a busy machine where rates do not: what production adds to the engine's work.
            Console.WriteLine(FormattableString.Invariant($"cpu: {cpuPerPage:0.000} ms a page for the whole rendering, {100 * cpuPerPage / plainCpuPerPage:0.0} % of the sustained plain rate's {plainCpuPerPage:0.000} (mean of before and after); {idleReport}"));
            Console.WriteLine($"gc during the rendering: {gcDuring}; {young}; {stops}");
            Console.WriteLine("cpu by thread: " + string.Join(", ", threadsAfter
                .Select(t => (t.Key, Seconds: t.Value - threadsBefore.GetValueOrDefault(t.Key))).Where(t => t.Seconds >= 0.05)
                .OrderByDescending(t => t.Seconds).Select(t => FormattableString.Invariant($"{t.Key} {t.Seconds:0.0} s"))));
            Console.WriteLine(FormattableString.Invariant($"store: {TimedStore.Report()}"));
            Console.WriteLine(FormattableString.Invariant($"output: {result.Files.Sum(f => f.Bytes) / 1048576.0:0} MB; peak working set {peak / 1048576.0:0} MB (to the end of the rendering)"));
        }
        return 0;
    }

    /// <summary>The collector's work so far: bytes allocated, pauses, collections by generation.</summary>
    private sealed record GcCounts(TimeSpan Paused, int Gen0, int Gen1, int Gen2, long Allocated)
    {
        public static GcCounts Now() => new(GC.GetTotalPauseDuration(), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalAllocatedBytes());

        public string Since(GcCounts before, int pages) => FormattableString.Invariant(
            $"{(Allocated - before.Allocated) / 1024.0 / pages:0} KB allocated a page, GC paused {(Paused - before.Paused).TotalMilliseconds * 1000 / pages:0} µs a page, collections gen0/1/2 {Gen0 - before.Gen0}/{Gen1 - before.Gen1}/{Gen2 - before.Gen2}");
    }

    /// <summary>Each file as it is written, with the collector's pauses since the one before: a cost that grows along the batch shows here.</summary>
    private sealed class Progress : IProgress<BatchRenderProgress>
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private TimeSpan _paused = GC.GetTotalPauseDuration();
        private int _collections = GC.CollectionCount(0);

        public void Report(BatchRenderProgress p)
        {
            if (p.Step.StartsWith("rendering ", StringComparison.Ordinal)) return;
            var (paused, collections) = (GC.GetTotalPauseDuration(), GC.CollectionCount(0));
            double each = collections > _collections ? (paused - _paused).TotalMilliseconds * 1000 / (collections - _collections) : 0;
            (_paused, _collections) = (paused, collections);
            Console.Error.WriteLine(FormattableString.Invariant(
                $"  {_clock.Elapsed.TotalSeconds,6:0.0} s  {p.Step}: {p.PiecesDone:N0} pieces, {GC.GetTotalMemory(false) / 1048576.0:0} MB managed, {GC.GetGCMemoryInfo().GenerationInfo[2].SizeAfterBytes / 1048576.0:0} MB old, {each:0} µs paused a collection since"));
        }
    }

    /// <summary>Times every call into the production store, whatever its interface holds.</summary>
    public class TimedStore : DispatchProxy
    {
        private static readonly Dictionary<string, (int Calls, TimeSpan Time)> Times = new();
        private IProductionStore _inner = null!;

        public static IProductionStore Wrap(IProductionStore inner)
        {
            var proxy = Create<IProductionStore, TimedStore>();
            ((TimedStore)(object)proxy)._inner = inner;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? method, object?[]? args)
        {
            var clock = Stopwatch.StartNew();
            try { return method!.Invoke(_inner, args); }
            catch (TargetInvocationException e) when (e.InnerException is not null) { throw e.InnerException; }
            finally
            {
                var (calls, time) = Times.GetValueOrDefault(method!.Name);
                Times[method.Name] = (calls + 1, time + clock.Elapsed);
            }
        }

        public static string Report() => string.Join(", ", Times.Select(t => FormattableString.Invariant($"{t.Key} {t.Value.Calls}× {t.Value.Time.TotalSeconds:0.00} s")));
    }
}
