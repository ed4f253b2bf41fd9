using Print.Core.Customers;

namespace Print.Store;

public enum RedeliveryStatus
{
    /// <summary>Waiting for the customer's address book to hold a mailable address other than the one the piece came back from.</summary>
    Waiting,
    /// <summary>A new piece of a later batch carries the communication again (<see cref="Redelivery.BatchedIn"/>).</summary>
    Batched,
    /// <summary>Closed without a new piece, for <see cref="Redelivery.DropReason"/> (its last useful day passed).</summary>
    Dropped,
}

/// <summary>
/// A piece the post office returned because the address was wrong (a reason with <c>bad_address</c>): the
/// customer's address is marked bad, and when a corrected address arrives (from the post office, customer
/// service or a newer import) the next work order puts the communication into a new piece to that address,
/// as long as the communication's last useful day has not passed.
/// </summary>
public sealed record Redelivery
{
    /// <summary>The returned piece; one redelivery per returned piece.</summary>
    public required string PieceId { get; init; }
    public required string CustomerId { get; init; }
    /// <summary>The communication the returned piece carried.</summary>
    public required string CommunicationId { get; init; }
    public required DateOnly ReturnedOn { get; init; }
    /// <summary>The return reason code.</summary>
    public required string Reason { get; init; }
    /// <summary>The address the piece came back from (marked bad in the address book).</summary>
    public required Address Address { get; init; }
    public RedeliveryStatus Status { get; init; } = RedeliveryStatus.Waiting;
    /// <summary>The new piece, once batched.</summary>
    public string? BatchedIn { get; init; }
    public string? DropReason { get; init; }
}
