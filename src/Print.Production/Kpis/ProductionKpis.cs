using Print.Core.Campaigns;
using Print.Core.Production;
using Print.Store;

namespace Print.Production.Kpis;

/// <summary>
/// The KPIs of <see cref="BatchKpis"/> over stored pieces: of one batch, or of one campaign (a trigger: every
/// piece of its communications in every batch, redeliveries included, with the seeds of those batches).
/// </summary>
public sealed class ProductionKpis(IProductionStore store)
{
    public BatchKpis ForBatch(string batchId)
    {
        if (store.FindBatch(batchId) is null) throw new ProductionException($"no batch {batchId}");
        return BatchKpis.Compute(store.PiecesOf(batchId).Select(p => p.History));
    }

    public BatchKpis ForCampaign(string trigger) => BatchKpis.Compute(store.PiecesOfTrigger(trigger).Select(p => p.History));

    /// <summary>Each campaign that has pieces, in the triggers' priority order.</summary>
    public IReadOnlyList<(string Trigger, BatchKpis Kpis)> ByCampaign() =>
        [.. Triggers.ByPriority.Select(t => (t, ForCampaign(t))).Where(x => x.Item2.Pieces > 0)];

    /// <summary>The figures as lines for operators (the same lines <c>print batch status</c> prints).</summary>
    public static IEnumerable<string> Describe(BatchKpis k)
    {
        yield return $"pieces {k.Pieces}, posted {k.Posted}, delivered {k.Delivered}, returned {k.Returned}, re-routed {k.ReRouted}, in transit {k.InTransit}, re-prints {k.Reprints}";
        yield return "delivery rate " + (k.DeliveryRate is { } r ? FormattableString.Invariant($"{r * 100:0.0}% ({k.Delivered} of {k.Posted} posted)") : "none yet (nothing posted)");
        if (k.ReturnedByReason.Count > 0)
            yield return "returned by reason: " + string.Join(", ", k.ReturnedByReason.Select(kv => $"{kv.Key} {kv.Value}"));
        if (k.Seeds.Count > 0)
        {
            int delivered = k.Seeds.Count(s => s.Days is not null);
            yield return $"seeds {k.Seeds.Count}, delivered {delivered}" + (k.SeedAverageDays is { } avg
                ? $", delivery time mean {avg:0.#} days, max {k.SeedMaxDays} days" : "");
        }
    }
}
