using RsSpot.Models;

namespace RsSpot.Cli.Infrastructure;

/// <summary>
/// Progress of a cloudspace wait on stderr: one line per phase change (so logs stay readable), plus a spinner with
/// the elapsed time on an interactive terminal only.
/// </summary>
internal sealed class WaitProgress : IProgress<CloudSpace>, IDisposable
{
    private static readonly char[] Frames = ['|', '/', '-', '\\'];
    private readonly CliEnvironment _environment;
    private readonly string _name;
    private readonly TimeProvider _time;
    private readonly DateTimeOffset _started;
    private readonly ITimer? _spinner;
    private readonly Lock _gate = new();
    private string? _phase;
    private int _frame;

    public WaitProgress(CliEnvironment environment, string name, TimeProvider? time = null)
    {
        _environment = environment;
        _name = name;
        _time = time ?? TimeProvider.System;
        _started = _time.GetUtcNow();
        if (environment.IsInteractive)
        {
            _spinner = _time.CreateTimer(_ => Spin(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(150));
        }
    }

    public void Report(CloudSpace value)
    {
        var phase = value.Phase ?? "unknown";
        lock (_gate)
        {
            if (phase == _phase)
            {
                return;
            }

            _phase = phase;
            ClearSpinner();
            _environment.Error.WriteLine($"cloudspace {_name}: {phase}{(value.Reason is { Length: > 0 } reason ? $" ({reason})" : "")} after {Elapsed()}");
        }
    }

    public void Dispose()
    {
        _spinner?.Dispose();
        lock (_gate)
        {
            ClearSpinner();
        }
    }

    private void Spin()
    {
        lock (_gate)
        {
            _environment.Error.Write($"\r{Frames[_frame++ % Frames.Length]} waiting for {_name} ({_phase ?? "starting"}, {Elapsed()})");
        }
    }

    private void ClearSpinner()
    {
        if (_spinner is not null)
        {
            _environment.Error.Write("\r\u001b[2K");
        }
    }

    private string Elapsed() => $"{(int)(_time.GetUtcNow() - _started).TotalSeconds}s";
}
