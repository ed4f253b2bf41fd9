namespace Print.Core.Customers;

/// <summary>Where an address came from; an import is the least authoritative (it may be older than what the post office told us).</summary>
public enum AddressSource
{
    /// <summary>The insurer's customer file.</summary>
    Import,
    /// <summary>Forwarding information or a correction from the post office on returned mail.</summary>
    PostOffice,
    /// <summary>An outbound call or the customer calling in.</summary>
    CustomerService,
}
