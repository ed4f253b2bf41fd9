using Print.Core.Customers;
using Print.Core.Import;
using Print.Core.Privacy;
using Print.Core.Text;
using Print.Core.Validation;

namespace Print.Core.Production;

/// <summary>
/// Reads the post office's delivery feedback CSV (format in README.md beside this file): UTF-8 or GBK/GB18030,
/// Chinese or English headers, one event per row. A file that cannot be read at all throws
/// (<see cref="UnreadableEncodingException"/>, <see cref="CsvFormatException"/>, <see cref="InvalidFileException"/>
/// for the header row); a bad row becomes <see cref="RowError"/>s naming row, column and reason, and the rest go on.
/// </summary>
public static class DeliveryFeedback
{
    private enum Column { TrackingNumber, Event, Date, ReasonCode, NewAddress, NewPostcode, Note }

    private sealed record ColumnInfo(Column Column, string Key, string Chinese, bool Required, params string[] Aliases);

    private static readonly ColumnInfo[] Columns =
    [
        new(Column.TrackingNumber, "tracking_number", "邮件号", true, "邮件号码", "条码", "挂号号码", "tracking_no"),
        new(Column.Event, "event", "事件", true, "状态", "投递结果"),
        new(Column.Date, "date", "日期", true, "处理日期", "投递日期"),
        new(Column.ReasonCode, "reason_code", "原因代码", false, "原因", "退回原因", "reason"),
        new(Column.NewAddress, "new_address", "新地址", false, "改寄地址"),
        new(Column.NewPostcode, "new_postcode", "新邮编", false, "改寄邮编"),
        new(Column.Note, "note", "备注", false),
    ];

    /// <summary>The words of the event column (compared without case and spaces) and the state each means.</summary>
    public static IReadOnlyDictionary<string, PieceState> EventWords { get; } = new Dictionary<string, PieceState>
    {
        ["投递"] = PieceState.Delivered, ["妥投"] = PieceState.Delivered, ["已投递"] = PieceState.Delivered, ["delivered"] = PieceState.Delivered,
        ["改寄"] = PieceState.ReRouted, ["转寄"] = PieceState.ReRouted, ["re-routed"] = PieceState.ReRouted, ["rerouted"] = PieceState.ReRouted, ["forwarded"] = PieceState.ReRouted,
        ["退回"] = PieceState.Returned, ["退件"] = PieceState.Returned, ["returned"] = PieceState.Returned,
    };

    public static DeliveryFeedbackResult Read(string path, ReturnReasons? reasons = null)
    {
        using var reader = FileEncoding.OpenText(path);
        return Read(reader, reasons);
    }

    public static DeliveryFeedbackResult Read(TextReader reader, ReturnReasons? reasons = null)
    {
        reasons ??= ReturnReasons.Default;
        int[]? index = null;
        IReadOnlyList<string> headers = [];
        var events = new List<DeliveryEvent>();
        var errors = new List<RowError>();
        int row = 0;
        foreach (var (_, fields) in CsvRows.Read(reader, strict: true))
        {
            if (index is null)
            {
                headers = fields;
                index = Resolve(fields);
                continue;
            }
            row++;
            var before = errors.Count;
            var e = ParseRow(row, fields, index, headers, reasons, errors);
            if (errors.Count == before && e is not null) events.Add(e);
        }
        if (index is null) throw new InvalidFileException("header row", ["the file is empty: no header row"]);
        return new DeliveryFeedbackResult(events, errors, headers[index[(int)Column.TrackingNumber]].Trim().Trim('\uFEFF'));
    }

    private static string Normalize(string header) =>
        HalfWidth.Normalize(header).Trim().Trim('\uFEFF').Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_');

    private static readonly Dictionary<string, Column> HeaderNames =
        Columns.SelectMany(c => c.Aliases.Prepend(c.Chinese).Prepend(c.Key).Select(name => (Name: Normalize(name), c.Column)))
            .ToDictionary(x => x.Name, x => x.Column);

    private static int[] Resolve(IReadOnlyList<string> headers)
    {
        var index = Enumerable.Repeat(-1, Columns.Length).ToArray();
        var errors = new List<string>();
        for (int i = 0; i < headers.Count; i++)
        {
            var name = Normalize(headers[i]);
            if (name.Length == 0) continue;
            if (!HeaderNames.TryGetValue(name, out var column))
            {
                errors.Add($"column {i + 1} \"{headers[i].Trim()}\" is not a known header; the columns are {string.Join(", ", Columns.Select(c => $"{c.Chinese} ({c.Key})"))}");
                continue;
            }
            int first = index[(int)column];
            if (first >= 0) errors.Add($"columns {first + 1} \"{headers[first].Trim()}\" and {i + 1} \"{headers[i].Trim()}\" both mean {Columns[(int)column].Key}");
            else index[(int)column] = i;
        }
        foreach (var c in Columns.Where(c => c.Required && index[(int)c.Column] < 0))
            errors.Add($"required column {c.Chinese} ({c.Key}) is missing");
        if (errors.Count > 0) throw new InvalidFileException("header row", errors);
        return index;
    }

    private static DeliveryEvent? ParseRow(int row, List<string> fields, int[] index, IReadOnlyList<string> headers, ReturnReasons reasons, List<RowError> errors)
    {
        string Value(Column c) => index[(int)c] is var i && i >= 0 && i < fields.Count ? fields[i].Trim() : "";
        string Header(Column c) => index[(int)c] >= 0 ? headers[index[(int)c]].Trim().Trim('\uFEFF') : Columns[(int)c].Chinese;
        void Error(Column c, string value, string reason) => errors.Add(new RowError(row, Header(c), value, reason));

        if (fields.Count > headers.Count && fields.Skip(headers.Count).Any(f => f.Trim().Length > 0))
            errors.Add(new RowError(row, "", "", $"the row has {fields.Count} fields, the header only {headers.Count} columns (an unquoted comma?)"));

        var trackingText = Value(Column.TrackingNumber);
        var tracking = TrackingNumber.Check(trackingText);
        if (!tracking.IsValid) Error(Column.TrackingNumber, trackingText, tracking.Error!);

        var eventText = Value(Column.Event);
        PieceState? kind = EventWords.TryGetValue(string.Concat(HalfWidth.Normalize(eventText).Where(c => !char.IsWhiteSpace(c))).ToLowerInvariant(), out var k) ? k : null;
        if (kind is null)
            Error(Column.Event, eventText, eventText.Length == 0 ? "no event; expected 投递 (delivered), 改寄 (re-routed) or 退回 (returned)"
                : $"unknown event \"{eventText}\"; expected 投递 (delivered), 改寄 (re-routed) or 退回 (returned)");

        var dateText = Value(Column.Date);
        var date = DateText.Parse(dateText);
        if (!date.IsValid) Error(Column.Date, dateText, dateText.Length == 0 ? "no date" : date.Error!);

        var reasonText = Value(Column.ReasonCode);
        ReturnReason? reason = null;
        if (reasonText.Length > 0)
        {
            reason = reasons.Find(reasonText);
            if (reason is null) Error(Column.ReasonCode, reasonText, $"unknown reason code \"{reasonText}\"; the reasons are {reasons.CodeList}");
            else if (kind == PieceState.Delivered) Error(Column.ReasonCode, reasonText, "a delivered piece has no return reason");
        }
        else if (kind == PieceState.Returned) Error(Column.ReasonCode, "", "returned without a reason code");

        string line = Value(Column.NewAddress), postcodeText = Value(Column.NewPostcode);
        Address? newAddress = null;
        if (kind == PieceState.ReRouted && line.Length == 0) Error(Column.NewAddress, "", "re-routed without the new address");
        else if (kind is PieceState.Delivered or PieceState.Returned && line.Length + postcodeText.Length > 0)
            Error(line.Length > 0 ? Column.NewAddress : Column.NewPostcode, line.Length > 0 ? Pii.MaskStreet(line) : postcodeText,
                "a new address only goes with 改寄 (re-routed)");
        string postcode = "";
        if (postcodeText.Length > 0)
        {
            var checkedCode = Postcode.Check(postcodeText);
            if (checkedCode.IsValid) postcode = checkedCode.Value;
            else Error(Column.NewPostcode, postcodeText, checkedCode.Error!);
        }
        if (kind == PieceState.ReRouted && line.Length > 0) newAddress = new Address { Street = line, Postcode = postcode };

        if (!tracking.IsValid || kind is null || !date.IsValid) return null;
        var note = Value(Column.Note);
        return new DeliveryEvent
        {
            Row = row,
            TrackingNumber = tracking.Value,
            Kind = kind.Value,
            Date = date.Value,
            Reason = reason,
            NewAddress = newAddress,
            Note = note.Length > 0 ? note : null,
        };
    }
}

/// <summary>
/// What a feedback file gave: the events of the good rows and the errors of the bad ones. Whether a tracking
/// number belongs to a piece is the store's knowledge: it looks up <see cref="TrackingNumbers"/> and reports
/// the rest with <see cref="UnknownTrackingNumbers"/>; they are never silently dropped.
/// </summary>
public sealed record DeliveryFeedbackResult(IReadOnlyList<DeliveryEvent> Events, IReadOnlyList<RowError> Errors, string TrackingColumn)
{
    /// <summary>The distinct tracking numbers of <see cref="Events"/>, for one look-up in the store.</summary>
    public IReadOnlyList<TrackingNumber> TrackingNumbers => [.. Events.Select(e => e.TrackingNumber).Distinct()];

    /// <summary>A row error for every event whose tracking number no piece carries (<paramref name="exists"/> says which do).</summary>
    public IReadOnlyList<RowError> UnknownTrackingNumbers(Func<TrackingNumber, bool> exists) =>
        [.. Events.Where(e => !exists(e.TrackingNumber))
            .Select(e => new RowError(e.Row, TrackingColumn, e.TrackingNumber.ToString(), "unknown tracking number: no piece of ours carries it"))];
}
