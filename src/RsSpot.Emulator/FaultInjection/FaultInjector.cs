using RsSpot.Emulator.Journal;

namespace RsSpot.Emulator.FaultInjection;

/// <summary>
/// Carries out the rule that fired on a request, in the order <see cref="FaultRule"/> documents: latency, token
/// expiry, processing (when the fault lets it through), then the fault's reply, a drop, a hang, or a disrupted body.
/// </summary>
internal sealed class FaultInjector(SpotEmulator emulator, RequestJournal journal, Func<EmulatorRequest, EmulatorResponse> process)
{
    public async Task<EmulatorResponse> HandleAsync(EmulatorRequest request, DateTimeOffset arrivedAt, FaultHit hit, CancellationToken cancellationToken)
    {
        var fault = hit.Rule;
        var clock = emulator.Options.Clock;
        if (fault.Latency > TimeSpan.Zero)
        {
            await Task.Delay(fault.Latency, clock, cancellationToken).ConfigureAwait(false);
        }

        if (fault.ExpireTokens)
        {
            emulator.ExpireAllTokens();
        }

        var processed = fault.ApplyThenFail || !fault.ReplacesReply ? process(request) : null;
        if (fault.Hang)
        {
            // Recorded before holding: the request may never finish, and a test wants to see it arrived.
            journal.Record(request, arrivedAt, 0, fault, processed?.StatusCode);
            await hit.HoldAsync(Timeout.InfiniteTimeSpan, clock, cancellationToken).ConfigureAwait(false);
            return EmulatorResponse.Dropped();
        }

        var response = fault.DropConnection ? EmulatorResponse.Dropped() : InjectedReplies.For(request, fault) ?? processed!;
        if (!response.DropConnection && (fault.StallBody is not null || fault.ResetConnection))
        {
            response = response.DeliveredWith(new BodyDisruption(hit, clock));
        }

        journal.Record(request, arrivedAt, response.StatusCode, fault, processed?.StatusCode);
        return response;
    }
}
