using System.Diagnostics;
using System.Reflection;

namespace RsSpot.Reliability.Tests.Support;

/// <summary>Runs the built tools (rsspot, the loop worker, the registration worker) as real processes with a private HOME.</summary>
public static class CliProcess
{
    /// <summary>Longest any process may run before the test kills it and fails: a hang is a defect, never a slow pass.</summary>
    public static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(90);

    public static string RsSpotDll => Built("RsSpotCliDll");

    public static string CliLoopDll => Built("CliLoopDll");

    public static string RegistrationWorkerDll => Built("RegistrationWorkerDll");

    /// <summary>Starts <c>dotnet DLL ARGS</c> with HOME set and no RSSPOT_*/SPOT_*/RACKSPACE_* variables of the machine.</summary>
    public static Process Start(string dll, string home, IEnumerable<string> args, IReadOnlyDictionary<string, string>? variables = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in start.Environment.Keys.Where(IsRsSpotVariable).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["HOME"] = home;
        start.Environment["NO_COLOR"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in variables ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        process.StandardInput.Close();
        return process;
    }

    /// <summary>Runs a process to completion (killing it and failing the test past <see cref="HangLimit"/>).</summary>
    public static async Task<CliRun> RunAsync(string dll, string home, IEnumerable<string> args, IReadOnlyDictionary<string, string>? variables = null)
    {
        var started = Stopwatch.StartNew();
        using var process = Start(dll, home, args, variables);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(HangLimit);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"'{string.Join(' ', args)}' was still running after {HangLimit.TotalSeconds} s");
        }

        return new CliRun(process.ExitCode, await output, await error, started.Elapsed);
    }

    private static bool IsRsSpotVariable(string name) =>
        name.StartsWith("RSSPOT_", StringComparison.OrdinalIgnoreCase) || name.StartsWith("SPOT_", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("RACKSPACE_", StringComparison.OrdinalIgnoreCase);

    private static string Built(string key)
    {
        var path = typeof(CliProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
        Assert.That(File.Exists(path), Is.True, $"not built: {path}");
        return path;
    }
}
