using Print.Core.Production;

namespace Print.Core.Tests.Production;

public class BatchHistoryTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 18, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly string Hash = TemplateHash.Of([KeyValuePair.Create("piece.sbn", "亲爱的{{ name }}"), KeyValuePair.Create("template.json", "{}")]);

    private static BatchHistory At(BatchState state)
    {
        var b = new BatchHistory("B1");
        for (var s = BatchState.Rendering; s <= state; s++)
        {
            if (s == BatchState.Approved) b.Approve(T0, "李经理", Hash);
            else if (s == BatchState.Printing) b.StartPrinting(T0, "print shop", Hash);
            else b.Transition(s, T0, "system");
        }
        return b;
    }

    private static void Move(BatchHistory b, BatchState to)
    {
        if (to == BatchState.Approved) b.Approve(T0.AddDays(1), "李经理", Hash);
        else if (to == BatchState.Printing) b.StartPrinting(T0.AddDays(1), "print shop", Hash);
        else b.Transition(to, T0.AddDays(1), "system");
    }

    public static TheoryData<BatchState, BatchState> AllPairs()
    {
        var data = new TheoryData<BatchState, BatchState>();
        foreach (var from in Enum.GetValues<BatchState>())
            foreach (var to in Enum.GetValues<BatchState>())
                data.Add(from, to);
        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void OnlyTheNextStepIsAllowed(BatchState from, BatchState to)
    {
        var b = At(from);
        Assert.Equal(from, b.State);
        if (to == from + 1)
        {
            Move(b, to);
            Assert.Equal(to, b.State);
            Assert.Equal((from, to, T0.AddDays(1)), (b.Events[^1].From, b.Events[^1].To, b.Events[^1].At));
        }
        else
        {
            var e = Assert.Throws<InvalidTransitionException>(() => Move(b, to));
            Assert.Equal(("batch B1", StateNames.Of(from), StateNames.Of(to)), (e.Subject, e.From, e.To));
            Assert.StartsWith("batch B1: ", e.Message);
            Assert.Equal(from, b.State);
        }
    }

    [Fact]
    public void Messages()
    {
        Assert.Equal("batch B1: cannot go from printed back to rendered; from printed a batch goes to posted",
            Assert.Throws<InvalidTransitionException>(() => At(BatchState.Printed).Transition(BatchState.Rendered, T0, "x")).Message);
        Assert.Equal("batch B1: cannot go from created to printed; from created a batch goes to rendering",
            Assert.Throws<InvalidTransitionException>(() => At(BatchState.Created).Transition(BatchState.Printed, T0, "x")).Message);
        Assert.Equal("batch B1: cannot go from posted to printed: posted is final",
            Assert.Throws<InvalidTransitionException>(() => At(BatchState.Posted).Transition(BatchState.Printed, T0, "x")).Message);
        Assert.Equal("batch B1: approving needs the approver and the template hash; use Approve",
            Assert.Throws<InvalidTransitionException>(() => At(BatchState.Rendered).Transition(BatchState.Approved, T0, "x")).Message);
        Assert.Equal("batch B1: printing starts only against the approved template; use StartPrinting",
            Assert.Throws<InvalidTransitionException>(() => At(BatchState.Approved).Transition(BatchState.Printing, T0, "x")).Message);
    }

    [Fact]
    public void ApprovalIsByANamedPersonForOneTemplateContent()
    {
        var b = At(BatchState.Rendered);
        Assert.Equal("batch B1: an approval names the person who signed the proof off",
            Assert.Throws<InvalidTransitionException>(() => b.Approve(T0, " ", Hash)).Message);
        Assert.Throws<InvalidTransitionException>(() => b.Approve(T0, "李经理", ""));
        b.Approve(T0.AddHours(2), "李经理", Hash);
        Assert.Equal(new Approval("李经理", T0.AddHours(2), Hash), b.Approval);
        Assert.Equal(b.Approval, b.Events[^1].Approval);
        Assert.Equal("李经理", b.Events[^1].Actor);
        Assert.True(b.IsApprovedFor(Hash));
    }

    [Fact]
    public void ATemplateChangedAfterApprovalNeedsANewApproval()
    {
        var b = At(BatchState.Approved);
        var changed = TemplateHash.Of([KeyValuePair.Create("piece.sbn", "尊敬的{{ name }}"), KeyValuePair.Create("template.json", "{}")]);
        Assert.False(b.IsApprovedFor(changed));
        var e = Assert.Throws<InvalidTransitionException>(() => b.StartPrinting(T0, "print shop", changed));
        Assert.StartsWith("batch B1: the template changed after it was approved by 李经理 at 2026-11-18 09:00 +08:00", e.Message);
        Assert.EndsWith("render the batch again (Rerender) and have the new proof approved", e.Message);
        Assert.Equal(BatchState.Approved, b.State);

        b.Rerender(T0.AddHours(1), "system", "template thank-you changed");
        Assert.Equal(BatchState.Rendering, b.State);
        Assert.Null(b.Approval);
        b.Transition(BatchState.Rendered, T0.AddHours(2), "system");
        b.Approve(T0.AddHours(3), "王主管", changed);
        b.StartPrinting(T0.AddHours(4), "print shop", changed);
        Assert.Equal(BatchState.Printing, b.State);
        Assert.Equal(2, b.Events.Count(x => x.Approval is not null)); // the first approval stays in the history
        Assert.Equal(T0, b.When(BatchState.Approved));

        var restored = BatchHistory.Restore("B1", b.Events);
        Assert.Equal(b.Events, restored.Events);
        Assert.Equal(b.Approval, restored.Approval);
    }

    [Fact]
    public void RerenderingIsOnlyBeforePrintingAndSaysWhy()
    {
        Assert.Equal("batch B1: only a rendered or approved batch is rendered again, this one is printing",
            Assert.Throws<InvalidTransitionException>(() => At(BatchState.Printing).Rerender(T0, "x", "why")).Message);
        Assert.Throws<InvalidTransitionException>(() => At(BatchState.Rendered).Rerender(T0, "x", ""));
        var b = At(BatchState.Rendered);
        b.Rerender(T0, "x", "font fixed");
        Assert.Equal(BatchState.Rendering, b.State);
    }

    [Fact]
    public void TheTemplateHashCoversNamesAndContent()
    {
        var a = TemplateHash.Of([KeyValuePair.Create("a", "bc")]);
        Assert.Equal(64, a.Length);
        Assert.NotEqual(a, TemplateHash.Of([KeyValuePair.Create("ab", "c")]));
        Assert.Equal(TemplateHash.Of([KeyValuePair.Create("x", "1"), KeyValuePair.Create("y", "2")]),
            TemplateHash.Of([KeyValuePair.Create("y", "2"), KeyValuePair.Create("x", "1")]));

        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("piece.sbn"), "亲爱的{{ name }}");
        File.WriteAllText(dir.File("template.json"), "{}");
        Assert.Equal(Hash, TemplateHash.OfFolder(dir.Path));
    }
}
