namespace RsSpot.Cli.Infrastructure;

/// <summary>The stable exit codes of rsspot (documented in the README).</summary>
internal static class ExitCodes
{
    /// <summary>The exit code of each ending of a wait (<c>rsspot wait</c>, <c>--wait</c>, <c>replace</c>).</summary>
    public static int Of(RsSpot.Models.WaitOutcome outcome) => outcome switch
    {
        RsSpot.Models.WaitOutcome.Reached => Ok,
        RsSpot.Models.WaitOutcome.TimedOut => WaitTimedOut,
        RsSpot.Models.WaitOutcome.Failed => WaitFailed,
        RsSpot.Models.WaitOutcome.NoWinningBids => NoWinningBids,
        RsSpot.Models.WaitOutcome.Lost => BidLost,
        RsSpot.Models.WaitOutcome.SpeedBumpHit => SpeedBumpHit,
        RsSpot.Models.WaitOutcome.SubscriptionSuspended => SubscriptionSuspended,
        RsSpot.Models.WaitOutcome.Deleted => WaitDeleted,
        _ => Failure,
    };

    public const int Ok = 0;

    /// <summary>The API or the runtime failed (network, server error, conflict...).</summary>
    public const int Failure = 1;

    /// <summary>The command line or a value was invalid.</summary>
    public const int Usage = 2;

    /// <summary>Credentials were missing, rejected or expired.</summary>
    public const int Auth = 3;

    /// <summary>The resource, organization, profile or file named does not exist.</summary>
    public const int NotFound = 4;

    /// <summary>A wait ran out of time; the resource keeps going (5-11 are the endings of a wait).</summary>
    public const int WaitTimedOut = 5;

    /// <summary>A wait ended in phase Error: the platform gave up on the resource.</summary>
    public const int WaitFailed = 6;

    /// <summary>A wait ended in cloudspace phase NoWinningBids: no spot pool won servers.</summary>
    public const int NoWinningBids = 7;

    /// <summary>A wait ended in bid status Lost: the market price rose above the pool's bid.</summary>
    public const int BidLost = 8;

    /// <summary>A wait ended on SpeedBump Hit: the organization reached a provisioning limit.</summary>
    public const int SpeedBumpHit = 9;

    /// <summary>A wait ended on SubscriptionSuspended: the organization's billing is suspended.</summary>
    public const int SubscriptionSuspended = 10;

    /// <summary>The resource waited for was deleted (or is being deleted).</summary>
    public const int WaitDeleted = 11;

    /// <summary>Read-only mode refused a change before anything was sent (<c>--read-only</c>, <c>RSSPOT_READ_ONLY</c>, <c>read_only</c>).</summary>
    public const int ReadOnly = 12;

    /// <summary>Interrupted (Ctrl+C, SIGINT): 128 + 2.</summary>
    public const int Interrupted = 130;

    /// <summary>Terminated (SIGTERM, as sent by systemd, <c>docker stop</c> or a CI teardown): 128 + 15.</summary>
    public const int Terminated = 143;
}
