using Microsoft.Extensions.Logging;

namespace RsSpot.Cli.Infrastructure;

/// <summary>-v logging: one plain line per event on stderr, written synchronously so it interleaves correctly with output.</summary>
internal sealed class StderrLoggerProvider(TextWriter error) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new StderrLogger(error);

    public void Dispose()
    {
    }

    private sealed class StderrLogger(TextWriter error) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (error)
            {
                error.WriteLine($"[{logLevel.ToString().ToLowerInvariant()}] {formatter(state, exception)}");
            }
        }
    }
}
