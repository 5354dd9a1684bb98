using System.Diagnostics.Tracing;
using System.Globalization;

namespace RsSpot.Internal.Diagnostics;

/// <summary>
/// <c>RSSPOT_STARTUP_TRACE=jit</c>: names every method the JIT compiles (the runtime's own JIT events), to find what
/// ReadyToRun code does not cover, typically generic instantiations over another assembly's value types.
/// </summary>
internal sealed class JitListener : EventListener
{
    private const EventKeywords JitKeyword = (EventKeywords)0x10;
    private const int MethodJittingStarted = 145;
    private static JitListener? _instance;

    public static void Start() => _instance ??= new JitListener();

    /// <summary>Runtime events arrive on a dispatch thread: disposing flushes what is pending.</summary>
    public static void Stop()
    {
        _instance?.Dispose();
        _instance = null;
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, JitKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventId == MethodJittingStarted && eventData.Payload is { Count: >= 6 } payload)
        {
            // Timestamped, as they arrive late from the runtime's dispatch thread: sort the output to place them between the marks.
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[jit]     {StartupTrace.Since(eventData.TimeStamp.ToLocalTime()),8:F1} ms  {payload[4]}::{payload[5]}"));
        }
    }
}
