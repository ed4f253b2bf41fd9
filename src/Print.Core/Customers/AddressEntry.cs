namespace Print.Core.Customers;

/// <summary>One address in a customer's history, with where it came from and what happened to it.</summary>
public sealed record AddressEntry
{
    public required Address Address { get; init; }
    public AddressSource Source { get; init; }
    /// <summary>The day it became the current address.</summary>
    public DateOnly Since { get; init; }
    /// <summary>The day it stopped being current (replaced), if it did.</summary>
    public DateOnly? Until { get; init; }
    public AddressStatus Status { get; init; }
    /// <summary>Delivery succeeded there, or a person confirmed it.</summary>
    public bool Verified { get; init; }
    public DateOnly? VerifiedOn { get; init; }
    /// <summary>The return reason (原址查无此人, 地址不详, …) when mail came back.</summary>
    public string? BadReason { get; init; }
    public DateOnly? BadOn { get; init; }
}
