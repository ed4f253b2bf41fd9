using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Print.Documents;
using Print.Documents.Fonts;
using Print.Documents.Pages;
using Print.Documents.Rendering;

// Console harness (not BenchmarkDotNet: the figures wanted are whole-run throughput and peak memory of
// realistic batch jobs). See bench/RESULTS.md for the commands and the numbers measured.
var options = args.Select(a => a.Split('=', 2)).ToDictionary(p => p[0].TrimStart('-'), p => p.Length > 1 ? p[1] : "true");
string mode = options.GetValueOrDefault("mode", "batch");
int n = int.Parse(options.GetValueOrDefault("n", "2000"), CultureInfo.InvariantCulture);
int threads = int.Parse(options.GetValueOrDefault("threads", "1"), CultureInfo.InvariantCulture);
string outDir = options.GetValueOrDefault("out", Path.Combine(Path.GetTempPath(), "print-bench"));
Directory.CreateDirectory(outDir);

if (mode == "gen-customers")
{
    // Not a measurement: writes the import benchmark's input file.
    var target = options.GetValueOrDefault("file", Path.Combine(outDir, "customers-1m.csv"));
    var generated = Stopwatch.StartNew();
    // --customers=N stops at N customers (rows then follow from the 1–3 cars each), capped by --n rows.
    int maxCustomers = options.TryGetValue("customers", out var c) ? int.Parse(c, CultureInfo.InvariantCulture) : int.MaxValue;
    if (maxCustomers != int.MaxValue && !options.ContainsKey("n")) n = int.MaxValue;
    var (rows, customerCount) = Print.Store.Samples.DemoCustomers.Write(target, n, Print.Store.Samples.DemoCustomers.BenchmarkDay, maxCustomers);
    Console.WriteLine(FormattableString.Invariant($"wrote {rows} rows for {customerCount} customers to {target} ({new FileInfo(target).Length / 1048576.0:0} MB) in {generated.Elapsed.TotalSeconds:0.0} s"));
    return 0;
}

if (mode == "batch-render") return BatchRenderBench.Run(options, n, outDir);
if (mode == "plan-day") return PlanBench.Run(options);
if (mode == "render-parts") return RenderPartsBench.Run(options["db"]);
if (mode == "list-stages") return PostingListStagesBench.Run(options);

if (mode == "rewrite-segments")
{
    // On a copy of an imported database: every customer segmented with every rule renamed, so every record is
    // rewritten (the worst case of `print segment`); run it on the copy again to see the same pass writing nothing.
    // With the young generation `print segment` restarts itself with, unless --default-gc.
    if (!options.ContainsKey("default-gc")) Print.Store.YoungGeneration.RestartWithAtLeast(Print.Store.YoungGeneration.ForWholeStoreWalks);
    using var store = new Print.Store.LiteDb.LiteDbCustomerStore(options["db"]);
    var renamed = Print.Core.Segmentation.SegmentRules.Parse(
        options.ContainsKey("same-length")
            // Every name changed and as long as before, so every document keeps its size.
            ? System.Text.RegularExpressions.Regex.Replace(Print.Core.Segmentation.SegmentRules.DefaultJson, "\"name\": \".", "\"name\": \"~")
            : Print.Core.Segmentation.SegmentRules.DefaultJson.Replace("\"name\": \"", "\"name\": \"v2 "), "renamed rules");
    var clock = Stopwatch.StartNew();
    double cpuAtStart = ThreadTimes.Current();
    int chunk = int.Parse(options.GetValueOrDefault("chunk", Print.Store.CustomerSegmentation.PageSize.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
    var rewritten = Print.Store.CustomerSegmentation.RecomputeAll(store, renamed, new DateOnly(2026, 11, 26), chunk);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"segmentation of {rewritten.Total} customers with every rule renamed, pages of {chunk}: {clock.Elapsed.TotalSeconds:0.0} s, {rewritten.Saved} records rewritten; main thread {ThreadTimes.Current() - cpuAtStart:0.0} s CPU, process {Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:0.0} s; GC {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, paused {GC.GetTotalPauseDuration().TotalSeconds:0.0} s, {GC.GetTotalAllocatedBytes() / 1073741824.0:0.0} GB allocated, young generation up to {Print.Store.YoungGeneration.Budget / 1048576 ?? 0} MB; peak {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:0} MB"));
    return 0;
}

if (mode == "import-customers")
{
    // The whole import into LiteDB on disk (fresh file), then segmentation of every stored customer.
    var source = options.GetValueOrDefault("file", Path.Combine(outDir, "customers-1m.csv"));
    var dbPath = options.GetValueOrDefault("db", Path.Combine(outDir, "import-bench.db"));
    foreach (var f in new[] { dbPath, Path.ChangeExtension(dbPath, null) + "-log.db" }) File.Delete(f);
    var today = new DateOnly(2026, 11, 25);
    var rules = Print.Core.Segmentation.SegmentRules.Default;
    using var store = new Print.Store.LiteDb.LiteDbCustomerStore(dbPath);
    var importClock = Stopwatch.StartNew();
    double importCpuAtStart = ThreadTimes.Current();
    double checkedAt = 0;
    var import = new Print.Store.Import.CustomerImport(store, rules, today)
    {
        ChunkSize = int.Parse(options.GetValueOrDefault("chunk", "2000"), CultureInfo.InvariantCulture),
        // The last "checked" report comes at the end of pass 1 (give or take 100k rows): its time splits the passes.
        Progress = p => { if (p.Stage == Print.Store.Import.ImportStage.Checked) checkedAt = importClock.Elapsed.TotalSeconds; },
    };
    var summary = import.Import(source);
    importClock.Stop();
    double writerCpu = ThreadTimes.Current() - importCpuAtStart;
    double importPeak = Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"import: {importClock.Elapsed.TotalSeconds:0.0} s (pass 1 ≈ {checkedAt:0.0} s; {summary}); main thread (pass 1 and the writes) {writerCpu:0.0} s CPU, process {Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:0.0} s; peak {importPeak:0} MB; GC {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, paused {GC.GetTotalPauseDuration().TotalSeconds:0.0} s"));
    if (options.GetValueOrDefault("segment", "true") == "false") return 0;
    // The same day as the import: every record is already current, nothing is written.
    var sameDayClock = Stopwatch.StartNew();
    var sameDay = Print.Store.CustomerSegmentation.RecomputeAll(store, rules, today);
    sameDayClock.Stop();
    // The next day: only the records whose reasons count days (days to expiry) change and are rewritten.
    var segmentClock = Stopwatch.StartNew();
    var report = Print.Store.CustomerSegmentation.RecomputeAll(store, rules, today.AddDays(1));
    segmentClock.Stop();
    // The marketer renamed every rule: every record changes and is rewritten, the worst case.
    var renamed = Print.Core.Segmentation.SegmentRules.Parse(
        Print.Core.Segmentation.SegmentRules.DefaultJson.Replace("\"name\": \"", "\"name\": \"v2 "), "renamed rules");
    var rewriteClock = Stopwatch.StartNew();
    var rewrite = Print.Store.CustomerSegmentation.RecomputeAll(store, renamed, today.AddDays(1));
    rewriteClock.Stop();
    int rowCount = File.ReadLines(source).Count() - 1;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"import: {rowCount} rows in {importClock.Elapsed.TotalSeconds:0.0} s = {rowCount / importClock.Elapsed.TotalSeconds:0} rows/s"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"segmentation of {report.Total} customers: {rewriteClock.Elapsed.TotalSeconds:0.0} s with every rule renamed ({rewrite.Saved} records rewritten), {segmentClock.Elapsed.TotalSeconds:0.0} s next day ({report.Saved} rewritten), {sameDayClock.Elapsed.TotalSeconds:0.0} s same day ({sameDay.Saved} of {sameDay.Total} changed); peak {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:0} MB; db {new FileInfo(dbPath).Length / 1048576.0:0} MB"));
    return 0;
}

if (mode == "parse-customers")
{
    // Reading, validating and segmenting the file without a store: the import's CPU floor.
    var source = options.GetValueOrDefault("file", Path.Combine(outDir, "customers-1m.csv"));
    var clock = Stopwatch.StartNew();
    int good = 0, bad = 0;
    foreach (var row in Print.Core.Import.CustomerFile.Read(source, new DateOnly(2026, 11, 25)))
        if (row.Errors.Count == 0) good++; else bad++;
    Console.WriteLine(FormattableString.Invariant(
        $"parsed {good + bad} rows ({bad} rejected) in {clock.Elapsed.TotalSeconds:0.00} s = {(good + bad) / clock.Elapsed.TotalSeconds:0} rows/s, peak {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:0} MB"));
    return 0;
}

var markupTemplate = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "letter.xml"));
var engine = new DocumentEngine(FontRegistry.Default);
var people = Enumerable.Range(0, n).Select(Person).ToArray();

// Warm-up: fonts, JIT, PDFsharp's font parsing; not part of the figures.
using (var warm = new PdfBatchWriter(new DocumentInfo("warm", "", "", "Print")))
{
    warm.Append(engine.Layout(Merge(people[0]), "letter.xml"));
    warm.ToBytes();
}

var layoutTicks = 0L; var pdfTicks = 0L;
var total = Stopwatch.StartNew();
long bytes = 0; int pages = 0;
switch (mode)
{
    case "batch":
    {
        // One batch PDF: layout runs on `threads` workers, the single PDF writer appends in order.
        var path = Path.Combine(outDir, "batch.pdf");
        using var writer = new PdfBatchWriter(new DocumentInfo("batch", "", "", "Print"));
        var queue = new BlockingCollection<(int Index, LaidOutDocument Doc)>(boundedCapacity: 64);
        var producers = threads == 1 ? Task.CompletedTask : Task.Run(() =>
        {
            Parallel.ForEach(Partitioner.Create(0, n, 16), new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads - (threads > 1 ? 1 : 0)) }, range =>
            {
                for (int i = range.Item1; i < range.Item2; i++)
                {
                    var t0 = Stopwatch.GetTimestamp();
                    var doc = engine.Layout(Merge(people[i]), "letter.xml");
                    Interlocked.Add(ref layoutTicks, Stopwatch.GetTimestamp() - t0);
                    queue.Add((i, doc));
                }
            });
            queue.CompleteAdding();
        });
        if (threads == 1)
        {
            for (int i = 0; i < n; i++)
            {
                var start = Stopwatch.GetTimestamp();
                var doc = engine.Layout(Merge(people[i]), "letter.xml");
                var laidOut = Stopwatch.GetTimestamp();
                writer.Append(doc);
                layoutTicks += laidOut - start;
                pdfTicks += Stopwatch.GetTimestamp() - laidOut;
            }
            queue.CompleteAdding();
        }
        var pending = new SortedDictionary<int, LaidOutDocument>();
        int next = 0;
        foreach (var (index, doc) in queue.GetConsumingEnumerable())
        {
            pending[index] = doc;
            while (pending.Remove(next, out var d))
            {
                var t0 = Stopwatch.GetTimestamp();
                writer.Append(d);
                pdfTicks += Stopwatch.GetTimestamp() - t0;
                next++;
            }
        }
        producers.Wait();
        var t1 = Stopwatch.GetTimestamp();
        writer.Save(path);
        pdfTicks += Stopwatch.GetTimestamp() - t1;
        pages = writer.PageCount;
        bytes = new FileInfo(path).Length;
        break;
    }
    case "single":
    {
        int done = 0;
        Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
        {
            var t0 = Stopwatch.GetTimestamp();
            var doc = engine.Layout(Merge(people[i]), "letter.xml");
            var t1 = Stopwatch.GetTimestamp();
            var path = Path.Combine(outDir, $"piece-{i:00000}.pdf");
            DocumentEngine.WritePdf(doc, path);
            var t2 = Stopwatch.GetTimestamp();
            Interlocked.Add(ref layoutTicks, t1 - t0);
            Interlocked.Add(ref pdfTicks, t2 - t1);
            Interlocked.Add(ref bytes, new FileInfo(path).Length);
            Interlocked.Add(ref pages, doc.Pages.Count);
            Interlocked.Increment(ref done);
        });
        break;
    }
    case "phases":
    {
        // Where one thread's time goes, phase by phase, for the closing note's profile.
        long parse = 0, layout = 0, draw = 0, xml = 0, qr = 0, c128 = 0;
        using var writer = new PdfBatchWriter(new DocumentInfo("batch", "", "", "Print"));
        for (int i = 0; i < n; i++)
        {
            var markup = Merge(people[i]);
            var t0 = Stopwatch.GetTimestamp();
            var model = Print.Documents.Markup.MarkupParser.Parse(markup, "letter.xml", AppContext.BaseDirectory, engine.Fonts);
            var t1 = Stopwatch.GetTimestamp();
            var doc = Print.Documents.Layout.DocumentLayout.Layout(model, engine.Fonts);
            var t2 = Stopwatch.GetTimestamp();
            writer.Append(doc);
            var t3 = Stopwatch.GetTimestamp();
            parse += t1 - t0; layout += t2 - t1; draw += t3 - t2;
            if (options.ContainsKey("detail"))
            {
                var d0 = Stopwatch.GetTimestamp();
                System.Xml.Linq.XDocument.Parse(markup, System.Xml.Linq.LoadOptions.SetLineInfo | System.Xml.Linq.LoadOptions.PreserveWhitespace);
                var d1 = Stopwatch.GetTimestamp();
                Print.Documents.Barcodes.BarcodeEncoder.Encode(Print.Documents.Barcodes.BarcodeType.Qr, "https://www.example.com.cn/r/" + people[i][5]);
                var d2 = Stopwatch.GetTimestamp();
                Print.Documents.Barcodes.BarcodeEncoder.Encode(Print.Documents.Barcodes.BarcodeType.Code128, people[i][3]);
                var d3 = Stopwatch.GetTimestamp();
                xml += d1 - d0; qr += d2 - d1; c128 += d3 - d2;
            }
            pages += doc.Pages.Count;
        }
        var s0 = Stopwatch.GetTimestamp();
        var path = Path.Combine(outDir, "phases.pdf");
        writer.Save(path);
        long save = Stopwatch.GetTimestamp() - s0;
        bytes = new FileInfo(path).Length;
        double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency / n;
        var detail = options.ContainsKey("detail") ? FormattableString.Invariant($" (within parse: xml={Ms(xml):0.000} qr={Ms(qr):0.000} code128={Ms(c128):0.000})") : "";
        Console.WriteLine(FormattableString.Invariant(
            $"per page ms: parse+barcodes={Ms(parse):0.000} layout={Ms(layout):0.000} pdf_draw={Ms(draw):0.000} pdf_save={Ms(save):0.000}") + detail);
        break;
    }
    case "template":
    {
        // A piece (--template=NAME, thank-you unless given) through the whole template path: merge (Scriban) →
        // markup parse + layout → PDF.
        var library = new Print.Templates.TemplateLibrary(Print.Templates.TemplateLibrary.Locate(), engine);
        var templateName = options.GetValueOrDefault("template", "thank-you");
        var template = library.Get(templateName);
        var renderer = new Print.Templates.PieceRenderer(engine);
        var sample = Print.Templates.TemplateJson.Read<Print.Templates.Model.TemplateModel>(File.ReadAllText(template.SamplePath), "sample.json");
        var models = people.Select(p =>
        {
            var m = Print.Templates.AdversarialSample.Clone(sample);
            m.Customer.Name = p[0]; m.Customer.Address = p[1]; m.Customer.Postcode = p[2];
            m.Piece.TrackingNumber = p[3]; m.Policy.Number = p[4]; m.Piece.ResponseCode = p[5];
            m.Piece.ResponseUrl = "https://www.example.com.cn/r/" + p[5];
            return library.Prepare(template, m);
        }).ToArray();
        long merge = 0, layout = 0, draw = 0;
        using var writer = new PdfBatchWriter(new DocumentInfo(templateName, "", "", "Print"));
        for (int i = 0; i < n; i++)
        {
            var t0 = Stopwatch.GetTimestamp();
            var markup = renderer.Merge(template, models[i]);
            var t1 = Stopwatch.GetTimestamp();
            var doc = Print.Documents.Layout.DocumentLayout.Layout(
                Print.Documents.Markup.MarkupParser.Parse(markup, "piece.sbn", template.Directory, engine.Fonts), engine.Fonts);
            var t2 = Stopwatch.GetTimestamp();
            writer.Append(doc);
            var t3 = Stopwatch.GetTimestamp();
            merge += t1 - t0; layout += t2 - t1; draw += t3 - t2;
            pages += doc.Pages.Count;
        }
        var s0 = Stopwatch.GetTimestamp();
        var path = Path.Combine(outDir, templateName + ".pdf");
        writer.Save(path);
        draw += Stopwatch.GetTimestamp() - s0;
        bytes = new FileInfo(path).Length;
        double totalTicks = merge + layout + draw;
        Console.WriteLine(FormattableString.Invariant(
            $"share of time: merge={100 * merge / totalTicks:0.0}% parse+layout={100 * layout / totalTicks:0.0}% pdf={100 * draw / totalTicks:0.0}%; per page ms: merge={merge * 1000.0 / Stopwatch.Frequency / n:0.000} parse+layout={layout * 1000.0 / Stopwatch.Frequency / n:0.000} pdf={draw * 1000.0 / Stopwatch.Frequency / n:0.000}"));
        break;
    }
    default:
        Console.Error.WriteLine("mode must be batch, single, phases, template, batch-render, render-parts, list-stages, plan-day, gen-customers, import-customers, parse-customers or rewrite-segments");
        return 2;
}
total.Stop();
double seconds = total.Elapsed.TotalSeconds;
var process = Process.GetCurrentProcess();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"mode={mode} n={n} threads={threads} pages={pages} seconds={seconds:0.00} pages_per_s={pages / seconds:0} " +
    $"bytes_per_page={bytes / (double)pages:0} peak_working_set_mb={process.PeakWorkingSet64 / 1048576.0:0} " +
    $"layout_cpu_s={layoutTicks / (double)Stopwatch.Frequency:0.00} pdf_cpu_s={pdfTicks / (double)Stopwatch.Frequency:0.00}"));
return 0;

string Merge(string[] p) => markupTemplate
    .Replace("{{name}}", p[0]).Replace("{{address}}", p[1]).Replace("{{postcode}}", p[2])
    .Replace("{{tracking}}", p[3]).Replace("{{policy}}", p[4]).Replace("{{code}}", p[5]);

// Deterministic, varied people so every piece differs (names, addresses, numbers).
static string[] Person(int i)
{
    string[] surnames = { "张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗" };
    string[] given = { "伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞" };
    string[] streets = { "八一大道", "阳明路", "北京西路", "井冈山大道", "红谷中大道", "象山北路", "中山路", "解放西路" };
    string[] districts = { "东湖区", "西湖区", "青云谱区", "青山湖区", "红谷滩区" };
    var name = surnames[i % surnames.Length] + given[(i / surnames.Length) % given.Length];
    var address = $"江西省南昌市{districts[i % districts.Length]}{streets[(i / 3) % streets.Length]}{i % 900 + 1}号{i % 30 + 1}栋{i % 6 + 1}0{i % 4 + 1}室";
    var serial = 47312482 + i;
    var tracking = "RR" + serial.ToString("00000000", CultureInfo.InvariantCulture) + CheckDigit(serial) + "CN";
    return new[] { name, address, "3300" + (i % 90 + 10).ToString(CultureInfo.InvariantCulture), tracking,
        "PDAA2026360100" + i.ToString("000000", CultureInfo.InvariantCulture), "R" + (100000 + i).ToString(CultureInfo.InvariantCulture) };
}

static int CheckDigit(int serial)
{
    int[] weights = { 8, 6, 4, 2, 3, 5, 9, 7 };
    var digits = serial.ToString("00000000", CultureInfo.InvariantCulture);
    int sum = 0;
    for (int k = 0; k < 8; k++) sum += (digits[k] - '0') * weights[k];
    int c = 11 - sum % 11;
    return c == 10 ? 0 : c == 11 ? 5 : c;
}
