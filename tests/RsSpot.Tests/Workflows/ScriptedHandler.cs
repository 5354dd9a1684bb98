using System.Collections.Concurrent;
using RsSpot.Workflows;

namespace RsSpot.Tests.Workflows;

/// <summary>
/// A fake orchestrator: records every call per VM and fails or delays on request. Its "cluster" shows a VM once it
/// was submitted (or when <see cref="ConfirmAfter"/> confirmations have been asked for).
/// </summary>
internal sealed class ScriptedHandler : IRegistrationHandler
{
    private readonly ConcurrentQueue<(string Call, string Key, string? TokenId)> _calls = new();
    private int _inFlight;
    private int _maxInFlight;

    /// <summary>Failures still to throw from IssueToken, per call.</summary>
    public int TokenFailures { get; set; }

    /// <summary>Failures still to throw from Submit.</summary>
    public int SubmitFailures { get; set; }

    /// <summary>Confirmations answered "not yet" before a submitted VM shows up; int.MaxValue never.</summary>
    public int ConfirmAfter { get; set; }

    /// <summary>Lifetime of issued tokens.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Awaited inside every call, to hold calls open (concurrency tests).</summary>
    public Func<CancellationToken, Task> Pause { get; set; } = _ => Task.CompletedTask;

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    public int MaxInFlight => _maxInFlight;

    public IReadOnlyList<(string Call, string Key, string? TokenId)> Calls => [.. _calls];

    public int CountOf(string call, string? key = null) => Calls.Count(c => c.Call == call && (key is null || c.Key == key));

    public async Task<RegistrationToken> IssueTokenAsync(RegistrationRecord record, CancellationToken cancellationToken)
    {
        await EnterAsync("issue", record, cancellationToken);
        return TakeFailure(() => TokenFailures, v => TokenFailures = v)
            ? throw new HttpRequestException("token service unavailable")
            : new RegistrationToken($"tok-{record.VmUid}-{CountOf("issue", record.Key)}", Clock.GetUtcNow() + TokenLifetime);
    }

    public async Task SubmitAsync(RegistrationRecord record, CancellationToken cancellationToken)
    {
        await EnterAsync("submit", record, cancellationToken);
        if (TakeFailure(() => SubmitFailures, v => SubmitFailures = v))
        {
            throw new HttpRequestException("VM unreachable");
        }
    }

    public async Task<bool> ConfirmAsync(RegistrationRecord record, CancellationToken cancellationToken)
    {
        await EnterAsync("confirm", record, cancellationToken);
        return CountOf("confirm", record.Key) > ConfirmAfter;
    }

    private bool TakeFailure(Func<int> get, Action<int> set)
    {
        lock (_calls)
        {
            if (get() <= 0)
            {
                return false;
            }

            set(get() - 1);
            return true;
        }
    }

    private async Task EnterAsync(string call, RegistrationRecord record, CancellationToken cancellationToken)
    {
        _calls.Enqueue((call, record.Key, record.TokenId));
        var now = Interlocked.Increment(ref _inFlight);
        InterlockedMax(ref _maxInFlight, now);
        try
        {
            await Pause(cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
