namespace RsSpot.Cli.Tests.Support;

/// <summary>A stderr (or stdout) a test can wait on: each written line is kept, and <see cref="WaitForAsync"/> completes once a line matches.</summary>
internal sealed class LineWaiter : StringWriter
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly Lock _gate = new();
    private readonly List<string> _lines = [];
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Seen)> _waits = [];

    public LineWaiter()
        : base(System.Globalization.CultureInfo.InvariantCulture)
    {
    }

    /// <summary>The first line (already written or still to come) that matches; fails the test after a minute.</summary>
    public Task<string> WaitForAsync(Func<string, bool> match)
    {
        lock (_gate)
        {
            if (_lines.FirstOrDefault(match) is { } line)
            {
                return Task.FromResult(line);
            }

            var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waits.Add((match, seen));
            return seen.Task.WaitAsync(Patience);
        }
    }

    public override void WriteLine(string? value)
    {
        lock (_gate)
        {
            base.WriteLine(value);
            var line = value ?? "";
            _lines.Add(line);
            foreach (var wait in _waits.Where(w => w.Match(line)).ToList())
            {
                _waits.Remove(wait);
                wait.Seen.TrySetResult(line);
            }
        }
    }

    public override void Write(string? value)
    {
        lock (_gate)
        {
            base.Write(value);
        }
    }
}
