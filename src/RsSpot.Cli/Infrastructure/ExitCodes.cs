namespace RsSpot.Cli.Infrastructure;

/// <summary>The stable exit codes of rsspot (documented in the README).</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The API or the runtime failed (network, server error, conflict...).</summary>
    public const int Failure = 1;

    /// <summary>The command line or a value was invalid.</summary>
    public const int Usage = 2;

    /// <summary>Credentials were missing, rejected or expired.</summary>
    public const int Auth = 3;

    /// <summary>The resource, organization, profile or file named does not exist.</summary>
    public const int NotFound = 4;

    /// <summary>Interrupted (Ctrl+C, SIGINT): 128 + 2.</summary>
    public const int Interrupted = 130;

    /// <summary>Terminated (SIGTERM, as sent by systemd, <c>docker stop</c> or a CI teardown): 128 + 15.</summary>
    public const int Terminated = 143;
}
