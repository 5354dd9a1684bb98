using System.Diagnostics;
using System.Globalization;
using System.Reflection;

namespace RsSpot.Tests.Workflows;

/// <summary>Runs tests/RsSpot.RegistrationWorker as a real process (see its Program.cs for the arguments).</summary>
internal static class RegistrationWorkerProcess
{
    /// <summary>Starts <c>dotnet RsSpot.RegistrationWorker.dll ARGS</c> with its output redirected.</summary>
    public static Process Start(params object[] args)
    {
        var dll = typeof(RegistrationWorkerProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "RegistrationWorkerDll").Value!;
        Assume.That(File.Exists(dll), $"worker not built: {dll}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(Convert.ToString(arg, CultureInfo.InvariantCulture)!);
        }

        return Process.Start(start)!;
    }

    /// <summary>Polls for a condition the worker makes true (bounded, so a broken worker fails the test instead of hanging it).</summary>
    public static async Task WaitForAsync(Func<bool> condition, Process worker, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            Assert.That(worker.HasExited, Is.False, () => $"worker exited before {what}: {worker.StandardError.ReadToEnd()}");
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), $"worker did not reach {what}");
            await Task.Delay(20);
        }
    }

    /// <summary>Waits for the worker to end (at most 2 minutes) and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> FinishAsync(Process worker)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var output = worker.StandardOutput.ReadToEndAsync(limit.Token);
        var error = worker.StandardError.ReadToEndAsync(limit.Token);
        await worker.WaitForExitAsync(limit.Token);
        return (worker.ExitCode, (await output) + (await error));
    }
}
