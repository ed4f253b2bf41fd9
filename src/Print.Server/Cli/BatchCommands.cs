using System.Globalization;
using Print.Core.Campaigns;
using Print.Core.Production;
using Print.Core.Privacy;
using Print.Core.Text;
using Print.Production;
using Print.Production.Batches;
using Print.Production.Feedback;
using Print.Production.Kpis;
using Print.Store.LiteDb;
using Print.Templates;

namespace Print.Server.Cli;

/// <summary>
/// <c>print batch create|approve|status|printed|posted|spoil|received|feedback|render|kpis …</c>: production batches from the
/// command line (README.md, "Production batches"). A refused step, an exhausted tracking range or an unknown
/// batch exits 1 with <c>error: …</c> and stores nothing.
/// </summary>
public static class BatchCommands
{
    public const string Usage = """
        usage: print batch create [--date YYYY-MM-DD] [--db PATH] [--ranges FILE.json] [--production FILE.json] [--by NAME]
               print batch approve ID --by NAME
               print batch status ID
               print batch printed ID [--by NAME]
               print batch posted ID [--by NAME]
               print batch spoil PIECE-ID --reason TEXT [--by NAME] [--no-reprint]
               print batch received SEED-PIECE-ID [--date YYYY-MM-DD] [--by NAME]
               print batch feedback FILE.csv [--reasons FILE.json]
               print batch render ID --out DIR
               print batch kpis [--campaign TRIGGER]
        """;

    private const string PrintShop = "print shop";

    public static int Run(Arguments args, TextWriter output, TextWriter error)
    {
        if (args.Positional.Count == 0) throw new UsageException($"batch needs a command; {Usage}");
        var command = args.Positional[0];
        if (command == "render") return BatchRenderCommand.Run(args, output, error);
        args.Positional.RemoveAt(0);
        try
        {
            return command switch
            {
                "create" => Create(args, output, error),
                "approve" => Approve(args, output),
                "status" => Status(args, output),
                "printed" => Step(args, output, (states, id, by) => states.Printed(id, by)),
                "posted" => Step(args, output, (states, id, by) => states.Posted(id, by)),
                "spoil" => Spoil(args, output),
                "received" => Received(args, output),
                "feedback" => Feedback(args, output, error),
                "kpis" => Kpis(args, output),
                _ => throw new UsageException($"unknown batch command '{command}'; {Usage}"),
            };
        }
        catch (Exception e) when (e is ProductionException or InvalidTransitionException or TrackingRangeExhaustedException or AlreadyBatchedException)
        {
            error.WriteLine($"error: {Pii.Scrub(e.Message)}");
            return 1;
        }
    }

    private static int Create(Arguments args, TextWriter output, TextWriter error)
    {
        var day = Day(args);
        var db = args.Optional("db") ?? PrintDatabase.DefaultPath;
        var rangesFile = args.Optional("ranges");
        var settingsFile = args.Optional("production");
        var by = args.Optional("by") ?? Environment.UserName;
        var templates = Templates(args);
        args.RejectUnknown();
        NoMoreWords(args, "create");

        var ranges = rangesFile is null ? null : TrackingRanges.Load(rangesFile);
        var settings = settingsFile is null ? ProductionSettings.Default : ProductionSettings.Load(settingsFile);
        using var database = StoreFile.Open(db);
        var production = new LiteDbProductionStore(database);
        var assembly = new BatchAssembly(production, new LiteDbCustomerStore(database), new LiteDbCommunicationStore(database),
            templates, settings, ranges);
        var result = assembly.Create(day, by, DateTimeOffset.UtcNow.ToOffset(DeliveryEvent.ChinaOffset));

        foreach (var batch in result.Batches) output.WriteLine(batch.Id);
        foreach (var warning in result.Warnings) error.WriteLine($"warning: {warning}");
        foreach (var s in result.Skipped) error.WriteLine($"skipped {s.CommunicationId}: {Pii.Scrub(s.Reason)}");
        error.WriteLine(result.Order is { } order
            ? $"work order {order.Id}: {result.Pieces} pieces in {result.Batches.Count} batch{(result.Batches.Count == 1 ? "" : "es")}"
              + (result.Skipped.Count > 0 ? $", {result.Skipped.Count} skipped" : "")
            : $"nothing due for production on {day:yyyy-MM-dd}");
        return 0;
    }

    private static int Approve(Arguments args, TextWriter output)
    {
        var by = args.Optional("by") ?? throw new UsageException("batch approve needs the approver: --by NAME");
        using var session = Open(args);
        var id = OneWord(args, "approve");
        var batch = session.States.Approve(id, by);
        output.WriteLine($"batch {batch.Id}: {batch.History.Approval}");
        return 0;
    }

    private static int Step(Arguments args, TextWriter output, Func<BatchStates, string, string, Batch> step)
    {
        var by = args.Optional("by") ?? PrintShop;
        using var session = Open(args);
        var batch = step(session.States, OneWord(args, "printed|posted"), by);
        var pieces = session.Production.PiecesOf(batch.Id);
        output.WriteLine($"batch {batch.Id}: {StateNames.Of(batch.History.State)}; pieces: {PieceCounts(pieces)}");
        return 0;
    }

    private static int Spoil(Arguments args, TextWriter output)
    {
        var reason = args.Optional("reason") ?? throw new UsageException("batch spoil needs --reason TEXT (why the piece was spoiled)");
        var by = args.Optional("by") ?? PrintShop;
        bool reprint = !args.Flag("no-reprint");
        using var session = Open(args);
        var piece = session.States.Spoil(OneWord(args, "spoil"), by, reason, reprint);
        output.WriteLine(reprint
            ? $"piece {piece.Id}: spoiled, re-printed as copy {piece.History.Copy} (planned{(piece.TrackingNumber is { } n ? $", same tracking number {n}" : "")})"
            : $"piece {piece.Id}: spoiled");
        return 0;
    }

    private static int Received(Arguments args, TextWriter output)
    {
        var day = Day(args);
        var by = args.Optional("by") ?? Environment.UserName;
        using var session = Open(args);
        var id = OneWord(args, "received");
        bool recorded = session.States.SeedReceived(id, day, by);
        var piece = session.Production.FindPiece(id)!;
        var posted = piece.History.When(PieceState.Posted);
        var days = posted is { } p ? day.DayNumber - DateOnly.FromDateTime(p.ToOffset(DeliveryEvent.ChinaOffset).DateTime).DayNumber : (int?)null;
        output.WriteLine($"piece {piece.Id}: {(recorded ? "received" : "already recorded as received")} on {day:yyyy-MM-dd}"
            + (days is { } d ? $", {d} day{(d == 1 ? "" : "s")} after posting" : ""));
        return 0;
    }

    /// <summary><c>--date YYYY-MM-DD</c>, or today in China.</summary>
    private static DateOnly Day(Arguments args)
    {
        var text = args.Optional("date");
        if (text is null) return DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(DeliveryEvent.ChinaOffset).DateTime);
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day : throw new UsageException($"--date must be a day as YYYY-MM-DD, not '{text}'");
    }

    private static int Status(Arguments args, TextWriter output)
    {
        using var session = Open(args);
        var batch = session.States.Get(OneWord(args, "status"));
        var pieces = session.Production.PiecesOf(batch.Id);
        output.WriteLine($"batch {batch.Id}: {StateNames.Of(batch.History.State)}");
        output.WriteLine($"kind: {batch.Kind}, {MailClassName(batch.MailClass)}, paper {batch.Paper}, envelope {batch.Envelope}");
        output.WriteLine($"work order {batch.WorkOrderId}, created {batch.CreatedOn:yyyy-MM-dd}, {batch.PieceCount} pieces ({pieces.Count(p => p.IsSeed)} seeds); files of at most "
            + (batch.Limits.MaxPieces is { } mp ? $"{mp} pieces" : "any number of pieces") + (batch.Limits.MaxSheets is { } ms ? $" and {ms} sheets" : ""));
        if (pieces.Where(p => p.TrackingNumber is not null).Select(p => p.TrackingNumber!.Value).ToList() is { Count: > 0 } numbers)
            output.WriteLine($"tracking numbers: {numbers.Min(n => n.Serial):D8}–{numbers.Max(n => n.Serial):D8} ({numbers[0].Prefix}…{numbers[0].Country}, {numbers.Count})");
        if (batch.Files.Count > 0)
            output.WriteLine($"files: {string.Join(", ", batch.Files.Select(f => f.Name))}");
        output.WriteLine("history:");
        if (batch.History.Events.Count == 0) output.WriteLine("  (created, not rendered yet)");
        foreach (var e in batch.History.Events) output.WriteLine($"  {e}");
        if (batch.History.Approval is { } approval) output.WriteLine($"approval: {approval}");
        output.WriteLine($"pieces: {PieceCounts(pieces)}");
        output.WriteLine("kpis:");
        foreach (var line in ProductionKpis.Describe(BatchKpis.Compute(pieces.Select(p => p.History)))) output.WriteLine($"  {line}");
        return 0;
    }

    private static int Feedback(Arguments args, TextWriter output, TextWriter error)
    {
        var db = args.Optional("db") ?? PrintDatabase.DefaultPath;
        var reasonsFile = args.Optional("reasons");
        args.RejectUnknown();
        var file = OneWord(args, "feedback");
        if (!File.Exists(file)) throw new FileNotFoundException(file, file);
        var reasons = reasonsFile is null ? ReturnReasons.Default : ReturnReasons.Load(reasonsFile);
        DeliveryFeedbackResult feedback;
        try { feedback = DeliveryFeedback.Read(file, reasons); }
        catch (UnreadableEncodingException e) { error.WriteLine($"error: {file}: cannot be read: {e.Message}"); return 1; }
        catch (CsvFormatException e) { error.WriteLine($"error: {file}: {e.Message}"); return 1; }
        catch (InvalidFileException e) when (e.FileName == "header row")
        {
            foreach (var x in e.Errors) error.WriteLine($"error: {file}: header row: {x}");
            return 1;
        }

        using var database = StoreFile.Open(db);
        var import = new FeedbackImport(new LiteDbProductionStore(database), new LiteDbCustomerStore(database), reasons)
        {
            Progress = (done, total) => error.WriteLine($"{Path.GetFileName(file)}: {done} of {total} events stored"),
        };
        var summary = import.Apply(feedback, file, $"post office feedback {Path.GetFileName(file)}");
        foreach (var e in summary.BadRows.Concat(summary.Unknown).Concat(summary.Refused).OrderBy(e => e.Row))
            error.WriteLine($"{file}: {Pii.Scrub(e.ToString())}");
        output.WriteLine(summary.ToString());
        return 0;
    }

    /// <summary>Delivery KPIs per campaign (trigger) over every batch, or of one campaign.</summary>
    private static int Kpis(Arguments args, TextWriter output)
    {
        var campaign = args.Optional("campaign");
        if (campaign is not null && !Triggers.ByPriority.Contains(campaign))
            throw new UsageException($"--campaign must be one of {string.Join(", ", Triggers.ByPriority)}, not '{campaign}'");
        using var session = Open(args);
        NoMoreWords(args, "kpis");
        var kpis = new ProductionKpis(session.Production);
        var campaigns = campaign is null ? kpis.ByCampaign() : [(campaign, kpis.ForCampaign(campaign))];
        if (campaigns.Count == 0) output.WriteLine("no pieces yet");
        foreach (var (trigger, k) in campaigns)
        {
            output.WriteLine($"{trigger}:");
            foreach (var line in ProductionKpis.Describe(k)) output.WriteLine($"  {line}");
        }
        return 0;
    }

    private sealed class Session(PrintDatabase database, TemplateCatalog templates) : IDisposable
    {
        public LiteDbProductionStore Production { get; } = new(database);
        public BatchStates States => new(Production, templates);
        public void Dispose() => database.Dispose();
    }

    private static Session Open(Arguments args)
    {
        var db = args.Optional("db") ?? PrintDatabase.DefaultPath;
        var templates = Templates(args);
        args.RejectUnknown();
        return new Session(StoreFile.Open(db), templates);
    }

    private static TemplateCatalog Templates(Arguments args) => new(args.Optional("templates") ?? TemplateLibrary.Locate());

    private static string OneWord(Arguments args, string command)
    {
        if (args.Positional.Count != 1)
            throw new UsageException($"batch {command} takes one {(command == "feedback" ? "file" : command is "spoil" or "received" ? "piece id" : "batch id")}"
                + (args.Positional.Count > 1 ? $", got '{string.Join(" ", args.Positional)}'" : "") + $"; {Usage}");
        return args.Positional[0];
    }

    private static void NoMoreWords(Arguments args, string command)
    {
        if (args.Positional.Count > 0) throw new UsageException($"batch {command} takes no words, got '{args.Positional[0]}'; {Usage}");
    }

    private static string PieceCounts(IReadOnlyList<MailPiece> pieces) =>
        pieces.Count == 0 ? "none" : string.Join(", ", pieces.GroupBy(p => p.History.State).OrderBy(g => g.Key).Select(g => $"{StateNames.Of(g.Key)} {g.Count()}"));

    private static string MailClassName(MailClass m) => m switch
    {
        MailClass.Registered => "registered",
        MailClass.RegisteredWithReturnReceipt => "registered with return receipt",
        _ => "ordinary",
    };
}
