namespace Print.Core.Customers;

public enum AddressStatus
{
    /// <summary>Where mail goes now.</summary>
    Current,
    /// <summary>Replaced by a newer address; it was not known to be wrong.</summary>
    Previous,
    /// <summary>Mail came back from it: never mail there again, even after it has been replaced.</summary>
    Bad,
}
