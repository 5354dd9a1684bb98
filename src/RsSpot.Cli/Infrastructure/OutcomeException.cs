namespace RsSpot.Cli.Infrastructure;

/// <summary>
/// A command finished with an answer that is not success (a wait that timed out, a pool that lost its bid): its
/// one-line message and its own exit code. The command has already written what it saw to stdout.
/// </summary>
internal sealed class OutcomeException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
