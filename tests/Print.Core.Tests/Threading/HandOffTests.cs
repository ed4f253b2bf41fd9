using Print.Core.Threading;

namespace Print.Core.Tests.Threading;

public class HandOffTests
{
    [Fact]
    public void ItemsComeOutInTheOrderAddedAndTheTakingEndsWhenAddingIsCompleteAndNothingIsLeft()
    {
        var handOff = new HandOff<int>(capacity: 3);
        var producer = Task.Run(() =>
        {
            for (int i = 1; i <= 1000; i++) handOff.Add(i);
            handOff.CompleteAdding();
        });
        Assert.Equal(Enumerable.Range(1, 1000), handOff.Taken().ToList());
        producer.GetAwaiter().GetResult();
    }

    [Fact]
    public void AFullHandOffHoldsTheProducerUntilAnItemIsTaken()
    {
        var handOff = new HandOff<string>(capacity: 2);
        handOff.Add("a");
        handOff.Add("b");
        var adding = Task.Run(() => handOff.Add("c"));
        Assert.False(adding.Wait(300));

        using var taking = handOff.Taken().GetEnumerator();
        Assert.True(taking.MoveNext());
        Assert.Equal("a", taking.Current);
        Assert.True(adding.Wait(10_000));
        handOff.CompleteAdding();
        Assert.True(taking.MoveNext());
        Assert.Equal("b", taking.Current);
        Assert.True(taking.MoveNext());
        Assert.Equal("c", taking.Current);
        Assert.False(taking.MoveNext());
    }

    [Fact]
    public void AddingAfterCompletionIsRefusedAndSoIsAProducerWaitingOnAFullHandOff()
    {
        var handOff = new HandOff<int>(capacity: 1);
        handOff.Add(1);
        var waiting = Task.Run(() => handOff.Add(2));
        Assert.False(waiting.Wait(200));
        handOff.CompleteAdding();
        var refused = Assert.Throws<AggregateException>(() => waiting.Wait(10_000)).InnerException;
        Assert.IsType<InvalidOperationException>(refused);
        Assert.Throws<InvalidOperationException>(() => handOff.Add(3));
        Assert.Equal([1], handOff.Taken().ToList());
    }

    [Fact]
    public void AWaitingConsumerOrProducerStopsWhenItsTokenIsCancelled()
    {
        var empty = new HandOff<int>(capacity: 1);
        using (var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100)))
            Assert.ThrowsAny<OperationCanceledException>(() => empty.Taken(cts.Token).ToList());

        var full = new HandOff<int>(capacity: 1);
        full.Add(1);
        using (var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100)))
            Assert.ThrowsAny<OperationCanceledException>(() => full.Add(2, cts.Token));
        full.CompleteAdding();
        Assert.Equal([1], full.Taken().ToList());

        // Cancelled before it waits: refused even with room, and nothing more is taken.
        var roomy = new HandOff<int>(capacity: 4);
        roomy.Add(1);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => roomy.Add(2, cancelled.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => roomy.Taken(cancelled.Token).ToList());
        roomy.CompleteAdding();
        Assert.Equal([1], roomy.Taken().ToList());
    }
}
