using System.Diagnostics;
using System.Globalization;
using LiteDB;
using Print.Core.Customers;
using Print.Core.Import;
using Print.Core.Privacy;
using Print.Core.Segmentation;
using Print.Core.Text;
using Print.Store;
using Print.Store.Import;
using Print.Store.LiteDb;

namespace Print.Server.Cli;

/// <summary>
/// <c>print import customers</c>, <c>print customers show</c> and <c>print segment</c>: the customer store from
/// the command line. Nothing personal is printed unmasked except the customer's name in <c>customers show</c>.
/// </summary>
public static class CustomerCommands
{
    /// <summary>How many rejected rows are listed on stderr; the rejects file has them all.</summary>
    private const int ErrorsShown = 10;

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.Today);

    /// <summary>
    /// <c>print import customers FILE.csv [--db PATH] [--mapping FILE.json] [--rules FILE.json] [--progress-every N]</c>:
    /// the summary line on stdout; rejected rows, and a progress line every N rows (100,000 by default) of each
    /// pass, on stderr.
    /// </summary>
    public static int Import(Arguments args, TextWriter output, TextWriter error)
    {
        const string Usage = "usage: print import customers FILE.csv [--db PATH] [--mapping FILE.json] [--rules FILE.json] [--progress-every N]";
        if (args.Positional is not ["customers", var file]) throw new UsageException(Usage);
        var db = Db(args);
        var mappingFile = args.Optional("mapping");
        var rulesFile = args.Optional("rules");
        var every = args.Optional("progress-every") is { } n
            ? int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out int rows) && rows > 0 ? rows : throw new UsageException($"--progress-every takes a number of rows, got '{n}'")
            : 100_000;
        args.RejectUnknown();
        if (!File.Exists(file)) return Fail(error, $"{file}: no such file");

        var mapping = mappingFile is null ? null : HeaderMapping.Load(mappingFile);
        var rules = Rules(rulesFile);
        ImportSummary summary;
        try
        {
            using var store = Open(db);
            // The bucket files hold the file's rows unmasked: beside the store, which holds the same data, not in /tmp.
            var import = new CustomerImport(store, rules, Today)
            {
                TempRoot = Path.GetDirectoryName(store.FilePath)!,
                ProgressEvery = every,
                Progress = p => error.WriteLine(Progress(file, p)),
            };
            summary = import.Import(file, mapping);
        }
        catch (UnreadableEncodingException e) { return Fail(error, $"{file}: cannot be read: {e.Message}"); }
        catch (CsvFormatException e) { return Fail(error, $"{file}: {e.Message}"); }
        catch (InvalidFileException e) when (e.FileName == "header row") { return Fail(error, string.Join(Environment.NewLine + "error: ", e.Errors.Select(x => $"{file}: header row: {x}"))); }

        foreach (var e in summary.Errors.Take(ErrorsShown)) error.WriteLine($"{file}: {e}");
        if (summary.Problems > ErrorsShown) error.WriteLine($"{file}: … {summary.Problems - ErrorsShown} more problems in {summary.RejectsFile}");
        output.WriteLine(summary.Line);
        return 0;
    }

    /// <summary>"FILE: checked 100,000 rows" (pass 1), "FILE: stored 100,000 of 1,000,000 rows (71,322 customers)" (pass 2): counts only.</summary>
    private static string Progress(string file, ImportProgress p) => p.Stage == ImportStage.Checked
        ? string.Create(CultureInfo.InvariantCulture, $"{file}: checked {p.Rows:N0} rows")
        : string.Create(CultureInfo.InvariantCulture, $"{file}: stored {p.Rows:N0} of {p.TotalRows:N0} rows ({p.Customers:N0} customers)");

    /// <summary><c>print customers show ID [--db PATH]</c></summary>
    public static int Customers(Arguments args, TextWriter output, TextWriter error)
    {
        if (args.Positional is not ["show", var id]) throw new UsageException("usage: print customers show ID [--db PATH]");
        var db = Db(args);
        args.RejectUnknown();
        using var store = Open(db);
        if (store.Get(id) is not { } record) return Fail(error, $"no customer {id} in {db}");
        Show(record, output);
        return 0;
    }

    /// <summary><c>print segment [--db PATH] [--rules FILE.json]</c></summary>
    public static int Segment(Arguments args, TextWriter output, TextWriter error)
    {
        var db = Db(args);
        var rules = Rules(args.Optional("rules"));
        args.RejectUnknown();
        if (args.Positional.Count > 0) throw new UsageException($"segment takes no words, got '{args.Positional[0]}'");
        using var store = Open(db);
        var clock = Stopwatch.StartNew();
        var report = CustomerSegmentation.RecomputeAll(store, rules, Today);
        foreach (var (segment, count) in report.Counts) output.WriteLine($"{segment}\t{count}");
        foreach (var (customerId, a) in report.Samples)
            output.WriteLine($"e.g. customer {customerId} is {a.Explanation}{(a.Rule.Length > 0 ? $" (rule: {a.Rule})" : "")}");
        var budget = YoungGeneration.Budget is { } bytes ? $"{bytes >> 20} MB" : "default";
        error.WriteLine($"segmented {report.Total:N0} customers in {clock.Elapsed.TotalSeconds:F1} s, {report.Saved:N0} records saved " +
            $"(young generation up to {budget}{(YoungGeneration.IsSet ? $", {YoungGeneration.Variable}" : "")})");
        return 0;
    }

    /// <summary>One customer in plain text; PII masked except the name.</summary>
    public static void Show(CustomerRecord record, TextWriter w)
    {
        var c = record.Customer;
        w.WriteLine($"customer {c.Id}  {c.Name}");
        w.WriteLine($"  gender:      {c.Gender switch { Gender.Male => "male", Gender.Female => "female", _ => "unknown" }}");
        w.WriteLine($"  birthday:    {(c.Birthday is { } b ? Pii.MaskBirthday(b.ToString("yyyy-MM-dd")) : "-")}");
        w.WriteLine($"  ID number:   {(c.IdNumber is { } idNumber ? Pii.MaskIdNumber(idNumber) : "-")}");
        w.WriteLine($"  mobile:      {(c.Mobile.Length > 0 ? Pii.MaskMobile(c.Mobile) : "-")}");
        w.WriteLine($"  e-mail:      {(c.Email.Length > 0 ? Pii.MaskEmail(c.Email) : "-")}");
        w.WriteLine($"  occupation:  {(c.Occupation.Length > 0 ? c.Occupation : "-")}");
        w.WriteLine($"  mailable:    {(c.NotMailableReason is { } why ? $"no ({why})" : "yes")}");
        var p = c.Contact;
        w.WriteLine($"contact preferences: mail {Allowed(!p.DoNotMail)}, SMS {Allowed(!p.DoNotSms)}, e-mail {Allowed(!p.DoNotEmail)}, phone {Allowed(!p.DoNotCall)}; preferred channel {p.PreferredChannel?.ToString().ToLowerInvariant() ?? "none"}"
            + (p.Stopped is { } stop ? $"; {stop}" : ""));

        w.WriteLine("addresses (current first):");
        if (c.Addresses.Entries.Count == 0) w.WriteLine("  none");
        foreach (var e in c.Addresses.Entries.Reverse())
        {
            var status = e.Status.ToString().ToLowerInvariant();
            var period = e.Until is { } until ? $"{e.Since:yyyy-MM-dd} to {until:yyyy-MM-dd}" : $"since {e.Since:yyyy-MM-dd}";
            var verified = e.Verified ? $"verified {e.VerifiedOn:yyyy-MM-dd}" : "not verified";
            var bad = e.BadReason is { } reason ? $", returned {e.BadOn:yyyy-MM-dd}: {reason}" : "";
            w.WriteLine($"  {status,-8} {Pii.MaskAddress(e.Address)}  ({period}, from {Source(e.Source)}, {verified}{bad})");
        }

        w.WriteLine($"policies ({record.Policies.Count}):");
        foreach (var policy in record.Policies)
        {
            var profit = policy.Profit is { } pr ? $", profit {Yuan.Format(pr)}" : "";
            w.WriteLine($"  {policy.Number}  {Or(policy.Plate)}  {Or(policy.CarModel)}  {policy.Start:yyyy-MM-dd} to {policy.End:yyyy-MM-dd}  premium {Yuan.Format(policy.Premium)}, claims {policy.ClaimsCount} ({Yuan.Format(policy.ClaimsAmount)}){profit}");
        }

        if (c.Segment is not { } s) { w.WriteLine("segment: not segmented yet"); return; }
        w.WriteLine($"segment: {s.Segment}{(s.Rule.Length > 0 ? $" (rule: {s.Rule})" : "")}, since {s.On:yyyy-MM-dd}");
        if (s.Reasons.Count == 0) w.WriteLine($"  because {(s.Segment == Segments.Unsegmented ? "no rule matched" : "no other rule matched")}");
        foreach (var reason in s.Reasons) w.WriteLine($"  because {reason}");

        static string Allowed(bool yes) => yes ? "yes" : "no";
        static string Or(string text) => text.Length > 0 ? text : "-";
        static string Source(AddressSource source) => source switch
        {
            AddressSource.Import => "import",
            AddressSource.PostOffice => "post office",
            _ => "customer service",
        };
    }

    private static string Db(Arguments args) => args.Optional("db") ?? LiteDbCustomerStore.DefaultPath;

    private static SegmentRules Rules(string? file) => file is null ? SegmentRules.Default : SegmentRules.Load(file);

    private static LiteDbCustomerStore Open(string db)
    {
        try { return new LiteDbCustomerStore(db); }
        catch (IOException e) { throw new StoreUnavailableException($"{db}: cannot open the store: {Pii.Scrub(e.Message)}"); }
        catch (LiteException e) { throw new StoreUnavailableException($"{db}: not a usable store: {Pii.Scrub(e.Message)}"); }
    }

    private static int Fail(TextWriter error, string message)
    {
        error.WriteLine($"error: {message}");
        return 1;
    }
}

/// <summary>The store file cannot be opened (locked by another process, not a LiteDB file).</summary>
public sealed class StoreUnavailableException(string message) : Exception(message);
