using LiteDB;
using Print.Core.Campaigns;
using Print.Core.Customers;

namespace Print.Store.LiteDb;

/// <summary>
/// Communications in the shared <see cref="PrintDatabase"/>: collection <c>communications</c>, <c>_id</c> the
/// occasion id (<c>trigger/key/customer</c>, unique by LiteDB's primary key: a second insert of the same
/// occasion fails the whole transaction instead of duplicating a piece), indexes on <c>customer_id</c>
/// (frequency cap) and <c>send_on</c> (hand-off). The planner's progress is one document in <c>planner</c>.
/// </summary>
public sealed class LiteDbCommunicationStore : ICommunicationStore
{
    public const string Communications = "communications";
    private const string PlannerState = "planner";

    private readonly PrintDatabase database;
    private readonly ILiteCollection<BsonDocument> communications;
    private readonly ILiteCollection<BsonDocument> planner;

    public LiteDbCommunicationStore(PrintDatabase database)
    {
        this.database = database;
        communications = database.Engine.GetCollection(Communications);
        planner = database.Engine.GetCollection(PlannerState);
        communications.EnsureIndex("customer_id", "$.customer_id");
        communications.EnsureIndex("send_on", "$.send_on");
    }

    /// <summary>Test hook: runs inside <see cref="Record"/> after the writes, before the commit.</summary>
    internal Action? BeforeCommit { get; set; }

    public IReadOnlySet<string> Existing(IReadOnlyCollection<string> ids)
    {
        if (ids.Count == 0) return new HashSet<string>();
        return communications.Query().Where(BsonExpression.Create("_id IN @0", Values(ids))).Select("_id").ToEnumerable()
            .Select(d => d["_id"].AsString).ToHashSet(StringComparer.Ordinal);
    }

    public bool AnyOf(string trigger, string key)
    {
        // Ids are trigger/key/customer: the occasion's communications are one range of the _id index.
        var prefix = Occasion.CommunicationId(trigger, key, "");
        return communications.Query().Where(BsonExpression.Create("_id >= @0 AND _id < @1", new BsonValue(prefix), new BsonValue(prefix + "\uffff")))
            .Select("_id").Limit(1).ToList().Count > 0;
    }

    public Communication? Find(string id) => communications.FindById(id) is { } d ? CommunicationMapper.Communication(d) : null;

    public IReadOnlyList<Communication> OfCustomers(IReadOnlyCollection<string> customerIds, DateOnly from, DateOnly to)
    {
        if (customerIds.Count == 0) return [];
        int first = StoreMapper.Date(from).AsInt32, last = StoreMapper.Date(to).AsInt32;
        return communications.Find(BsonExpression.Create("customer_id IN @0", Values(customerIds)))
            .Where(d => d["send_on"].AsInt32 >= first && d["send_on"].AsInt32 <= last)
            .Select(CommunicationMapper.Communication).ToList();
    }

    public void Record(IReadOnlyCollection<Communication> list)
    {
        if (list.Count == 0) return;
        database.InTransaction(() => communications.Insert(list.Select(CommunicationMapper.Document)), BeforeCommit);
    }

    public IReadOnlyList<Communication> DueForHandOff(DateOnly day) =>
        communications.Find(Query.And(Query.LTE("send_on", StoreMapper.Date(day)), Query.EQ("status", nameof(CommunicationStatus.Planned))))
            .Select(CommunicationMapper.Communication)
            .OrderBy(c => c.SendOn).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();

    public int HandOff(IReadOnlyCollection<string> handedOff, IReadOnlyCollection<(string Id, string Reason)> tooLate, DateOnly day)
    {
        int changed = 0;
        database.InTransaction(() =>
        {
            foreach (var id in handedOff)
                changed += Settle(id, d =>
                {
                    d["status"] = nameof(CommunicationStatus.HandedOff);
                    d["handed_off_on"] = StoreMapper.Date(day);
                });
            foreach (var (id, reason) in tooLate)
                changed += Settle(id, d =>
                {
                    d["status"] = nameof(CommunicationStatus.Dropped);
                    d["reasons"].AsArray.Add(reason);
                });
        });
        return changed;

        int Settle(string id, Action<BsonDocument> change)
        {
            if (communications.FindById(id) is not { } d || d["status"].AsString != nameof(CommunicationStatus.Planned)) return 0;
            change(d);
            communications.Update(d);
            return 1;
        }
    }

    public DateOnly? LastPlannedDay =>
        planner.FindById(PlannerState) is { } d ? StoreMapper.Date(d["last_planned_day"]) : null;

    public void SetLastPlannedDay(DateOnly day)
    {
        if (LastPlannedDay is { } last && last >= day) return;
        database.InTransaction(() => planner.Upsert(new BsonDocument { ["_id"] = PlannerState, ["last_planned_day"] = StoreMapper.Date(day) }));
    }

    public int Count => communications.Count();

    private static BsonArray Values(IEnumerable<string> ids) => new(ids.Select(id => new BsonValue(id)));
}

/// <summary>Communication documents, field by field (see <see cref="StoreMapper"/> for why not reflection).</summary>
internal static class CommunicationMapper
{
    public static BsonDocument Document(Communication c)
    {
        var o = c.Occasion;
        return new BsonDocument
        {
            ["_id"] = c.Id,
            ["customer_id"] = o.CustomerId,
            ["trigger"] = o.Trigger,
            ["key"] = o.Key,
            ["due_on"] = StoreMapper.Date(o.DueOn),
            ["deadline"] = StoreMapper.Date(o.Deadline),
            ["deadline_reason"] = o.DeadlineReason,
            ["documents"] = new BsonArray(o.Documents.Select(x => new BsonValue(x))),
            ["mail_class"] = o.MailClass.ToString(),
            ["variant"] = o.Variant is { } v ? new BsonValue(v) : BsonValue.Null,
            ["policy_number"] = o.PolicyNumber is { } p ? new BsonValue(p) : BsonValue.Null,
            ["event_id"] = o.EventId is { } e ? new BsonValue(e) : BsonValue.Null,
            ["planned_on"] = StoreMapper.Date(c.PlannedOn),
            ["send_on"] = StoreMapper.Date(c.SendOn),
            ["segment"] = c.Segment,
            ["channel"] = c.Channel is { } ch ? new BsonValue(ch.ToString()) : BsonValue.Null,
            ["phone_follow_up"] = c.PhoneFollowUp,
            ["status"] = c.Status.ToString(),
            ["reasons"] = new BsonArray(c.Reasons.Select(r => new BsonValue(r))),
            ["handed_off_on"] = c.HandedOffOn is { } h ? StoreMapper.Date(h) : BsonValue.Null,
        };
    }

    public static Communication Communication(BsonDocument d) => new()
    {
        Occasion = new Occasion
        {
            Trigger = d["trigger"].AsString,
            Key = d["key"].AsString,
            CustomerId = d["customer_id"].AsString,
            DueOn = StoreMapper.Date(d["due_on"]),
            Deadline = StoreMapper.Date(d["deadline"]),
            DeadlineReason = d["deadline_reason"].AsString,
            Documents = d["documents"].AsArray.Select(x => x.AsString).ToList(),
            MailClass = Enum.Parse<MailClass>(d["mail_class"].AsString),
            Variant = d["variant"].IsNull ? null : d["variant"].AsString,
            PolicyNumber = d["policy_number"].IsNull ? null : d["policy_number"].AsString,
            EventId = d["event_id"].IsNull ? null : d["event_id"].AsString,
        },
        PlannedOn = StoreMapper.Date(d["planned_on"]),
        SendOn = StoreMapper.Date(d["send_on"]),
        Segment = d["segment"].AsString,
        Channel = d["channel"].IsNull ? null : Enum.Parse<Channel>(d["channel"].AsString),
        PhoneFollowUp = d["phone_follow_up"].AsBoolean,
        Status = Enum.Parse<CommunicationStatus>(d["status"].AsString),
        Reasons = d["reasons"].AsArray.Select(r => r.AsString).ToList(),
        HandedOffOn = d["handed_off_on"].IsNull ? null : StoreMapper.Date(d["handed_off_on"]),
    };
}
