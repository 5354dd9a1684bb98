using RsSpot.Http;
using RsSpot.Models;

namespace RsSpot.Internal.Waiting;

/// <summary>One resource to wait for: what it is (<c>spot pool</c>) and its name, what reaching the goal reads as, how to fetch and read it.</summary>
internal sealed record WaitTarget<T>(string Noun, string Name, string Goal, Func<CancellationToken, Task<T>> Get, Func<T, WaitState> Read)
    where T : class
{
    public string Subject => $"{Noun} {Name}";
}

/// <summary>
/// The one polling loop behind every wait: fetch (bypassing the HTTP cache), report, classify, sleep on the client's
/// clock. Every ending is a <see cref="WaitResult{T}"/>; only failures to ask (network, auth, a name that never
/// existed) and cancellation throw.
/// </summary>
internal static class ResourceWaiter
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(30);

    public static async Task<WaitResult<T>> WaitAsync<T>(SpotClientCore core, WaitTarget<T> target, TimeSpan? timeout, IProgress<T>? progress, CancellationToken cancellationToken)
        where T : class
    {
        var limit = timeout ?? DefaultTimeout;
        if (limit < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), "the wait timeout cannot be negative");
        }

        var started = core.Time.GetUtcNow();
        using var fresh = DiagnosticsHandler.BeginCacheBypass(); // polling must see the server, not the cache
        T? last = null;
        var lastState = new WaitState(null, "not seen yet");
        while (true)
        {
            try
            {
                last = await target.Get(cancellationToken).ConfigureAwait(false);
            }
            catch (SpotNotFoundException) when (last is not null)
            {
                // Seen before and gone now: deleted while we waited (a name that never existed stays an error).
                return End(WaitOutcome.Deleted, null, "gone");
            }

            progress?.Report(last);
            lastState = target.Read(last);
            if (lastState.Outcome is { } outcome)
            {
                return End(outcome, last, lastState.Description);
            }

            var remaining = started + limit - core.Time.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                return End(WaitOutcome.TimedOut, last, lastState.Description);
            }

            await Task.Delay(remaining < core.PollInterval ? remaining : core.PollInterval, core.Time, cancellationToken).ConfigureAwait(false);
        }

        WaitResult<T> End(WaitOutcome outcome, T? resource, string state) => new(
            outcome,
            resource,
            core.Time.GetUtcNow() - started,
            WaitRules.Message(outcome, target.Subject, state, target.Goal, limit),
            WaitRules.Advice(outcome, target.Noun));
    }
}
