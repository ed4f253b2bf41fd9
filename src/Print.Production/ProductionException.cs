namespace Print.Production;

/// <summary>
/// Production cannot do what was asked, for a reason the operator can act on (an unknown batch, registered pieces
/// without a ranges file, a batch not ready to post). Nothing was stored.
/// </summary>
public sealed class ProductionException(string message) : Exception(message);
