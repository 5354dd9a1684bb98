using System.Runtime.InteropServices;

namespace RsSpot.Cli.Infrastructure;

/// <summary>
/// How a run is asked to stop: Ctrl+C (SIGINT) or SIGTERM (systemd, <c>docker stop</c>, CI teardown). The first
/// signal cancels in-flight work so the command can flush its state and exit with the conventional code (130 for
/// SIGINT, 143 for SIGTERM); a second one is left to the runtime, which ends the process at once.
/// </summary>
internal sealed class Interruption : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly List<PosixSignalRegistration> _registrations = [];
    private int _exitCode;

    /// <summary>Cancelled by the first signal; every SDK call and wait takes it.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>The exit code that reports the interruption: 128 + the signal number (130 until a signal arrives).</summary>
    public int ExitCode => _exitCode == 0 ? ExitCodes.Interrupted : _exitCode;

    /// <summary>What stopped the run, for the one-line error ("interrupted" or "terminated").</summary>
    public string Description => ExitCode == ExitCodes.Terminated ? "terminated (SIGTERM)" : "interrupted";

    /// <summary>Listens for SIGINT and SIGTERM sent to this process.</summary>
    public static Interruption FromProcessSignals()
    {
        var interruption = new Interruption();
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
        {
            interruption._registrations.Add(PosixSignalRegistration.Create(signal, context =>
            {
                // Only the first signal is graceful; later ones keep their default action (end the process).
                context.Cancel = interruption.Request(context.Signal);
            }));
        }

        return interruption;
    }

    /// <summary>Stops the run as <paramref name="signal"/> would; returns false when it was already stopping.</summary>
    public bool Request(PosixSignal signal)
    {
        var code = signal == PosixSignal.SIGTERM ? ExitCodes.Terminated : ExitCodes.Interrupted;
        if (Interlocked.CompareExchange(ref _exitCode, code, 0) != 0)
        {
            return false;
        }

        _source.Cancel();
        return true;
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _source.Dispose();
    }
}
