using Campaign.Site.Planning;
using Campaign.Site.Preview;

namespace Campaign.Tests.Workflow;

/// <summary>
/// The generic memo of per-record outputs: a projection reads only its record and its context, so a live preview may
/// reuse an output exactly while the record is the same instance and the context the same value, whatever the context holds.
/// </summary>
public sealed class ProjectionTests
{
    private sealed record Item(string Text);

    private sealed record Shout(string Mark, int Repeat);

    private sealed record Tagged(string Tag, Shout Shout);

    private static readonly Projection<Item, Shout, string> Loud =
        new("loud", static (item, c) => string.Concat(Enumerable.Repeat(item.Text.ToUpperInvariant() + c.Mark, c.Repeat)));

    private static readonly Join<string, Tagged, string> Line = new("line", static (c, parts) => c.Tag + ":" + string.Join(",", parts) + c.Shout.Mark);

    [Fact]
    public void A_projection_that_captures_a_variable_is_refused_naming_it()
    {
        var mark = "!";
        var refused = Assert.Throws<ArgumentException>(() => new Projection<Item, Shout, string>("sneaky", (item, _) => item.Text + mark));
        Assert.Contains("'sneaky' captures", refused.Message);
        Assert.Contains("static lambda", refused.Message);
        Assert.Throws<ArgumentException>(() => new Join<string, Shout, string>("sneaky-join", (_, parts) => parts[0] + mark));
    }

    [Fact]
    public void An_output_is_reused_while_the_record_is_the_same_instance_and_the_context_the_same_value()
    {
        var memo = new RememberingProjector();
        Item a = new("a"), b = new("b"), c = new("c");
        var first = memo.Each(Loud, [a, b, c], new Shout("!", 2));
        Assert.Equal(["A!A!", "B!B!", "C!C!"], first);
        Assert.Equal(3, memo.Made("loud"));

        // a new context instance of the same value, the records moved and one replaced by an equal but new instance
        memo.Begin();
        var b2 = new Item("b");
        var second = memo.Each(Loud, [c, a, b2], new Shout("!", 2));
        Assert.Equal(["C!C!", "A!A!", "B!B!"], second);
        Assert.Same(first[2], second[0]);
        Assert.Same(first[0], second[1]);
        Assert.Equal((1, 2), (memo.Made("loud"), memo.Reused("loud")));

        // any property of the context, however deep, is part of the key: every output is made again
        memo.Begin();
        Assert.Equal(["C?C?", "A?A?", "B?B?"], memo.Each(Loud, [c, a, b2], new Shout("?", 2)));
        Assert.Equal(3, memo.Made("loud"));
        memo.Begin();
        Assert.Equal(["C?", "A?", "B?"], memo.Each(Loud, [c, a, b2], new Shout("?", 1)));
        Assert.Equal(3, memo.Made("loud"));
    }

    [Fact]
    public void Two_contexts_of_one_projection_in_one_build_keep_their_own_outputs()
    {
        var memo = new RememberingProjector();
        Item a = new("a"), b = new("b");
        memo.Each(Loud, [a, b], new Shout("!", 1)); // as one language's rows
        memo.Each(Loud, [a, b], new Shout("。", 1)); // and another's
        memo.Begin();
        Assert.Equal(["A!", "B!"], memo.Each(Loud, [a, b], new Shout("!", 1)));
        Assert.Equal(["A。", "B。"], memo.Each(Loud, [a, b], new Shout("。", 1)));
        Assert.Equal((0, 4), (memo.Made("loud"), memo.Reused("loud")));
        Assert.Equal("A。", memo.One(Loud, a, new Shout("。", 1)));
    }

    [Fact]
    public void A_joined_output_is_reused_only_for_the_same_parts_and_an_equal_context()
    {
        var memo = new RememberingProjector();
        string[] parts = ["x", "y"];
        var first = memo.Joined(Line, "file", new Tagged("t", new Shout("!", 1)), parts);
        Assert.Equal("t:x,y!", first);

        memo.Begin();
        Assert.Same(first, memo.Joined(Line, "file", new Tagged("t", new Shout("!", 1)), [parts[0], parts[1]]));
        memo.Begin();
        Assert.Equal("t:x,y?", memo.Joined(Line, "file", new Tagged("t", new Shout("?", 1)), parts)); // a nested property changed
        memo.Begin();
        var equalButNew = new string(['y']);
        Assert.NotSame(first, memo.Joined(Line, "file", new Tagged("t", new Shout("?", 1)), [parts[0], equalButNew]));
        Assert.Equal(1, memo.Made("line"));
    }

    [Fact]
    public void The_plain_build_makes_every_output_and_agrees_with_the_preview()
    {
        Item[] items = [.. Enumerable.Range(0, 200).Select(i => new Item("n" + i))];
        var context = new Shout("!", 1);
        Assert.Equal(FreshProjector.Instance.Each(Loud, items, context), new RememberingProjector().Each(Loud, items, context));
        Assert.Equal("N0!", FreshProjector.Instance.One(Loud, items[0], context));
    }
}
