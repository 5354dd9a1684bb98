using RsSpot.Configuration;
using RsSpot.Reliability.Tests.Support;
using RsSpot.State;
using RsSpot.Workflows;

namespace RsSpot.Reliability.Tests;

/// <summary>
/// kill -9 at random moments: the config file is always the old one or the new one and parses, the next write
/// leaves no temporary file (one holding a refresh token) behind, and a killed registration run resumes from its
/// ledger to completion.
/// </summary>
[NonParallelizable]
public class CrashTests
{
    private const int ConfigureKills = 30;
    private const int RegistrationKills = 10;
    private const int Vms = 40;

    [Test]
    [CancelAfter(600_000)]
    public async Task Configure_killed_at_random_moments_leaves_the_old_or_the_new_config_and_no_secret_behind()
    {
        await using var lab = await Lab.StartAsync();
        var random = new Random(9);
        var kills = 0;
        var killedPid = 0;
        for (var attempt = 0; kills < ConfigureKills && attempt < ConfigureKills * 4; attempt++)
        {
            var profile = $"k{attempt}";
            using var process = CliProcess.Start(CliProcess.RsSpotDll, lab.Home, ["-p", profile, "configure", "--region", "r", "--refresh-token", $"tok-{attempt}", "--no-activate"]);
            await Task.Delay(random.Next(50, 900));
            if (!process.HasExited)
            {
                process.Kill();
                kills++;
                killedPid = process.Id;
            }

            await process.WaitForExitAsync();
            var config = ConfigSerializer.ReadFile(lab.ConfigPath);
            Assert.Multiple(() =>
            {
                Assert.That(config.Profiles, Does.ContainKey("lab"), "what was saved before is never lost");
                Assert.That(config.Profiles.TryGetValue(profile, out var written) ? written.RefreshToken : $"tok-{attempt}", Is.EqualTo($"tok-{attempt}"), "the new profile is absent or whole");
            });
        }

        // The write window is milliseconds wide, so random kills rarely land in it: leave what such a kill leaves (a
        // temporary file of a dead writer holding a refresh token), as well as what the kills did leave.
        var leftovers = Temporaries(lab);
        await File.WriteAllTextAsync(Path.Combine(lab.ConfigDirectory, $".config.yml.{killedPid}.{Guid.NewGuid():N}.tmp"), "refresh_token: tok-half-written");
        var final = await lab.RunAsync("-p", "final", "configure", "--region", "r", "--refresh-token", "tok-final", "--no-activate");

        TestContext.Out.WriteLine($"crash figures: configure killed {kills} times; temporary files left by kills {leftovers.Count} (+1 planted), after the next write {Temporaries(lab).Count}");
        Assert.Multiple(() =>
        {
            Assert.That(kills, Is.GreaterThanOrEqualTo(ConfigureKills));
            Assert.That(final.ExitCode, Is.Zero, final.ToString());
            Assert.That(Temporaries(lab), Is.Empty, "the next write removes what killed writers left");
            Assert.That(File.GetUnixFileMode(lab.ConfigPath), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        });
    }

    [Test]
    [CancelAfter(600_000)]
    public async Task A_registration_run_killed_at_random_moments_resumes_every_vm_and_submits_none_twice()
    {
        var directory = Directory.CreateTempSubdirectory("rsspot-crash-").FullName;
        try
        {
            var state = Path.Combine(directory, "state.db");
            // 50 ms a submission: a full run takes about 2 s, so kills at random moments land mid-run. A short lease: each
            // run takes the killed one's VM over once it has run out.
            string[] args = [state, directory, Vms.ToString(System.Globalization.CultureInfo.InvariantCulture), "0", "50", "--lease-ms", "300"];
            var random = new Random(3);
            var kills = 0;
            for (var attempt = 0; kills < RegistrationKills && attempt < RegistrationKills * 4; attempt++)
            {
                using var process = CliProcess.Start(CliProcess.RegistrationWorkerDll, directory, args);
                await Task.Delay(random.Next(100, 600));
                if (!process.HasExited)
                {
                    process.Kill();
                    kills++;
                }

                await process.WaitForExitAsync();
                using var store = StateStore.Open(state);
                Assert.That(store.RecoveryNotice, Is.Null, "the ledger survives every kill");
            }

            var final = await CliProcess.RunAsync(CliProcess.RegistrationWorkerDll, directory, args);
            using var done = StateStore.Open(state);
            var records = new RegistrationWorkflow(done).List();
            var submitted = Directory.GetFiles(directory, "submits.*.log").SelectMany(File.ReadAllLines).ToList();
            var lost = records.Where(r => r.Status == RegistrationStatus.Failed).ToList();

            // Submission is at most once (docs/registration.md): a kill between the ledger's "submitted" and the
            // handler's Submit loses that submission, and the VM ends failed ("not confirmed"), never submitted twice.
            TestContext.Out.WriteLine($"crash figures: registration run killed {kills} times, then {final.Out.Trim()}; {lost.Count} submission(s) lost to a kill");
            Assert.Multiple(() =>
            {
                Assert.That(kills, Is.GreaterThanOrEqualTo(RegistrationKills));
                Assert.That(final.Error, Is.Empty, final.ToString());
                Assert.That(records, Has.Count.EqualTo(Vms));
                Assert.That(submitted, Is.Unique, "no VM submitted twice across kills and restarts");
                Assert.That(records.Where(r => r.Status == RegistrationStatus.Registered).Select(r => r.Key), Is.SubsetOf(submitted));
                Assert.That(lost.Select(r => r.Key), Has.None.AnyOf(submitted), "only a submission that never reached the cluster ends failed");
                Assert.That(records.Select(r => r.Status), Is.All.AnyOf(RegistrationStatus.Registered, RegistrationStatus.Failed), "the ledger resumed every VM to an end");
                Assert.That(lost, Has.Count.LessThanOrEqualTo(kills));
            });
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static List<string> Temporaries(Lab lab) => [.. Directory.EnumerateFiles(lab.ConfigDirectory, ".config.yml.*.tmp")];
}
