namespace Print.Core.Production;

/// <summary>
/// Presort: the pieces of a batch in postcode order, so the post office receives trays that are already
/// sorted. Ties go by customer id, then piece id, so the same pieces always come out in the same order (a
/// re-run renders identical files). Seed pieces are kept out of the postcode order and spread through the
/// batch by <see cref="WithSeeds"/>.
/// </summary>
public static class Presort
{
    /// <summary>The customer pieces by postcode (ordinal; a missing postcode sorts last), customer id, piece id.</summary>
    public static IReadOnlyList<BatchPiece> Order(IEnumerable<BatchPiece> pieces) =>
        [.. pieces.OrderBy(p => p.Postcode.Length == 0 ? 1 : 0)
            .ThenBy(p => p.Postcode, StringComparer.Ordinal)
            .ThenBy(p => p.CustomerId, StringComparer.Ordinal)
            .ThenBy(p => p.PieceId, StringComparer.Ordinal)];

    /// <summary>
    /// Places the seed pieces in the presorted batch: the first before the first piece, the last after the
    /// last piece, the others evenly between (with one seed: at the start). The print run takes hours; seeds at
    /// both ends measure the first and the last tray posted, not only the first. The seeds keep their given order.
    /// </summary>
    public static IReadOnlyList<BatchPiece> WithSeeds(IReadOnlyList<BatchPiece> sorted, IReadOnlyList<BatchPiece> seeds)
    {
        if (seeds.Count == 0) return sorted;
        var result = new List<BatchPiece>(sorted.Count + seeds.Count);
        // Seed i goes before customer piece round(i·n/(k−1)); the last one (i = k−1) therefore after all n.
        int n = sorted.Count, k = seeds.Count, next = 0;
        for (int i = 0; i < k; i++)
        {
            int at = k == 1 ? 0 : (int)Math.Round((double)i * n / (k - 1), MidpointRounding.AwayFromZero);
            while (next < at) result.Add(sorted[next++]);
            result.Add(seeds[i] with { IsSeed = true });
        }
        while (next < n) result.Add(sorted[next++]);
        return result;
    }
}
