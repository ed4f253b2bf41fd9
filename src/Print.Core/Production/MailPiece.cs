using Print.Core.Campaigns;
using Print.Core.Customers;

namespace Print.Core.Production;

/// <summary>
/// One envelope in a batch: a customer's communication (or a seed piece to a staff address), the documents it
/// holds, its tracking number when registered, and the addressee and what the letter says about them as they
/// were when the batch was made (the print file, the proof, the manifest and the posting list must agree even if
/// the address book changes meanwhile).
/// </summary>
public sealed class MailPiece
{
    /// <summary><c>{batch id}-{sequence:00000}</c>, e.g. <c>B20261125-01-00042</c>: short enough for the inserter's DataMatrix.</summary>
    public required string Id { get; init; }
    public required string BatchId { get; init; }
    /// <summary>Position in the batch's presort order, from 1 (seed pieces included).</summary>
    public required int Sequence { get; init; }
    /// <summary>
    /// The communication this piece carries out; null for a seed piece. Unique across pieces: a communication is
    /// never batched twice — except by a redelivery (<see cref="RedeliveryOf"/>), which carries it again to a
    /// corrected address after the first piece came back.
    /// </summary>
    public string? CommunicationId { get; init; }
    /// <summary>The returned piece this one delivers again, to the customer's corrected address; null for a first delivery.</summary>
    public string? RedeliveryOf { get; init; }
    /// <summary>The customer; for a seed piece, <c>seed:{name}</c> of the configured staff address.</summary>
    public required string CustomerId { get; init; }
    public required IReadOnlyList<string> Documents { get; init; }
    /// <summary>The greeting-card occasion, passed to the template.</summary>
    public string? Variant { get; init; }
    public string? PolicyNumber { get; init; }
    public string? EventId { get; init; }
    public required MailClass MailClass { get; init; }
    /// <summary>Registered pieces only; the return-receipt card carries the same number.</summary>
    public TrackingNumber? TrackingNumber { get; init; }
    public required string Segment { get; init; }
    public bool IsSeed { get; init; }
    /// <summary>The addressee's name as printed.</summary>
    public required string Name { get; init; }
    public required Address Address { get; init; }
    /// <summary>What the documents print about the customer, as when the batch was made; null for a seed piece, and for pieces stored before pieces kept it (rendering looks the customer up).</summary>
    public LetterFacts? Letter { get; init; }
    public required PieceHistory History { get; init; }

    /// <summary>Where the piece is in the batch's print files, once rendered.</summary>
    public PiecePages? Pages { get; set; }
}

/// <summary>A rendered piece's place in the batch files: the file, its first and last page (from 1), and sheets (duplex: pages / 2 rounded up).</summary>
public sealed record PiecePages(string File, int FirstPage, int LastPage, int Sheets);
