using Newtonsoft.Json.Linq;
using RsSpot.Emulator;
using RsSpot.Models;
using RsSpot.Reliability.Tests.Support;

namespace RsSpot.Reliability.Tests;

/// <summary>
/// 200 mixed SDK and CLI calls against a server that answers 20 % of requests with 503 (half of them after applying
/// the request), 5 % with 429 and Retry-After, and resets, drops and slows others: no call fails for the user and
/// no resource exists twice. The profile allows 6 attempts, as docs/troubleshooting.md advises for flaky links, and
/// has no HTTP cache, so every read really crosses the faulty wire.
/// </summary>
[NonParallelizable]
public class ChaosTests
{
    private const int SdkCalls = 160;
    private const int CliCalls = 40;
    private const string CloudSpace = "chaos";
    private const string ServerClass = "gp.vs1.large-dfw";
    private const string Bid = "0.02";

    [Test]
    [CancelAfter(600_000)]
    public async Task Two_hundred_mixed_calls_under_chaos_fail_none_and_duplicate_nothing()
    {
        await using var lab = await Lab.StartAsync("{ max_attempts: 6, base_delay: 0.05, max_delay: 0.5 }", cache: "{ enabled: false }");
        using var client = lab.CreateClient();
        await client.CloudSpaces.CreateAsync(new CreateCloudSpaceRequest { Name = CloudSpace, Region = "us-central-dfw-1" });
        AddChaos(lab.Emulator.Faults);

        var ledger = new Ledger();
        var random = new Random(20261202);
        for (var call = 0; call < SdkCalls; call++)
        {
            await ledger.Attempt($"sdk #{call}", () => SdkCall(client, random.Next(8), call % 2 == 0, ledger));
        }

        for (var call = 0; call < CliCalls; call++)
        {
            await ledger.Attempt($"cli #{call}", () => CliCall(lab, call % 4, ledger));
        }

        var journal = lab.Emulator.Journal;
        lab.Emulator.Faults.Clear();
        var pools = await client.SpotNodePools.ListAsync(CloudSpace);
        var cloudSpaces = await client.CloudSpaces.ListAsync();

        TestContext.Out.WriteLine($"chaos figures: {ledger.Calls} calls ({SdkCalls} SDK, {CliCalls} CLI), {ledger.Failures.Count} failed; " +
            $"{journal.Count} requests on the wire; faults fired: {string.Join(", ", journal.Where(e => e.Fault is not null).GroupBy(e => e.Fault!.Name).Select(g => $"{g.Key} {g.Count()}"))}; " +
            $"creates applied but answered with a fault: {journal.Count(e => e.Method == "POST" && e.Fault is not null && e.ProcessedStatusCode is >= 200 and < 300)}; " +
            $"pools created {ledger.CreatedPools.Count}, deleted {ledger.DeletedPools.Count}, cloudspaces created {ledger.CreatedCloudSpaces.Count}");
        Assert.Multiple(() =>
        {
            Assert.That(ledger.Failures, Is.Empty, "no call fails for the user");
            Assert.That(pools.Select(p => p.Name), Is.Unique, "no pool twice");
            Assert.That(pools.Select(p => p.Name), Is.EquivalentTo(ledger.CreatedPools.Except(ledger.DeletedPools)), "exactly the pools the calls made (no lost-reply duplicates)");
            Assert.That(cloudSpaces.Select(c => c.Name), Is.EquivalentTo(ledger.CreatedCloudSpaces.Append(CloudSpace)));
            Assert.That(journal.Count(e => e.Fault?.Name == "503-after-apply"), Is.GreaterThan(0), "the chaos really applied requests whose reply was lost");
        });
    }

    private static void AddChaos(EmulatorFaults faults)
    {
        faults.Reseed(14);
        faults.Add(new FaultRule { Name = "503", StatusCode = 503, Probability = 0.10 });
        faults.Add(new FaultRule { Name = "503-after-apply", StatusCode = 503, ApplyThenFail = true, Probability = 0.10 });
        faults.Add(new FaultRule { Name = "429", StatusCode = 429, RetryAfterSeconds = 1, Probability = 0.05 });
        faults.Add(new FaultRule { Name = "reset-mid-body", ResetConnection = true, PartialBodyBytes = 8, Probability = 0.02 });
        faults.Add(new FaultRule { Name = "drop-after-apply", DropConnection = true, ApplyThenFail = true, Probability = 0.02 });
        faults.Add(new FaultRule { Name = "latency", Latency = TimeSpan.FromMilliseconds(200), Probability = 0.05 });
    }

    private static async Task SdkCall(SpotClient client, int kind, bool sync, Ledger ledger)
    {
        switch (kind)
        {
            case 0:
                _ = sync ? client.Regions.List() : await client.Regions.ListAsync();
                break;
            case 1:
                _ = sync ? client.CloudSpaces.List() : await client.CloudSpaces.ListAsync();
                break;
            case 2:
                _ = sync ? client.SpotNodePools.List(CloudSpace) : await client.SpotNodePools.ListAsync(CloudSpace);
                break;
            case 3 or 4:
                var request = new CreateSpotNodePoolRequest { CloudSpace = CloudSpace, ServerClass = ServerClass, BidPrice = Bid, Desired = kind - 2 };
                ledger.CreatedPools.Add((sync ? client.SpotNodePools.Create(request) : await client.SpotNodePools.CreateAsync(request)).Name);
                break;
            case 5 when ledger.LivePool() is { } pool:
                var update = new UpdateSpotNodePoolRequest { Desired = 3 };
                _ = sync ? client.SpotNodePools.Update(pool, update) : await client.SpotNodePools.UpdateAsync(pool, update);
                break;
            case 6 when ledger.LivePool() is { } pool:
                if (sync)
                {
                    client.SpotNodePools.Delete(pool);
                }
                else
                {
                    await client.SpotNodePools.DeleteAsync(pool);
                }

                ledger.DeletedPools.Add(pool);
                break;
            case 7:
                var name = $"cs-{ledger.CreatedCloudSpaces.Count}";
                var created = new CreateCloudSpaceRequest { Name = name, Region = "us-central-dfw-1" };
                _ = sync ? client.CloudSpaces.Create(created) : await client.CloudSpaces.CreateAsync(created);
                ledger.CreatedCloudSpaces.Add(name);
                break;
            default:
                _ = sync ? client.CloudSpaces.Get(CloudSpace) : await client.CloudSpaces.GetAsync(CloudSpace);
                break;
        }
    }

    private static async Task CliCall(Lab lab, int kind, Ledger ledger)
    {
        string[] args = kind switch
        {
            0 or 1 => ["-o", "json", "nodepools", "spot", "create", "--cloudspace", CloudSpace, "--server-class", ServerClass, "--bid-price", Bid, "--desired", "1"],
            2 => ["-o", "json", "cloudspaces", "list"],
            _ => ["-o", "json", "nodepools", "spot", "list", "--cloudspace", CloudSpace],
        };
        var run = await lab.RunAsync(args);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException(run.ToString());
        }

        if (kind is 0 or 1)
        {
            ledger.CreatedPools.Add(JObject.Parse(run.Out).Value<string>("name")!);
        }
    }

    /// <summary>What the calls did, as the caller saw it.</summary>
    private sealed class Ledger
    {
        public List<string> CreatedPools { get; } = [];

        public List<string> DeletedPools { get; } = [];

        public List<string> CreatedCloudSpaces { get; } = [];

        public List<string> Failures { get; } = [];

        public int Calls { get; private set; }

        public string? LivePool() => CreatedPools.Except(DeletedPools).FirstOrDefault();

        public async Task Attempt(string name, Func<Task> call)
        {
            Calls++;
            try
            {
                await call();
            }
            catch (Exception e) when (e is SpotException or InvalidOperationException)
            {
                Failures.Add($"{name}: {e.Message}");
            }
        }
    }
}
