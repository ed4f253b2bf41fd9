namespace Print.Core.Production;

/// <summary>
/// Where one mail piece is: planned → rendered → printed → posted → delivered | re-routed | returned, or
/// spoiled in the print shop (README.md beside this file has the diagram).
/// </summary>
public enum PieceState
{
    /// <summary>In a batch, numbered when registered; nothing produced yet.</summary>
    Planned,
    /// <summary>Its pages are in the batch's print file.</summary>
    Rendered,
    /// <summary>Printed and enclosed.</summary>
    Printed,
    /// <summary>Handed to the post office.</summary>
    Posted,
    /// <summary>The post office reports it delivered (final).</summary>
    Delivered,
    /// <summary>Forwarded to a new address the post office reports (it may still be delivered or returned).</summary>
    ReRouted,
    /// <summary>Came back undelivered, with a return reason (final).</summary>
    Returned,
    /// <summary>Damaged in printing or enclosing; may be re-printed as a new copy.</summary>
    Spoiled,
}

/// <summary>Where a batch is: created → rendering → rendered → approved → printing → printed → posted.</summary>
public enum BatchState
{
    Created,
    Rendering,
    Rendered,
    /// <summary>The proof was signed off by a named person for the template as it was then.</summary>
    Approved,
    Printing,
    Printed,
    Posted,
}

/// <summary>The states as operators read them in messages and files: planned, re-routed, …</summary>
public static class StateNames
{
    public static string Of(PieceState state) => state switch
    {
        PieceState.ReRouted => "re-routed",
        _ => state.ToString().ToLowerInvariant(),
    };

    public static string Of(BatchState state) => state.ToString().ToLowerInvariant();

    internal static string List(IEnumerable<string> names)
    {
        var all = names.ToList();
        return all.Count switch
        {
            0 => "nowhere",
            1 => all[0],
            _ => string.Join(", ", all.Take(all.Count - 1)) + " or " + all[^1],
        };
    }
}
