using System.Diagnostics;
using System.Reflection;
using RsSpot.Configuration;
using RsSpot.State;
using RsSpot.StateStress;

namespace RsSpot.Tests.State;

/// <summary>8 threads and 4 processes write history, ledger and preferences to one state.db at once.</summary>
public sealed class StateConcurrencyTests
{
    private const int Threads = 8;
    private const int Processes = 4;
    private const int Operations = 40;

    [Test]
    [CancelAfter(180_000)]
    public void ThreadsAndProcesses_WriteConcurrently_WithoutErrorsOrLostRows()
    {
        var dir = Directory.CreateTempSubdirectory("rsspot-concurrency-").FullName;
        try
        {
            var path = Path.Combine(dir, "state.db");
            var workers = Enumerable.Range(0, Processes).Select(i => StartWorker(path, $"proc{i}")).ToList();

            // Threads open the (possibly still being created) file themselves and share one store between them.
            using var shared = StateStore.Open(path);
            var threadErrors = new List<Exception>();
            var threads = Enumerable.Range(0, Threads).Select(i => new Thread(() =>
            {
                try
                {
                    StateWorkload.Run(shared, $"thread{i}", Operations);
                }
                catch (Exception ex)
                {
                    lock (threadErrors)
                    {
                        threadErrors.Add(ex);
                    }
                }
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
            var outcomes = workers.Select(Finish).ToList();

            const int writers = Threads + Processes;
            Assert.Multiple(() =>
            {
                Assert.That(threadErrors, Is.Empty);
                Assert.That(outcomes, Is.All.EqualTo("exit 0"));
                Assert.That(shared.History.Count(), Is.EqualTo(writers * Operations));
                Assert.That(shared.Ledger.List(limit: RegistrationLedger.MaxListLimit), Has.Count.EqualTo((writers * Operations) + 1));
                Assert.That(shared.Ledger.Get(StateWorkload.SharedKey)!.Attempts, Is.EqualTo(writers * Operations), "no lost read-modify-write");
                Assert.That(shared.Preferences.List(), Has.Count.EqualTo(writers));
                Assert.That(shared.Preferences.Get(PreferenceKeys.ProfileOrg("proc3")), Is.EqualTo($"org-{Operations - 1}"));
            });
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static Process StartWorker(string path, string name)
    {
        var dll = typeof(StateConcurrencyTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "StateStressDll").Value!;
        Assume.That(File.Exists(dll), $"worker not built: {dll}");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll, path, name, Operations.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        return Process.Start(start)!;
    }

    private static string Finish(Process process)
    {
        using (process)
        {
            var errors = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? "exit 0" : $"exit {process.ExitCode}: {errors.Result}";
        }
    }
}
