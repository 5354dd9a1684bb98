using System.Diagnostics;
using System.Reflection;
using RsSpot.State;
using RsSpot.Workflows;

namespace RsSpot.Tests.Workflows;

/// <summary>
/// A real runner process killed mid-run (tests/RsSpot.RegistrationWorker) and started again: it resumes from the
/// ledger and no VM is submitted twice.
/// </summary>
[NonParallelizable]
public class RegistrationCrashRestartTests
{
    private const int VmCount = 5;
    private DirectoryInfo _directory = null!;

    private string StatePath => Path.Combine(_directory.FullName, "state.db");

    private string Log(string name) => Path.Combine(_directory.FullName, name);

    [SetUp]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("rsspot-crash-");

    [TearDown]
    public void DeleteDirectory() => _directory.Delete(recursive: true);

    [Test]
    public async Task A_killed_runner_resumes_and_registers_every_vm_exactly_once()
    {
        // First run: the Confirm after the third Submit hangs; kill the process there.
        using (var first = StartWorker(hangAtSubmit: 3))
        {
            await WaitForAsync(() => File.Exists(Log("hanging")), first);
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }

        var hungKey = await File.ReadAllTextAsync(Log("hanging"));
        using (var store = StateStore.Open(StatePath))
        {
            Assert.That(new RegistrationWorkflow(store).Get(hungKey)!.Status, Is.EqualTo(RegistrationStatus.Submitted), "killed while submitted");
        }

        // Second run: to completion.
        using (var second = StartWorker(hangAtSubmit: null))
        {
            var output = await second.StandardOutput.ReadToEndAsync();
            await second.WaitForExitAsync();
            Assert.That(second.ExitCode, Is.Zero, output + await second.StandardError.ReadToEndAsync());
        }

        using var final = StateStore.Open(StatePath);
        var records = new RegistrationWorkflow(final).List();
        var submits = await File.ReadAllLinesAsync(Log("submits.log"));
        var confirms = await File.ReadAllLinesAsync(Log("confirms.log"));

        Assert.Multiple(() =>
        {
            Assert.That(records, Has.Count.EqualTo(VmCount));
            Assert.That(records.Select(r => r.Status), Is.All.EqualTo(RegistrationStatus.Registered));
            Assert.That(submits, Is.Unique.And.Length.EqualTo(VmCount), "no VM submitted twice");
            Assert.That(confirms.Count(k => k == hungKey), Is.EqualTo(2), "the VM caught in submitted was confirmed again, not resubmitted");
        });
    }

    private Process StartWorker(int? hangAtSubmit)
    {
        var dll = typeof(RegistrationCrashRestartTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "RegistrationWorkerDll").Value!;
        Assume.That(File.Exists(dll), $"worker not built: {dll}");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll, StatePath, _directory.FullName, VmCount.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (hangAtSubmit is { } hang)
        {
            start.ArgumentList.Add(hang.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return Process.Start(start)!;
    }

    /// <summary>Polls for a condition the worker makes true (bounded, so a broken worker fails the test instead of hanging it).</summary>
    private static async Task WaitForAsync(Func<bool> condition, Process worker)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.That(worker.HasExited, Is.False, () => $"worker exited early: {worker.StandardError.ReadToEnd()}");
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "worker did not reach the hang");
            await Task.Delay(20);
        }
    }
}
