using System.Diagnostics;
using System.Globalization;
using System.Runtime;

namespace RsSpot.Internal.Diagnostics;

/// <summary>
/// A start-up timeline for finding where an rsspot invocation's time goes: with <c>RSSPOT_STARTUP_TRACE=1</c> every
/// <see cref="Mark"/> prints to stderr the milliseconds since the process started and since the previous mark, with
/// the methods the JIT compiled meanwhile (what ReadyToRun code did not cover); <see cref="Assemblies"/> lists what
/// was loaded, and every exception thrown is shown. Lives in the SDK so the client's own phases can be marked; off
/// (one static bool check) otherwise.
/// </summary>
internal static class StartupTrace
{
    public const string Variable = "RSSPOT_STARTUP_TRACE";

    private static readonly string? Setting = Environment.GetEnvironmentVariable(Variable);
    private static readonly bool Enabled = Init(Setting is { Length: > 0 } && Setting != "0");
    private static readonly Lock Gate = new();
    private static DateTime _processStart;
    private static double _previous;
    private static long _previousJitted;

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
            var now = Since(DateTime.Now);
            var jitted = JitInfo.GetCompiledMethodCount();
            Console.Error.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"[startup] {now,8:F1} ms  +{now - _previous,7:F1}  jit +{jitted - _previousJitted,4}  {phase}"));
            _previous = now;
            _previousJitted = jitted;
        }
    }

    /// <summary>Milliseconds from the process start to <paramref name="time"/> (local time).</summary>
    internal static double Since(DateTime time) => (time - _processStart).TotalMilliseconds;

    /// <summary>Exceptions cost milliseconds each (stack trace capture): every one thrown, even if caught, is listed.</summary>
    private static bool Init(bool enabled)
    {
        if (enabled)
        {
            _processStart = Process.GetCurrentProcess().StartTime;
            if (Setting == "jit")
            {
                JitListener.Start();
            }

            AppDomain.CurrentDomain.FirstChanceException += (_, e) =>
                Console.Error.WriteLine($"[startup] exception thrown: {e.Exception.GetType().Name}: {e.Exception.Message}");
        }

        return enabled;
    }

    /// <summary>Lists the assemblies the process loaded (at the end of a traced run: what a command pulled in).</summary>
    public static void Assemblies()
    {
        if (!Enabled)
        {
            return;
        }

        JitListener.Stop();
        var names = AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name).Order(StringComparer.Ordinal);
        Console.Error.WriteLine($"[startup] {AppDomain.CurrentDomain.GetAssemblies().Length} assemblies loaded, JIT {JitInfo.GetCompilationTime().TotalMilliseconds:F0} ms: {string.Join(", ", names)}");
    }
}
