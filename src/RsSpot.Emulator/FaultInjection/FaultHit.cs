namespace RsSpot.Emulator.FaultInjection;

/// <summary>A rule that fired on a request, and what releases the requests it holds once the faults are cleared.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Released">Completes when <see cref="EmulatorFaults.Clear"/> is called.</param>
internal readonly record struct FaultHit(FaultRule Rule, Task Released)
{
    /// <summary>
    /// Waits <paramref name="duration"/> (infinite: until the client gives up) on <paramref name="clock"/>. Returns
    /// early when the faults are cleared; throws <see cref="OperationCanceledException"/> when the request is cancelled.
    /// </summary>
    public async Task HoldAsync(TimeSpan duration, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(duration, clock, stop.Token);
        if (await Task.WhenAny(delay, Released).ConfigureAwait(false) != delay)
        {
            // Released: the hold ends and the request carries on.
            await stop.CancelAsync().ConfigureAwait(false);
            return;
        }

        await delay.ConfigureAwait(false);
    }
}
