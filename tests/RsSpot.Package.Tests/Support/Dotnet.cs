using System.Diagnostics;
using System.Text;

namespace RsSpot.Package.Tests.Support;

/// <summary>What a finished command printed (stdout and stderr interleaved) and its exit code.</summary>
internal sealed record CommandResult(int ExitCode, string Output);

/// <summary>Runs the <c>dotnet</c> host as a child process, the way a developer would from a shell.</summary>
internal static class Dotnet
{
    /// <summary>Variables that <c>dotnet test</c> sets for its own MSBuild and that would steer a nested build.</summary>
    private static readonly string[] InheritedBuildVariables = ["MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly"];

    /// <summary>Runs <c>dotnet args...</c> in <paramref name="directory"/>; kills it after <paramref name="timeout"/>.</summary>
    /// <param name="directory">Working directory.</param>
    /// <param name="timeout">Longest run.</param>
    /// <param name="environment">Variables to set (null value: remove).</param>
    /// <param name="args">Arguments.</param>
    /// <exception cref="TimeoutException">The command ran longer than <paramref name="timeout"/>.</exception>
    public static async Task<CommandResult> RunAsync(string directory, TimeSpan timeout, IReadOnlyDictionary<string, string?>? environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in InheritedBuildVariables)
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var readers = Task.WhenAll(Pump(process.StandardOutput, output), Pump(process.StandardError, output));
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', args)} ran longer than {timeout.TotalSeconds} s:\n{Text(output)}");
        }

        await readers.ConfigureAwait(false);
        return new CommandResult(process.ExitCode, Text(output));
    }

    private static async Task Pump(StreamReader reader, StringBuilder output)
    {
        while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
