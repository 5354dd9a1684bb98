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

    private string[] Logs(string pattern) => Directory.GetFiles(_directory.FullName, pattern);

    [SetUp]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("rsspot-crash-");

    [TearDown]
    public void DeleteDirectory() => _directory.Delete(recursive: true);

    [Test]
    public async Task A_killed_runner_resumes_and_registers_every_vm_exactly_once()
    {
        // First run: right after the third Submit the worker hangs; kill the process there.
        using (var first = StartWorker(hangAtSubmit: 3))
        {
            await RegistrationWorkerProcess.WaitForAsync(() => Logs("hanging.*").Length > 0, first, "the hang");
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }

        var hungKey = await File.ReadAllTextAsync(Logs("hanging.*").Single());
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
        var submits = Logs("submits.*.log").SelectMany(File.ReadAllLines).ToList();
        var confirms = Logs("confirms.*.log").SelectMany(File.ReadAllLines).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(records, Has.Count.EqualTo(VmCount));
            Assert.That(records.Select(r => r.Status), Is.All.EqualTo(RegistrationStatus.Registered));
            Assert.That(submits, Is.Unique.And.Count.EqualTo(VmCount), "no VM submitted twice");
            Assert.That(confirms.Count(k => k == hungKey), Is.EqualTo(1), "the VM caught in submitted was confirmed by the next run, not resubmitted");
        });
    }

    private System.Diagnostics.Process StartWorker(int? hangAtSubmit) =>
        // A short lease: the next run takes the killed one's VMs over once it has run out.
        RegistrationWorkerProcess.Start([StatePath, _directory.FullName, VmCount, .. hangAtSubmit is { } hang ? new object[] { hang } : [], "--lease-ms", 1000]);
}
