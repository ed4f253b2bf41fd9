namespace Print.Core.Threading;

/// <summary>
/// A bounded queue from one thread to another whose waits block at once. <see cref="System.Collections.Concurrent.BlockingCollection{T}"/>
/// waits on a <see cref="SemaphoreSlim"/>, which spins and then yields about 140 times before it blocks: a consumer
/// that is usually ahead of its producer (the posting list beside the print files) kept one of the two cores'
/// schedulers busy with its yields, each one stealing a time slice from the threads doing the work.
/// </summary>
public sealed class HandOff<T>(int capacity)
{
    private readonly Queue<T> items = new(capacity);
    private bool completed;

    /// <summary>How long a wait sleeps before it looks at its cancellation token again.</summary>
    private const int CancellationPollMilliseconds = 50;

    /// <summary>
    /// Adds <paramref name="item"/>, waiting while the queue is full; throws when adding was completed, and when
    /// <paramref name="ct"/> is cancelled even if there is room (a consumer that failed stops its producer at once).
    /// </summary>
    public void Add(T item, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        lock (items)
        {
            while (items.Count >= capacity && !completed) Wait(ct);
            if (completed) throw new InvalidOperationException("the hand-off was completed: nothing more is taken");
            items.Enqueue(item);
            Monitor.PulseAll(items);
        }
    }

    /// <summary>No more items: the consumer takes what is queued, then its enumeration ends; a waiting producer is refused.</summary>
    public void CompleteAdding()
    {
        lock (items)
        {
            completed = true;
            Monitor.PulseAll(items);
        }
    }

    /// <summary>
    /// The items in the order added, each waited for, until adding is completed and the queue is empty; throws
    /// once <paramref name="ct"/> is cancelled.
    /// </summary>
    public IEnumerable<T> Taken(CancellationToken ct = default)
    {
        while (TryTake(out var item, ct)) yield return item;
    }

    private bool TryTake(out T item, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        lock (items)
        {
            while (items.Count == 0 && !completed) Wait(ct);
            if (items.Count == 0)
            {
                item = default!;
                return false;
            }
            item = items.Dequeue();
            Monitor.PulseAll(items);
            return true;
        }
    }

    /// <summary>Called with the token checked (on entry, or after the wait before).</summary>
    private void Wait(CancellationToken ct)
    {
        Monitor.Wait(items, CancellationPollMilliseconds);
        ct.ThrowIfCancellationRequested();
    }
}
