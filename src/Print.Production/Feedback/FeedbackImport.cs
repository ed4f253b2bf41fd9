using Print.Core.Customers;
using Print.Core.Import;
using Print.Core.Production;
using Print.Store;

namespace Print.Production.Feedback;

/// <summary>What one feedback file did.</summary>
public sealed record FeedbackSummary
{
    public required string File { get; init; }
    /// <summary>Data rows read (good and bad).</summary>
    public required int Rows { get; init; }
    /// <summary>Events recorded on pieces now.</summary>
    public int Applied { get; set; }
    /// <summary>Events the piece already had (the file, or part of it, was imported before).</summary>
    public int AlreadyRecorded { get; set; }
    /// <summary>Rows the file itself got wrong (bad check digit, unknown event, …).</summary>
    public required IReadOnlyList<RowError> BadRows { get; init; }
    /// <summary>Rows whose tracking number no piece carries, each named.</summary>
    public required IReadOnlyList<RowError> Unknown { get; init; }
    /// <summary>Rows whose event the piece cannot take (a delivered piece reported returned, a piece not yet posted).</summary>
    public List<RowError> Refused { get; } = [];
    public int AddressesCorrected { get; set; }
    public int AddressesMarkedBad { get; set; }
    public int AddressesVerified { get; set; }
    /// <summary>Customers no channel may reach any more (a return such as 收件人已故).</summary>
    public int ContactStopped { get; set; }
    public int RedeliveriesQueued { get; set; }

    /// <summary>One line for the operator.</summary>
    public override string ToString() =>
        $"{Path.GetFileName(File)}: {Rows} rows: {Applied} recorded, {AlreadyRecorded} already recorded, {Unknown.Count} unknown tracking number{(Unknown.Count == 1 ? "" : "s")}, "
        + $"{Refused.Count} refused, {BadRows.Count} bad; addresses: {AddressesCorrected} corrected, {AddressesMarkedBad} marked bad, {AddressesVerified} verified; "
        + $"{RedeliveriesQueued} redeliver{(RedeliveriesQueued == 1 ? "y" : "ies")} queued" + (ContactStopped > 0 ? $"; all contact stopped for {ContactStopped} customer{(ContactStopped == 1 ? "" : "s")}" : "");
}

/// <summary>
/// The post office's delivery feedback (<see cref="DeliveryFeedback"/>) applied to the pieces it names, and what
/// it teaches about addresses applied to the address book (address maintenance):
/// <list type="bullet">
/// <item><b>delivered</b>: the piece is delivered; the address it went to, when still the customer's current
/// one, is verified.</item>
/// <item><b>re-routed</b>: the piece is re-routed; the new address becomes the customer's current address
/// (source post office, from the event's day; the old one becomes history).</item>
/// <item><b>returned</b> with a reason marking the address bad (unknown addressee, incomplete, moved): the
/// address the piece last went to, when still current, is marked bad, so the customer is not mailable until a
/// corrected address arrives and the channel plan falls back meanwhile; a <see cref="Redelivery"/> is queued,
/// and the next work order puts the communication into a new piece once the address book holds another
/// mailable address. A reason that stops contact (deceased) stops every channel to the customer, SMS and e-mail included.</item>
/// </list>
/// Every tracking number no piece carries is reported with its row. Events go in file order, in chunks; each
/// chunk's piece histories, address books and redeliveries are saved in one transaction, so an import stopped
/// at any point leaves whole chunks, and importing the file again records only what is missing: an event a
/// piece already has (<see cref="DeliveryEvent.ApplyTo"/> false) changes nothing, address book included.
/// </summary>
public sealed class FeedbackImport(IProductionStore store, ICustomerStore customers, ReturnReasons? reasons = null)
{
    private readonly ReturnReasons returnReasons = reasons ?? ReturnReasons.Default;

    /// <summary>Events per transaction.</summary>
    public int ChunkSize { get; init; } = 500;

    /// <summary>Called after each chunk is stored, with the events handled so far and the file's known events.</summary>
    public Action<int, int>? Progress { get; init; }

    /// <summary>Reads and applies <paramref name="path"/>; an unreadable file throws before anything is stored.</summary>
    public FeedbackSummary Import(string path)
    {
        var feedback = DeliveryFeedback.Read(path, returnReasons);
        return Apply(feedback, path, $"post office feedback {Path.GetFileName(path)}");
    }

    public FeedbackSummary Apply(DeliveryFeedbackResult feedback, string file, string actor)
    {
        var known = store.PiecesByTracking(feedback.TrackingNumbers);
        var summary = new FeedbackSummary
        {
            File = file,
            Rows = feedback.Events.Count + feedback.Errors.Select(e => e.Row).Distinct().Count(),
            BadRows = feedback.Errors,
            Unknown = feedback.UnknownTrackingNumbers(known.ContainsKey),
        };
        var events = feedback.Events.Where(e => known.ContainsKey(e.TrackingNumber)).ToList();
        int handled = 0;
        foreach (var chunk in events.Chunk(ChunkSize))
        {
            ApplyChunk(chunk, feedback.TrackingColumn, actor, summary);
            handled += chunk.Length;
            Progress?.Invoke(handled, events.Count);
        }
        return summary;
    }

    private void ApplyChunk(DeliveryEvent[] chunk, string column, string actor, FeedbackSummary summary)
    {
        // Read again per chunk: the pieces as the previous chunk left them.
        var pieces = store.PiecesByTracking([.. chunk.Select(e => e.TrackingNumber).Distinct()]);
        var people = customers.GetMany([.. pieces.Values.Where(p => !p.IsSeed).Select(p => p.CustomerId).Distinct(StringComparer.Ordinal)])
            .ToDictionary(kv => kv.Key, kv => kv.Value.Customer, StringComparer.Ordinal);
        var changedPieces = new Dictionary<string, MailPiece>(StringComparer.Ordinal);
        var changedCustomers = new Dictionary<string, Customer>(StringComparer.Ordinal);
        var queued = new List<Redelivery>();

        foreach (var e in chunk)
        {
            var piece = pieces[e.TrackingNumber];
            var sentTo = LastAddress(piece);
            bool applied;
            try { applied = e.ApplyTo(piece.History, actor); }
            catch (InvalidTransitionException refused)
            {
                summary.Refused.Add(new RowError(e.Row, column, e.TrackingNumber.ToString(), refused.Message));
                continue;
            }
            if (!applied) { summary.AlreadyRecorded++; continue; }
            summary.Applied++;
            changedPieces[piece.Id] = piece;
            if (piece.IsSeed || !people.TryGetValue(piece.CustomerId, out var customer)) continue;

            var book = customer.Addresses;
            bool current = book.Current is { } now && now.Address.SamePlaceAs(sentTo);
            bool changed = false;
            switch (e.Kind)
            {
                case PieceState.Delivered when current:
                    if (book.Verify(e.Date)) { changed = true; summary.AddressesVerified++; }
                    break;
                case PieceState.ReRouted:
                    if (book.Correct(e.NewAddress!, AddressSource.PostOffice, e.Date)) { changed = true; summary.AddressesCorrected++; }
                    break;
                case PieceState.Returned:
                    if (e.Reason!.BadAddress && current)
                    {
                        if (book.MarkBad(e.Reason.Label, e.Date)) { changed = true; summary.AddressesMarkedBad++; }
                        if (piece.CommunicationId is { } communication && store.FindRedelivery(piece.Id) is null)
                        {
                            queued.Add(new Redelivery
                            {
                                PieceId = piece.Id, CustomerId = piece.CustomerId, CommunicationId = communication,
                                ReturnedOn = e.Date, Reason = e.Reason.Code, Address = sentTo,
                            });
                            summary.RedeliveriesQueued++;
                        }
                    }
                    if (e.Reason.StopContact && customer.Contact.Stopped is null)
                    {
                        customer.Contact = customer.Contact.StoppedFor($"{e.Reason.Label} (post office return of {piece.Id})", e.Date);
                        changed = true;
                        summary.ContactStopped++;
                    }
                    break;
            }
            if (changed) changedCustomers[customer.Id] = customer;
        }
        store.SaveFeedback(changedPieces.Values, changedCustomers.Values, queued);
    }

    /// <summary>Where the current copy of the piece went last: its latest re-route, else the address it was printed with.</summary>
    private static Address LastAddress(MailPiece piece) =>
        piece.History.Events.LastOrDefault(e => e.Copy == piece.History.Copy && e.To == PieceState.ReRouted)?.NewAddress ?? piece.Address;
}
