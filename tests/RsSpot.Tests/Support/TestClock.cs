namespace RsSpot.Tests.Support;

/// <summary>
/// A clock for tests: time moves only when told, except that every delay (retry backoff, polling) completes at once
/// and moves the clock forward by its length. Delays are recorded so tests can assert on them.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private readonly Lock _sync = new();
    private readonly List<TimeSpan> _delays = [];
    private DateTimeOffset _now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    public IReadOnlyList<TimeSpan> Delays
    {
        get
        {
            lock (_sync)
            {
                return [.. _delays];
            }
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_sync)
        {
            return _now;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (_sync)
        {
            _now += by;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            lock (_sync)
            {
                _delays.Add(dueTime);
                _now += dueTime;
            }

            // Fire on the pool: the caller may not have stored the timer yet.
            ThreadPool.QueueUserWorkItem(_ => callback(state));
        }

        return new InertTimer();
    }

    private sealed class InertTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
