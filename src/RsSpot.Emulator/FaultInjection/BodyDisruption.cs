namespace RsSpot.Emulator.FaultInjection;

/// <summary>
/// How a fault disrupts the delivery of a reply whose status and headers have gone out: the first
/// <see cref="FaultRule.PartialBodyBytes"/> of the body, a stall, then the rest, or a reset of the connection.
/// Both transports deliver it: the in-process handler from a blocking content stream, Kestrel by flushing.
/// </summary>
internal sealed class BodyDisruption(FaultHit hit, TimeProvider clock)
{
    /// <summary>Reset the connection once the head (and any stall) is through.</summary>
    public bool Reset => hit.Rule.ResetConnection;

    /// <summary>The part of the body sent before the stall or the reset.</summary>
    public ReadOnlyMemory<byte> Head(byte[] body) => body.AsMemory(0, Math.Min(hit.Rule.PartialBodyBytes, body.Length));

    /// <summary>The rest of the body, sent after the stall unless the connection is reset.</summary>
    public ReadOnlyMemory<byte> Tail(byte[] body) => body.AsMemory(Head(body).Length);

    /// <summary>Waits out the stall (if any); throws <see cref="OperationCanceledException"/> when the client gives up.</summary>
    public Task StallAsync(CancellationToken cancellationToken) =>
        hit.Rule.StallBody is { } stall ? hit.HoldAsync(stall, clock, cancellationToken) : Task.CompletedTask;
}
