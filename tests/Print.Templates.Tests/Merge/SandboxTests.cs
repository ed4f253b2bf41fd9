using System.Diagnostics;
using Print.Templates.Merge;

namespace Print.Templates.Tests.Merge;

/// <summary>
/// A template runs sandboxed: endless loops, runaway recursion, includes and time-consuming code are stopped
/// with a <see cref="TemplateException"/> naming the template file and line; unknown names are errors.
/// </summary>
public class SandboxTests
{
    private static TemplateException MergeFails(string piece)
    {
        var e = Assert.Throws<TemplateException>(() => InMemory.Merge(piece));
        Assert.Equal(InMemory.DisplayPath, e.File);
        Assert.Equal("C1", e.Record); // the customer being merged
        Assert.StartsWith($"{e.File}:{e.Line}:{e.Column}: ", e.Message);
        return e;
    }

    [Fact]
    public void EndlessWhileLoopStopsAtTheLoopLimitOnItsLine()
    {
        var watch = Stopwatch.StartNew();
        var e = MergeFails("<document>\n  <p>第一行</p>\n  {{ while true }}x{{ end }}\n</document>");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
        Assert.Equal(3, e.Line);
        Assert.Equal(6, e.Column); // the 'while'
        Assert.Contains($"{MarkupContext.MaxLoopIterations}", e.Reason);
        Assert.Contains("loop", e.Reason);
    }

    [Fact]
    public void LoopLimitCountsNestedLoopsTogether()
    {
        // The limit counts every iteration of every loop in the merge: 99 outer + 99 × 100 inner = 9 999 pass,
        // 100 + 100 × 100 = 10 100 do not.
        Assert.Equal(9_900, InMemory.Merge("{{ for i in 1..99 }}{{ for j in 1..100 }}x{{ end }}{{ end }}").Length);
        var e = MergeFails("{{ for i in 1..100 }}\n{{ for j in 1..100 }}x{{ end }}{{ end }}");
        Assert.Equal(2, e.Line);
    }

    [Fact]
    public void DeepRecursionStops()
    {
        var e = MergeFails("<document>\n{{ func f }}{{ f }}{{ end }}\n{{ f }}\n</document>");
        Assert.Equal(2, e.Line);
        Assert.Contains("recursive", e.Reason);
        Assert.Contains("50", e.Reason);
    }

    [Fact]
    public void TimeLimitStopsCodeThatStaysWithinTheLoopLimit()
    {
        // 200 iterations, each a regex with heavy backtracking (~tens of ms): within every count limit, but not in time.
        var watch = Stopwatch.StartNew();
        var e = MergeFails("<document>\n{{ for i in 1..400 }}{{ 'aaaaaaaaaaaaaaaaaaaaa!' | regex.match '^(a+)+$' }}{{ end }}\n</document>");
        // Generous on the upper side: a loaded CI machine may finish the running iteration late.
        Assert.InRange(watch.Elapsed, PieceRenderer.TimeLimit, PieceRenderer.TimeLimit + TimeSpan.FromSeconds(6));
        Assert.Equal(2, e.Line);
    }

    [Fact]
    public void HugeOutputNeverBecomesAPiece()
    {
        // 9 000 paragraphs of 300 characters: 2.7 million characters, above the output limit. (That Merge itself
        // fails rather than truncating is checked in ReviewRegressionTests.)
        var piece = "<document size=\"A5\">\n{{ s = '' | string.pad_left 290 }}\n{{ for i in 1..9000 }}<p>{{ s }}</p>{{ end }}\n</document>";
        var e = Assert.Throws<TemplateException>(() => TestSupport.Renderer.Render(InMemory.Template(piece), InMemory.Model()));
        Assert.Equal(InMemory.DisplayPath, e.File);
    }

    [Fact]
    public void FailStopsTheMergeWithTheTemplatesOwnMessageAtItsLine()
    {
        var e = MergeFails("<document>\n  {{ if campaign.occasion == \"\" }}{{ fail \"贺卡需要 campaign.occasion\" }}{{ end }}\n</document>");
        Assert.Equal(2, e.Line);
        Assert.Contains("贺卡需要 campaign.occasion", e.Reason);
        Assert.Equal("<document>\n  \n</document>", InMemory.Merge("<document>\n  {{ if false }}{{ fail 'x' }}{{ end }}\n</document>"));
    }

    [Theory]
    [InlineData("{{ include 'other.sbn' }}")]
    [InlineData("{{ include '/etc/passwd' }}")]
    [InlineData("{{ include '../thank-you/piece.sbn' }}")]
    public void IncludeIsRefused(string piece)
    {
        var e = MergeFails("<document>\n  " + piece + "\n</document>");
        Assert.Equal(2, e.Line);
        Assert.Contains("include", e.Reason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void UnknownVariableIsAnErrorAtMergeTimeWithLineAndColumn()
    {
        var e = MergeFails("<document>\n  <p>{{ custmer.name }}</p>\n</document>");
        Assert.Equal((2, 9), (e.Line, e.Column));
        Assert.Contains("custmer", e.Reason);
        Assert.Contains("unknown variable", e.Reason);
    }

    [Fact]
    public void UnknownMemberIsAnErrorAtMergeTimeWithLineAndColumn()
    {
        var e = MergeFails("<document>\n  <p>{{ customer.nmae }}</p>\n</document>");
        Assert.Equal((2, 18), (e.Line, e.Column)); // at 'nmae'
        Assert.Contains("unknown member", e.Reason);
        Assert.Contains("nmae", e.Reason);
    }

    [Fact]
    public void UnknownMemberOfALoopVariableIsAnErrorAtMergeTime()
    {
        var e = MergeFails("<document>\n{{ for c in policy.coverages }}\n  <p>{{ c.premum }}</p>\n{{ end }}\n</document>");
        Assert.Equal((3, 11), (e.Line, e.Column));
        Assert.Contains("premum", e.Reason);
    }

    [Fact]
    public void UnknownMemberIsFoundAtCheckTimeEvenInABranchTheDataNeverTakes()
    {
        var template = Scriban.Template.Parse("""
            <p>{{ customer.name }}</p>
            {{ if customer.segment == "never" }}
              <p>{{ customer.nmae }}</p>
            {{ else if false }}
              <p>{{ policy.coverages[0].sum_insurd }}</p>
            {{ end }}
            {{ for c in policy.coverages }}{{ c.nmae }}{{ end }}
            {{ campaign.event.plcae }}
            {{ customer.name.size }} {{ policy.start_date.year }}
            """);
        var problems = ModelMemberCheck.Check(template);
        var nmae = Assert.Single(problems, p => p.Message.Contains("'nmae' of customer"));
        Assert.Equal((3, 18), (nmae.Line, nmae.Column));
        Assert.Contains("known:", nmae.Message);
        Assert.Contains("name", nmae.Message);
        var loop = Assert.Single(problems, p => p.Message.Contains("'nmae' of c "));
        Assert.Equal((7, 37), (loop.Line, loop.Column));
        var nested = Assert.Single(problems, p => p.Message.Contains("'plcae' of campaign.event"));
        Assert.Equal((8, 19), (nested.Line, nested.Column));
        // (A member after an indexer, policy.coverages[0].sum_insurd, is checked in ReviewRegressionTests.)
        // Members of strings and dates are Scriban's (size, year), not model members: not flagged.
        Assert.DoesNotContain(problems, p => p.Message.Contains("'size'") || p.Message.Contains("'year'"));
    }

    [Fact]
    public void KnownMembersAreNotFlaggedAndSnakeCaseIsTheOnlySpelling()
    {
        var ok = Scriban.Template.Parse(
            "{{ customer.post_code }}{{ customer.postcode }}{{ policy.car_model }}{{ piece.tracking_number }}{{ campaign.event.rsvp_by }}{{ sender.hotline }}");
        var problems = ModelMemberCheck.Check(ok);
        // Customer.Postcode is one word: customer.postcode exists, customer.post_code does not.
        var p = Assert.Single(problems);
        Assert.Contains("'post_code'", p.Message);
        // The .NET name is not a template name.
        var pascal = Assert.Single(ModelMemberCheck.Check(Scriban.Template.Parse("{{ policy.CarModel }}")));
        Assert.Contains("'CarModel'", pascal.Message);
        Assert.Contains("car_model", pascal.Message);
    }

    [Fact]
    public void ScribanBuiltinsAreThere_NoFileOrEnvironmentAccess()
    {
        Assert.Equal("ABC", InMemory.Merge("{{ 'abc' | string.upcase }}"));
        // No .NET reflection or environment through the model objects: only their renamed public properties.
        MergeFails("{{ customer.get_type }}");
        MergeFails("{{ environment.machine_name }}");
        MergeFails("{{ io.file.read_all_text '/etc/passwd' }}");
    }
}
