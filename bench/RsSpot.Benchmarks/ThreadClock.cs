using System.Diagnostics;
using System.Runtime.InteropServices;

namespace RsSpot.Benchmarks;

/// <summary>
/// CPU time of the calling thread. The benchmark machines are shared, so wall-clock time mostly measures the
/// other tenants; on-CPU time of the measuring thread does not. Falls back to wall clock off Linux.
/// </summary>
internal static partial class ThreadClock
{
    private const int ClockThreadCpuTimeId = 3;

    public static bool IsCpuTime { get; } = OperatingSystem.IsLinux();

    public static double NowMilliseconds()
    {
        if (!IsCpuTime)
        {
            return Stopwatch.GetTimestamp() * 1000.0 / Stopwatch.Frequency;
        }

        _ = ClockGetTime(ClockThreadCpuTimeId, out var time);
        return (time.Seconds * 1000.0) + (time.Nanoseconds / 1_000_000.0);
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clockId, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
