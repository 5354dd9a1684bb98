using System.Diagnostics;
using RsSpot.Cli.Infrastructure;

namespace RsSpot.Cli.Progress;

/// <summary>
/// A live "working…" line for long local work (big pricing builds, cache maintenance): on a terminal only, shown once
/// the work has taken longer than a moment, and erased when it ends. Pipes and logs see nothing.
/// </summary>
internal sealed class Activity : IDisposable
{
    private static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(300);
    private readonly TextWriter _error;
    private readonly string _what;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Timer? _timer;
    private readonly Lock _gate = new();
    private bool _drawn;

    private Activity(CliEnvironment environment, string what)
    {
        _error = environment.Error;
        _what = what;
        if (environment.IsErrorTerminal)
        {
            _timer = new Timer(_ => Draw(), null, Delay, TimeSpan.FromMilliseconds(200));
        }
    }

    public static Activity Start(CliEnvironment environment, string what) => new(environment, what);

    public void Dispose()
    {
        _timer?.Dispose();
        lock (_gate)
        {
            if (_drawn)
            {
                _error.Write("\r\u001b[2K");
                _drawn = false;
            }
        }
    }

    private void Draw()
    {
        lock (_gate)
        {
            _error.Write($"\r\u001b[2K{_what}… {_clock.Elapsed.TotalSeconds:0.0}s");
            _drawn = true;
        }
    }
}
