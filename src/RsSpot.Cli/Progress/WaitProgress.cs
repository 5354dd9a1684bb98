using System.Globalization;
using RsSpot.Cli.Infrastructure;
using RsSpot.Cli.Output;

namespace RsSpot.Cli.Progress;

/// <summary>
/// Progress of any wait on stderr. On a terminal: one live line, redrawn in place (spinner, phase, bid status,
/// won/desired, elapsed), plus a kept line per change. Elsewhere (logs, CI): a line per change and a heartbeat every
/// 30 s, so a long wait is never silent. Feed it each poll's result through <see cref="Report"/>.
/// </summary>
internal sealed class WaitProgress<T> : IProgress<T>, IDisposable
{
    private static readonly string[] Frames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];
    private readonly TextWriter _error;
    private readonly string _subject;
    private readonly Func<T, WaitStatus> _read;
    private readonly Palette _palette;
    private readonly TimeProvider _time;
    private readonly DateTimeOffset _started;
    private readonly bool _live;
    private readonly ITimer _timer;
    private readonly Lock _gate = new();
    private WaitStatus? _status;
    private int _frame;

    /// <param name="environment">Where to write, and whether stderr is a terminal.</param>
    /// <param name="subject">What is waited for, e.g. <c>cloudspace demo</c>.</param>
    /// <param name="read">The status in a poll's result.</param>
    /// <param name="palette">Colours for status words.</param>
    /// <param name="time">Clock (tests drive a fake one).</param>
    /// <param name="heartbeat">How often a quiet wait says it is still waiting when not on a terminal (default 30 s).</param>
    public WaitProgress(CliEnvironment environment, string subject, Func<T, WaitStatus> read, Palette palette, TimeProvider? time = null, TimeSpan? heartbeat = null)
    {
        _error = environment.Error;
        _subject = subject;
        _read = read;
        _palette = palette;
        _time = time ?? TimeProvider.System;
        _started = _time.GetUtcNow();
        _live = environment.IsErrorTerminal;
        var period = _live ? TimeSpan.FromMilliseconds(120) : heartbeat ?? TimeSpan.FromSeconds(30);
        _timer = _time.CreateTimer(_ => Tick(), null, period, period);
    }

    public void Report(T value)
    {
        var status = _read(value);
        lock (_gate)
        {
            if (status.Key == _status?.Key)
            {
                return;
            }

            _status = status;
            ClearLive();
            _error.WriteLine($"{_subject}: {Describe(status)} after {Elapsed()}");
            DrawLive();
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        lock (_gate)
        {
            ClearLive();
        }
    }

    private void Tick()
    {
        lock (_gate)
        {
            if (_live)
            {
                _frame++;
                DrawLive();
            }
            else
            {
                _error.WriteLine($"{_subject}: still {(_status is null ? "waiting" : Describe(_status))} after {Elapsed()}");
            }
        }
    }

    private void DrawLive()
    {
        if (_live)
        {
            _error.Write($"\r\u001b[2K{Frames[_frame % Frames.Length]} {_subject}: {(_status is null ? "waiting" : Describe(_status))} · {Elapsed()}");
        }
    }

    private void ClearLive()
    {
        if (_live)
        {
            _error.Write("\r\u001b[2K");
        }
    }

    private string Describe(WaitStatus status)
    {
        var parts = new List<string> { _palette.Status(status.Phase) };
        if (status.BidStatus is { Length: > 0 } bid)
        {
            parts.Add($"bid {_palette.Status(bid)}");
        }

        if (status.Won is { } won)
        {
            parts.Add(status.Desired is { } desired ? $"{won}/{desired} won" : $"{won} won");
        }

        var text = string.Join(", ", parts);
        return status.Reason is { Length: > 0 } reason ? $"{text} ({reason})" : text;
    }

    private string Elapsed()
    {
        var elapsed = _time.GetUtcNow() - _started;
        return elapsed.TotalMinutes < 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)elapsed.TotalSeconds}s")
            : string.Create(CultureInfo.InvariantCulture, $"{(int)elapsed.TotalMinutes}m{elapsed.Seconds:00}s");
    }
}
