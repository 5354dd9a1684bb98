using System.Diagnostics;
using RsSpot.State;
using RsSpot.Testing;
using RsSpot.Workflows;

namespace RsSpot.Tests.Workflows;

/// <summary>
/// Runner processes on one PostgreSQL ledger (tests/RsSpot.RegistrationWorker): together they register every VM
/// exactly once, a runner killed with -9 while holding leases has its VMs finished by the others once the lease has
/// run out, and SIGTERM releases a runner's leases at once. bench/fleet.sh is the timed, larger version.
/// </summary>
[NonParallelizable]
public class RegistrationFleetTests
{
    private const int Vms = 60;
    private const int LeaseMs = 1500;
    private TestSchema _schema = null!;
    private DirectoryInfo _directory = null!;

    [SetUp]
    public void Prepare()
    {
        _schema = TestPostgres.CreateSchema();
        _directory = Directory.CreateTempSubdirectory("rsspot-fleet-");
    }

    [TearDown]
    public void CleanUp()
    {
        // Both are still null when the set-up skipped the test (no PostgreSQL server outside CI).
        _schema?.Dispose();
        _directory?.Delete(recursive: true);
    }

    [Test]
    public async Task Four_runner_processes_register_every_vm_once_and_finish_the_vms_of_one_killed_mid_claim()
    {
        // The victim holds leases on up to 4 VMs and hangs after its 3rd submission; the others start while it runs.
        using var victim = StartRunner("victim", hangAtSubmit: 3);
        await RegistrationWorkerProcess.WaitForAsync(() => Logs("hanging.*").Length > 0, victim, "the hang");
        var others = Enumerable.Range(1, 3).Select(i => StartRunner($"runner-{i}", hangAtSubmit: null)).ToList();
        await RegistrationWorkerProcess.WaitForAsync(() => Logs("submits.*.log").Length > 1, others[0], "the other runners' first submission");
        var heldAtKill = HeldBy(victim.Id);
        victim.Kill();
        await victim.WaitForExitAsync();

        var finished = await Task.WhenAll(others.Select(RegistrationWorkerProcess.FinishAsync));
        using var store = StateStore.OpenWithPostgres(Path.Combine(_directory.FullName, "check.db"), _schema.ConnectionString);
        var records = new RegistrationWorkflow(store).List(limit: Vms * 2);
        var submits = Logs("submits.*.log").SelectMany(File.ReadAllLines).ToList();
        TestContext.Out.WriteLine($"fleet: {Vms} VMs, victim held {heldAtKill.Count} at kill -9; " + string.Join("; ", finished.Select(f => f.Output.Trim())));

        Assert.Multiple(() =>
        {
            Assert.That(finished.Select(f => f.ExitCode), Is.All.Zero, string.Join("\n", finished.Select(f => f.Output)));
            Assert.That(heldAtKill, Is.Not.Empty, "killed mid-claim");
            Assert.That(records, Has.Count.EqualTo(Vms));
            Assert.That(records.Select(r => r.Status), Is.All.EqualTo(RegistrationStatus.Registered), "no VM lost, the killed runner's included");
            Assert.That(records.Select(r => r.ClaimedBy), Is.All.Null, "every lease released");
            Assert.That(submits, Is.Unique.And.Count.EqualTo(Vms), "every VM submitted exactly once across the fleet");
            Assert.That(Logs("submits.*.log"), Has.Length.GreaterThanOrEqualTo(2), "the work was shared between processes");
        });
    }

    [Test]
    public async Task SIGTERM_stops_a_runner_and_releases_its_leases_at_once()
    {
        using var runner = StartRunner("term", hangAtSubmit: 2);
        await RegistrationWorkerProcess.WaitForAsync(() => Logs("hanging.*").Length > 0, runner, "the hang");
        Assert.That(HeldBy(runner.Id), Is.Not.Empty);

        using (var kill = Process.Start("kill", ["-TERM", runner.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        var (exitCode, output) = await RegistrationWorkerProcess.FinishAsync(runner);

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(143), output);
            Assert.That(output, Does.Contain("leases of").And.Contain("released"));
            Assert.That(_schema.Scalar<long>("SELECT COUNT(*) FROM registration_ledger WHERE claimed_by IS NOT NULL"), Is.Zero);
        });
    }

    private Process StartRunner(string name, int? hangAtSubmit)
    {
        var state = Path.Combine(_directory.FullName, $"{name}.db");
        object[] hang = hangAtSubmit is { } at ? [at, 0] : [];
        return RegistrationWorkerProcess.Start(
            [state, _directory.FullName, Vms, .. hang, "--postgres", _schema.ConnectionString, "--lease-ms", LeaseMs, "--concurrency", 4]);
    }

    private string[] Logs(string pattern) => Directory.GetFiles(_directory.FullName, pattern);

    /// <summary>Keys whose lease the runner of process <paramref name="pid"/> holds (its id is host:pid:suffix).</summary>
    private List<string> HeldBy(int pid)
    {
        using var connection = new Npgsql.NpgsqlConnection(_schema.ConnectionString);
        connection.Open();
        return [.. Dapper.SqlMapper.Query<string>(connection, "SELECT registration_key FROM registration_ledger WHERE claimed_by LIKE @pattern", new { pattern = $"%:{pid}:%" })];
    }
}
