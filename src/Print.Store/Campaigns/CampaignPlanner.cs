using Print.Core.Campaigns;
using Print.Core.Customers;
using Print.Core.Segmentation;

namespace Print.Store.Campaigns;

/// <summary>
/// Decides who is due for which piece on a day, by which channel, and records one communication per occasion.
/// <list type="number">
/// <item>The calendar (<see cref="CampaignCalendar.Agenda"/>) says what falls due on the day; the store finds the
/// customers by policy start or end day and birthday (its day lists) or segment (pages in id order).</item>
/// <item>Triggers run most important first (<see cref="Triggers.ByPriority"/>), so when the frequency cap
/// leaves room for one piece, the renewal proposal gets it rather than the magazine.</item>
/// <item>Each occasion already stored is skipped: planning a day twice, or again after a crash or a restart,
/// records nothing twice. Occasions are decided and recorded in chunks, each chunk one transaction.</item>
/// <item>An occasion planned after its deadline (catching up after downtime) is recorded as dropped, with why;
/// so are a proposal for a policy already renewed, one pushed past its deadline by a quiet period, one no
/// channel may carry, and one over the frequency cap.</item>
/// </list>
/// </summary>
public sealed class CampaignPlanner(ICustomerStore customerStore, ICommunicationStore communicationStore, CampaignSettings settings)
{
    private readonly ICustomerStore customers = customerStore;
    private readonly ICommunicationStore communications = communicationStore;

    /// <summary>Occasions per look-up and transaction.</summary>
    public int ChunkSize { get; init; } = 2000;

    /// <summary>How far back the scheduled catch-up goes after downtime; older days are left unplanned (and said so).</summary>
    public int MaxCatchUpDays { get; init; } = 60;

    /// <summary>How far either side of a send day the frequency cap looks for a customer's other pieces.</summary>
    private int CapLookaroundDays => settings.Cap.Days;

    /// <summary>
    /// Plans the days <paramref name="from"/> .. <paramref name="from"/> + <paramref name="days"/> − 1, each as
    /// if planned on that day (the command line's <c>print plan</c>). A dry run decides the same but stores nothing.
    /// </summary>
    public PlanReport PlanDays(DateOnly from, int days, bool dryRun = false)
    {
        var report = new PlanReport();
        var decidedThisRun = new Dictionary<string, List<Communication>>(StringComparer.Ordinal);
        for (int i = 0; i < days; i++) report.Merge(PlanDay(from.AddDays(i), from.AddDays(i), dryRun, decidedThisRun));
        return report;
    }

    /// <summary>
    /// The scheduled run: every day since the last one the scheduler finished, up to and including
    /// <paramref name="today"/>, each decided on <paramref name="today"/>, so pieces whose moment has passed
    /// are dropped with their reason when no longer useful. The first run ever plans today only.
    /// </summary>
    public PlanReport CatchUp(DateOnly today)
    {
        var first = communications.LastPlannedDay is { } last ? last.AddDays(1) : today;
        var report = new PlanReport();
        if (first < today.AddDays(-(MaxCatchUpDays - 1)))
        {
            report.SkippedDays = today.AddDays(-(MaxCatchUpDays - 1)).DayNumber - first.DayNumber;
            first = today.AddDays(-(MaxCatchUpDays - 1));
        }
        for (var day = first; day <= today; day = day.AddDays(1))
        {
            report.Merge(PlanDay(day, today, dryRun: false));
            communications.SetLastPlannedDay(day);
        }
        return report;
    }

    /// <summary>Plans one <paramref name="day"/>, deciding on <paramref name="today"/> (later than the day when catching up).</summary>
    public PlanReport PlanDay(DateOnly day, DateOnly today, bool dryRun) => PlanDay(day, today, dryRun, []);

    /// <param name="decidedThisRun">A dry run's decisions so far, by customer: the frequency cap counts them
    /// as a real run counts what it has stored.</param>
    private PlanReport PlanDay(DateOnly day, DateOnly today, bool dryRun, Dictionary<string, List<Communication>> decidedThisRun)
    {
        var report = new PlanReport();
        report.Days.Add(day);
        var agenda = settings.Calendar.Agenda(day);
        var run = new DayRun(this, day, today, dryRun, report, decidedThisRun);

        if (agenda.PoliciesEndingOn is { } ending)
            run.FromPolicies(customers.PoliciesEndingOn(ending), (p, _) => settings.Calendar.Proposal(p, day));
        if (agenda.PoliciesStartedOn is { } started)
            run.FromPolicies(customers.PoliciesStartingOn(started), (p, _) => settings.Calendar.ThankYou(p, day));
        foreach (var e in agenda.Invitations)
            run.FromCustomers(customers.CustomersInSegments(e.Segments), c => settings.Calendar.Invitation(c, e, day));
        foreach (var due in agenda.Birthdays)
            run.FromCustomers(customers.CustomersBornOn(due.Month, due.Day).Where(c => agenda.BirthdaySegments.Contains(SegmentOf(c))),
                c => settings.Calendar.Birthday(c, due, day));
        foreach (var holiday in agenda.Holidays)
            run.FromCustomers(customers.CustomersInSegments(holiday.Segments).Where(c => holiday.Includes(c.Id)),
                c => settings.Calendar.Holiday(c, holiday, day));
        if (agenda.Magazine is { } issue)
            run.FromCustomers(customers.CustomersInSegments(issue.Segments), c => settings.Calendar.Magazine(c, issue, day));
        return report;
    }

    internal static string SegmentOf(Customer c) => c.Segment?.Segment ?? Segments.Unsegmented;

    private sealed class DayRun(CampaignPlanner planner, DateOnly day, DateOnly today, bool dryRun, PlanReport report,
        Dictionary<string, List<Communication>> decidedThisRun)
    {
        public void FromPolicies(IEnumerable<Policy> policies, Func<Policy, CustomerRecord, Occasion> occasion)
        {
            foreach (var chunk in policies.Chunk(planner.ChunkSize))
            {
                var records = planner.customers.GetMany(chunk.Select(p => p.CustomerId).Distinct(StringComparer.Ordinal).ToList());
                var candidates = new List<(Occasion, Customer, IReadOnlyList<Policy>)>(chunk.Length);
                foreach (var policy in chunk)
                    if (records.TryGetValue(policy.CustomerId, out var record))
                        candidates.Add((occasion(policy, record), record.Customer, record.Policies));
                Decide(candidates);
            }
        }

        public void FromCustomers(IEnumerable<Customer> customers, Func<Customer, Occasion> occasion)
        {
            foreach (var chunk in customers.Chunk(planner.ChunkSize))
                Decide(chunk.Select(c => (occasion(c), c, (IReadOnlyList<Policy>)[])).ToList());
        }

        /// <summary>Occasions (trigger/key) of which nothing was stored before this run: no look-up needed.</summary>
        private readonly Dictionary<(string, string), bool> storedBefore = [];

        private void Decide(IReadOnlyList<(Occasion Occasion, Customer Customer, IReadOnlyList<Policy> Policies)> candidates)
        {
            // A Spring Festival card for every customer is one occasion key: asking once whether any was stored
            // spares a million look-ups on the first run of the day. Each customer comes once per occasion in a run.
            var first = candidates[0].Occasion;
            bool oneOccasion = candidates.All(c => c.Occasion.Trigger == first.Trigger && c.Occasion.Key == first.Key);
            var existing = oneOccasion && !StoredBefore(first) ? new HashSet<string>()
                : planner.communications.Existing(candidates.Select(c => c.Occasion.Id).ToList());
            var fresh = candidates.Where(c => !existing.Contains(c.Occasion.Id))
                .DistinctBy(c => c.Occasion.Id, StringComparer.Ordinal).ToList();
            report.AddExisting(candidates.Count - fresh.Count);
            if (fresh.Count == 0) return;

            var nearby = planner.communications
                .OfCustomers(fresh.Select(c => c.Customer.Id).Distinct(StringComparer.Ordinal).ToList(),
                    day.AddDays(-planner.CapLookaroundDays), Later(day, today).AddDays(planner.CapLookaroundDays))
                .GroupBy(c => c.CustomerId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

            var decided = new List<Communication>(fresh.Count);
            foreach (var (occasion, customer, policies) in fresh)
            {
                var mine = nearby.GetValueOrDefault(customer.Id) ?? [];
                if (decidedThisRun.TryGetValue(customer.Id, out var earlier)) mine = [.. mine, .. earlier];
                var communication = planner.Decide(occasion, customer, policies, today, mine);
                decided.Add(communication);
                if (communication.Status == CommunicationStatus.Dropped) continue;
                // Until recorded, the chunk's own decisions count through these lists; a dry run never records.
                var counted = dryRun ? decidedThisRun : nearby;
                if (!counted.TryGetValue(customer.Id, out var list)) counted[customer.Id] = list = [];
                list.Add(communication);
            }
            if (!dryRun) planner.communications.Record(decided);
            foreach (var c in decided) report.Add(c);
        }

        private bool StoredBefore(Occasion o)
        {
            var key = (o.Trigger, o.Key);
            if (!storedBefore.TryGetValue(key, out var any)) storedBefore[key] = any = planner.communications.AnyOf(o.Trigger, o.Key);
            return any;
        }
    }

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    /// <summary>One occasion's decision, every step in <see cref="Communication.Reasons"/>.</summary>
    internal Communication Decide(Occasion occasion, Customer customer, IReadOnlyList<Policy> policies, DateOnly today,
        IReadOnlyList<Communication> customersCommunications)
    {
        var reasons = new List<string>();
        var earliest = Later(occasion.DueOn, today);
        Communication Result(CommunicationStatus status, DateOnly sendOn, ChannelDecision? decision = null) => new()
        {
            Occasion = occasion,
            PlannedOn = today,
            SendOn = sendOn,
            Segment = SegmentOf(customer),
            Channel = status == CommunicationStatus.Dropped ? null : decision?.Channel,
            PhoneFollowUp = status != CommunicationStatus.Dropped && decision is { PhoneFollowUp: true },
            Status = status,
            Reasons = reasons,
        };

        if (today > occasion.Deadline)
        {
            reasons.Add($"too late: due on {occasion.DueOn:yyyy-MM-dd}, planned on {today:yyyy-MM-dd}, after its last useful day {occasion.Deadline:yyyy-MM-dd} ({occasion.DeadlineReason})");
            return Result(CommunicationStatus.Dropped, earliest);
        }
        if (occasion.Trigger == Triggers.Proposal && occasion.PolicyNumber is { } number
            && policies.FirstOrDefault(p => p.Number == number) is { } policy
            && Renewals.RenewedBy(policy, policies) is { } renewal)
        {
            reasons.Add($"already renewed: policy {renewal.Number} starts {renewal.Start:yyyy-MM-dd}");
            return Result(CommunicationStatus.Dropped, earliest);
        }

        var sendOn = settings.Quiet.SendDay(occasion, earliest);
        reasons.AddRange(settings.Quiet.Postponements(occasion, earliest));
        if (sendOn > occasion.Deadline)
        {
            reasons.Add($"too late after the quiet period: {sendOn:yyyy-MM-dd} is after its last useful day {occasion.Deadline:yyyy-MM-dd} ({occasion.DeadlineReason})");
            return Result(CommunicationStatus.Dropped, sendOn);
        }

        var decision = settings.Channels.Decide(customer, occasion);
        reasons.AddRange(decision.Reasons);
        if (decision.Channel is null)
        {
            if (reasons.Count == 0 || !reasons[^1].StartsWith("no channel", StringComparison.Ordinal)) reasons.Add("no channel: every channel in the plan was refused");
            return Result(CommunicationStatus.Dropped, sendOn, decision);
        }
        if (settings.Cap.Refusal(occasion, sendOn, customersCommunications) is { } refusal)
        {
            reasons.Add($"frequency cap: {refusal}");
            return Result(CommunicationStatus.Dropped, sendOn, decision);
        }
        return Result(CommunicationStatus.Planned, sendOn, decision);
    }

    /// <summary>
    /// Hands the communications whose send day has come to production (mail) and dispatch (SMS, e-mail, phone
    /// tasks); ones whose deadline passed while nothing ran are dropped with the reason instead.
    /// </summary>
    public HandOffReport HandOff(DateOnly today)
    {
        var due = communications.DueForHandOff(today);
        var handedOff = due.Where(c => c.Occasion.Deadline >= today).ToList();
        var tooLate = due.Where(c => c.Occasion.Deadline < today)
            .Select(c => (c.Id, $"too late: handed off on {today:yyyy-MM-dd}, after its last useful day {c.Occasion.Deadline:yyyy-MM-dd} ({c.Occasion.DeadlineReason})"))
            .ToList();
        communications.HandOff(handedOff.Select(c => c.Id).ToList(), tooLate, today);
        return new HandOffReport(
            handedOff.GroupBy(c => c.Channel!.Value).ToDictionary(g => g.Key, g => g.Count()),
            tooLate.Count);
    }
}

/// <summary>How many communications went to each channel's queue, and how many were dropped as too late.</summary>
public sealed record HandOffReport(IReadOnlyDictionary<Channel, int> ByChannel, int DroppedTooLate)
{
    public int HandedOff => ByChannel.Values.Sum();
}
