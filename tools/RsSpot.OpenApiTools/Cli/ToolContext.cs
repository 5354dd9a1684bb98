namespace RsSpot.OpenApiTools.Cli;

/// <summary>Everything a command touches outside its arguments, injectable for tests.</summary>
/// <param name="Out">Standard output (reports, generated text).</param>
/// <param name="Error">Standard error (progress, one-line errors).</param>
/// <param name="Environment">Environment variable lookup.</param>
/// <param name="WorkingDirectory">Where the repository root is searched from when <c>--root</c> is absent.</param>
public sealed record ToolContext(TextWriter Out, TextWriter Error, Func<string, string?> Environment, string WorkingDirectory)
{
    /// <summary>HTTP handler used by <c>sync</c>; a default <see cref="SocketsHttpHandler"/> when null.</summary>
    public HttpMessageHandler? HttpHandler { get; init; }

    /// <summary>Clock for timeouts and timestamps.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>The real console, environment and current directory.</summary>
    public static ToolContext Console() =>
        new(System.Console.Out, System.Console.Error, System.Environment.GetEnvironmentVariable, System.Environment.CurrentDirectory);

    /// <summary>The repository layout from <c>--root</c>, or found above <see cref="WorkingDirectory"/>.</summary>
    public RepositoryLayout Layout(Arguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return arguments.Value("--root") is { } root ? new RepositoryLayout(Path.GetFullPath(root)) : RepositoryLayout.Find(WorkingDirectory);
    }
}
