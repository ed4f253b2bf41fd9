using System.Buffers.Binary;
using System.Globalization;
using LiteDB;
using Print.Core.Campaigns;
using Print.Core.Customers;
using Print.Core.Production;

namespace Print.Store.LiteDb;

/// <summary>
/// The production documents, field by field (the conventions of <see cref="StoreMapper"/>: snake_case, days as
/// Int32 yyyymmdd). Times of state changes are ISO 8601 text with their offset (<c>2026-11-25T09:00:00.0000000+08:00</c>),
/// so a history reads back exactly as recorded. Histories are restored step by step through their rules
/// (<see cref="PieceHistory.Restore"/>), so a damaged document is caught on reading.
/// </summary>
internal static class ProductionMapper
{
    public static BsonValue Time(DateTimeOffset t) => new(t.ToString("O", CultureInfo.InvariantCulture));

    public static DateTimeOffset Time(BsonValue v) => DateTimeOffset.ParseExact(v.AsString, "O", CultureInfo.InvariantCulture);

    private static BsonValue Text(string? s) => s is null ? BsonValue.Null : new BsonValue(s);

    private static string? Text(BsonValue v) => v.IsNull ? null : v.AsString;

    private static BsonArray Texts(IEnumerable<string> values) => new(values.Select(v => new BsonValue(v)));

    private static List<string> Texts(BsonValue v) => v.AsArray.Select(x => x.AsString).ToList();

    private static BsonValue Number(int? n) => n is { } v ? new BsonValue(v) : BsonValue.Null;

    // ---------------------------------------------------------------- work orders

    public static BsonDocument Document(WorkOrder o, IReadOnlyCollection<SkippedMail> skipped) => new()
    {
        ["_id"] = o.Id,
        ["created_on"] = StoreMapper.Date(o.CreatedOn),
        ["created_by"] = o.CreatedBy,
        ["batch_ids"] = Texts(o.BatchIds),
        ["pieces"] = o.Pieces,
        ["skipped"] = new BsonArray(skipped.Select(s => (BsonValue)new BsonDocument
        {
            ["communication_id"] = s.CommunicationId,
            ["customer_id"] = s.CustomerId,
            ["reason"] = s.Reason,
            ["redelivery_of"] = Text(s.RedeliveryOf),
        })),
    };

    public static WorkOrder WorkOrder(BsonDocument d) =>
        new(d["_id"].AsString, StoreMapper.Date(d["created_on"]), d["created_by"].AsString, Texts(d["batch_ids"]), d["pieces"].AsInt32);

    public static IReadOnlyList<SkippedMail> Skipped(BsonDocument d) =>
        [.. d["skipped"].AsArray.Select(v => v.AsDocument).Select(s =>
            new SkippedMail(s["communication_id"].AsString, s["customer_id"].AsString, s["reason"].AsString, Text(s["redelivery_of"])))];

    // ---------------------------------------------------------------- batches

    public static BsonDocument Document(Batch b) => new()
    {
        ["_id"] = b.Id,
        ["work_order_id"] = b.WorkOrderId,
        ["created_on"] = StoreMapper.Date(b.CreatedOn),
        ["documents"] = Texts(b.Documents),
        ["variant"] = Text(b.Variant),
        ["paper"] = b.Paper,
        ["envelope"] = b.Envelope,
        ["mail_class"] = b.MailClass.ToString(),
        ["limits"] = new BsonDocument { ["max_pieces"] = Number(b.Limits.MaxPieces), ["max_sheets"] = Number(b.Limits.MaxSheets) },
        ["piece_count"] = b.PieceCount,
        ["state"] = b.History.State.ToString(),
        ["history"] = new BsonArray(b.History.Events.Select(Document)),
        ["template_hash"] = Text(b.TemplateHash),
        ["files"] = new BsonArray(b.Files.Select(f => (BsonValue)new BsonDocument
        {
            ["name"] = f.Name, ["sha256"] = f.Sha256, ["bytes"] = f.Bytes, ["pages"] = f.Pages, ["pieces"] = f.Pieces,
        })),
        ["rendered_pieces"] = b.RenderedPieces,
    };

    public static Batch Batch(BsonDocument d)
    {
        var limits = d["limits"].AsDocument;
        var id = d["_id"].AsString;
        return new Batch
        {
            Id = id,
            WorkOrderId = d["work_order_id"].AsString,
            CreatedOn = StoreMapper.Date(d["created_on"]),
            Documents = Texts(d["documents"]),
            Variant = Text(d["variant"]),
            Paper = d["paper"].AsString,
            Envelope = d["envelope"].AsString,
            MailClass = Enum.Parse<MailClass>(d["mail_class"].AsString),
            Limits = new SplitLimits(limits["max_pieces"].IsNull ? null : limits["max_pieces"].AsInt32,
                limits["max_sheets"].IsNull ? null : limits["max_sheets"].AsInt32),
            PieceCount = d["piece_count"].AsInt32,
            History = BatchHistory.Restore(id, d["history"].AsArray.Select(v => BatchEvent(v.AsDocument))),
            TemplateHash = Text(d["template_hash"]),
            Files = [.. d["files"].AsArray.Select(v => v.AsDocument).Select(f =>
                new BatchOutputFile(f["name"].AsString, f["sha256"].AsString, f["bytes"].AsInt64, f["pages"].AsInt32, f["pieces"].AsInt32))],
            RenderedPieces = d["rendered_pieces"].AsInt32,
        };
    }

    private static BsonValue Document(BatchEvent e) => new BsonDocument
    {
        ["from"] = e.From.ToString(),
        ["to"] = e.To.ToString(),
        ["at"] = Time(e.At),
        ["actor"] = e.Actor,
        ["note"] = Text(e.Note),
        ["approval"] = e.Approval is { } a
            ? new BsonDocument { ["by"] = a.By, ["at"] = Time(a.At), ["template_hash"] = a.TemplateHash }
            : BsonValue.Null,
    };

    private static BatchEvent BatchEvent(BsonDocument d) => new()
    {
        From = Enum.Parse<BatchState>(d["from"].AsString),
        To = Enum.Parse<BatchState>(d["to"].AsString),
        At = Time(d["at"]),
        Actor = d["actor"].AsString,
        Note = Text(d["note"]),
        Approval = d["approval"].IsNull ? null
            : new Approval(d["approval"]["by"].AsString, Time(d["approval"]["at"]), d["approval"]["template_hash"].AsString),
    };

    // ---------------------------------------------------------------- pieces

    /// <summary>
    /// What makes a piece unique among pieces: its communication for a first delivery, its own id for a seed or
    /// a redelivery (the unique index <c>communication_key</c> is the store's guarantee that a communication is
    /// never batched twice).
    /// </summary>
    public static string CommunicationKey(MailPiece p) =>
        p.CommunicationId is { } c && !p.IsSeed && p.RedeliveryOf is null ? c : "piece:" + p.Id;

    /// <summary>The campaign (trigger) of a communication id <c>trigger/key/customer</c>.</summary>
    public static string? Trigger(string? communicationId) =>
        communicationId is { } id && id.IndexOf('/') is var slash and > 0 ? id[..slash] : null;

    public static BsonDocument Document(MailPiece p) => new()
    {
        ["_id"] = p.Id,
        ["batch_id"] = p.BatchId,
        ["sequence"] = p.Sequence,
        ["communication_id"] = Text(p.CommunicationId),
        ["communication_key"] = CommunicationKey(p),
        ["trigger"] = Text(Trigger(p.CommunicationId)),
        ["redelivery_of"] = Text(p.RedeliveryOf),
        ["customer_id"] = p.CustomerId,
        ["documents"] = Texts(p.Documents),
        ["variant"] = Text(p.Variant),
        ["policy_number"] = Text(p.PolicyNumber),
        ["event_id"] = Text(p.EventId),
        ["mail_class"] = p.MailClass.ToString(),
        ["tracking_number"] = Text(p.TrackingNumber?.ToString()),
        ["segment"] = p.Segment,
        ["is_seed"] = p.IsSeed,
        ["name"] = p.Name,
        ["address"] = Document(p.Address),
        ["letter"] = p.Letter is { } l ? Document(l) : BsonValue.Null,
        ["state"] = p.History.State.ToString(),
        ["copy"] = p.History.Copy,
        ["history"] = new BsonArray(p.History.Events.Select(Document)),
        ["pages"] = p.Pages is { } g
            ? new BsonDocument { ["file"] = g.File, ["first_page"] = g.FirstPage, ["last_page"] = g.LastPage, ["sheets"] = g.Sheets }
            : BsonValue.Null,
    };

    public static MailPiece Piece(BsonDocument d)
    {
        var id = d["_id"].AsString;
        TrackingNumber? number = d["tracking_number"].IsNull ? null : TrackingNumber.Parse(d["tracking_number"].AsString);
        bool seed = d["is_seed"].AsBoolean;
        var pages = d["pages"];
        return new MailPiece
        {
            Id = id,
            BatchId = d["batch_id"].AsString,
            Sequence = d["sequence"].AsInt32,
            CommunicationId = Text(d["communication_id"]),
            RedeliveryOf = Text(d["redelivery_of"]),
            CustomerId = d["customer_id"].AsString,
            Documents = Texts(d["documents"]),
            Variant = Text(d["variant"]),
            PolicyNumber = Text(d["policy_number"]),
            EventId = Text(d["event_id"]),
            MailClass = Enum.Parse<MailClass>(d["mail_class"].AsString),
            TrackingNumber = number,
            Segment = d["segment"].AsString,
            IsSeed = seed,
            Name = d["name"].AsString,
            Address = Address(d["address"].AsDocument),
            Letter = d["letter"] is { IsDocument: true } letter ? LetterFacts(letter.AsDocument) : null, // absent in pieces stored before
            History = PieceHistory.Restore(id, number, seed, d["history"].AsArray.Select(v => PieceEvent(v.AsDocument))),
            Pages = pages.IsNull ? null
                : new PiecePages(pages["file"].AsString, pages["first_page"].AsInt32, pages["last_page"].AsInt32, pages["sheets"].AsInt32),
        };
    }

    /// <summary>Each piece's first page, last page and sheets as three little-endian 32-bit numbers: 12 bytes a piece, one blob a file.</summary>
    public static BsonDocument Document(PrintFilePieces f)
    {
        var packed = new byte[f.Pages.Count * 12];
        for (int i = 0; i < f.Pages.Count; i++)
        {
            var span = packed.AsSpan(i * 12);
            BinaryPrimitives.WriteInt32LittleEndian(span, f.Pages[i].FirstPage);
            BinaryPrimitives.WriteInt32LittleEndian(span[4..], f.Pages[i].LastPage);
            BinaryPrimitives.WriteInt32LittleEndian(span[8..], f.Pages[i].Sheets);
        }
        return new BsonDocument
        {
            ["_id"] = LiteDbProductionStore.SequenceKey(f.BatchId, f.LastSequence),
            ["batch_id"] = f.BatchId,
            ["file"] = f.File,
            ["first_sequence"] = f.FirstSequence,
            ["last_sequence"] = f.LastSequence,
            ["at"] = Time(f.At),
            ["actor"] = f.Actor,
            ["pages"] = packed,
        };
    }

    public static PrintFilePieces PrintFilePieces(BsonDocument d)
    {
        var file = d["file"].AsString;
        var packed = d["pages"].AsBinary;
        int count = d["last_sequence"].AsInt32 - d["first_sequence"].AsInt32 + 1;
        if (packed.Length != count * 12)
            throw new InvalidDataException($"print file record {d["_id"].AsString}: {packed.Length} bytes of pages for {count} pieces");
        var pages = new PiecePages[count];
        for (int i = 0; i < count; i++)
        {
            var span = packed.AsSpan(i * 12);
            pages[i] = new PiecePages(file, BinaryPrimitives.ReadInt32LittleEndian(span), BinaryPrimitives.ReadInt32LittleEndian(span[4..]),
                BinaryPrimitives.ReadInt32LittleEndian(span[8..]));
        }
        return new PrintFilePieces(d["batch_id"].AsString, file, d["first_sequence"].AsInt32, pages, Time(d["at"]), d["actor"].AsString);
    }

    private static BsonDocument Document(LetterFacts f) => new()
    {
        ["gender"] = f.Gender.ToString(),
        ["birthday"] = StoreMapper.Date(f.Birthday),
        ["mobile"] = f.Mobile,
        ["email"] = f.Email,
        ["policy"] = f.Policy is { } p ? StoreMapper.Document(p) : BsonValue.Null,
    };

    private static LetterFacts LetterFacts(BsonDocument d) => new(
        Enum.Parse<Gender>(d["gender"].AsString), StoreMapper.OptionalDate(d["birthday"]), d["mobile"].AsString, d["email"].AsString,
        d["policy"].IsNull ? null : StoreMapper.Policy(d["policy"].AsDocument));

    private static BsonValue Document(PieceEvent e) => new BsonDocument
    {
        ["copy"] = e.Copy,
        ["from"] = e.From.ToString(),
        ["to"] = e.To.ToString(),
        ["at"] = Time(e.At),
        ["actor"] = e.Actor,
        ["note"] = Text(e.Note),
        ["return_reason"] = Text(e.ReturnReason),
        ["new_address"] = e.NewAddress is { } a ? Document(a) : BsonValue.Null,
    };

    private static PieceEvent PieceEvent(BsonDocument d) => new()
    {
        Copy = d["copy"].AsInt32,
        From = Enum.Parse<PieceState>(d["from"].AsString),
        To = Enum.Parse<PieceState>(d["to"].AsString),
        At = Time(d["at"]),
        Actor = d["actor"].AsString,
        Note = Text(d["note"]),
        ReturnReason = Text(d["return_reason"]),
        NewAddress = d["new_address"].IsNull ? null : Address(d["new_address"].AsDocument),
    };

    public static BsonDocument Document(Address a) => new()
    {
        ["province"] = a.Province, ["city"] = a.City, ["district"] = a.District, ["street"] = a.Street, ["postcode"] = a.Postcode,
    };

    public static Address Address(BsonDocument d) => new()
    {
        Province = d["province"].AsString, City = d["city"].AsString, District = d["district"].AsString,
        Street = d["street"].AsString, Postcode = d["postcode"].AsString,
    };

    // ---------------------------------------------------------------- tracking audit, redeliveries

    public static BsonDocument Document(TrackingAudit a) => new()
    {
        ["range_id"] = a.RangeId,
        ["first_serial"] = a.FirstSerial,
        ["last_serial"] = a.LastSerial,
        ["batch_id"] = a.BatchId,
        ["at"] = Time(a.At),
        ["by"] = a.By,
    };

    public static TrackingAudit Audit(BsonDocument d) =>
        new(d["range_id"].AsString, d["first_serial"].AsInt64, d["last_serial"].AsInt64, d["batch_id"].AsString, Time(d["at"]), d["by"].AsString);

    public static BsonDocument Document(Redelivery r) => new()
    {
        ["_id"] = r.PieceId,
        ["customer_id"] = r.CustomerId,
        ["communication_id"] = r.CommunicationId,
        ["returned_on"] = StoreMapper.Date(r.ReturnedOn),
        ["reason"] = r.Reason,
        ["address"] = Document(r.Address),
        ["status"] = r.Status.ToString(),
        ["batched_in"] = Text(r.BatchedIn),
        ["drop_reason"] = Text(r.DropReason),
    };

    public static Redelivery Redelivery(BsonDocument d) => new()
    {
        PieceId = d["_id"].AsString,
        CustomerId = d["customer_id"].AsString,
        CommunicationId = d["communication_id"].AsString,
        ReturnedOn = StoreMapper.Date(d["returned_on"]),
        Reason = d["reason"].AsString,
        Address = Address(d["address"].AsDocument),
        Status = Enum.Parse<RedeliveryStatus>(d["status"].AsString),
        BatchedIn = Text(d["batched_in"]),
        DropReason = Text(d["drop_reason"]),
    };
}
