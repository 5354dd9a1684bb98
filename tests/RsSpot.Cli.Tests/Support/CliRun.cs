using Newtonsoft.Json.Linq;

namespace RsSpot.Cli.Tests.Support;

/// <summary>The outcome of one in-process rsspot run.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error)
{
    /// <summary>stdout parsed as JSON.</summary>
    public JToken Json => JToken.Parse(Out);

    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Out}\n--- stderr ---\n{Error}";
}
