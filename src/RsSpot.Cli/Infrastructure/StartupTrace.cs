using System.Diagnostics;
using System.Globalization;

namespace RsSpot.Cli.Infrastructure;

/// <summary>
/// A start-up timeline for finding where an invocation's time goes: with <c>RSSPOT_STARTUP_TRACE=1</c> every
/// <see cref="Mark"/> prints the milliseconds since the process started and since the previous mark to stderr.
/// Off (one static bool check) otherwise.
/// </summary>
internal static class StartupTrace
{
    public const string Variable = "RSSPOT_STARTUP_TRACE";

    private static readonly bool Enabled = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value && value != "0";
    private static readonly Lock Gate = new();
    private static DateTime? _processStart;
    private static double _previous;

    /// <summary>Records that <paramref name="phase"/> has just finished.</summary>
    public static void Mark(string phase)
    {
        if (!Enabled)
        {
            return;
        }

        // Measured from the process start, so the runtime's own start-up before Main shows in the first mark.
        lock (Gate)
        {
            _processStart ??= Process.GetCurrentProcess().StartTime;
            var now = (DateTime.Now - _processStart.Value).TotalMilliseconds;
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[startup] {now,8:F1} ms  +{now - _previous,7:F1}  {phase}"));
            _previous = now;
        }
    }
}
