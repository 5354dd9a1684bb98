using RsSpot.Emulator.Tests.Support;

namespace RsSpot.Emulator.Tests.Faults;

/// <summary>Probabilistic faults for chaos runs: seeded, so a run replays exactly; each rule owns its share of requests.</summary>
[TestFixture(Transport.InProcess)]
[TestFixture(Transport.Http)]
public sealed class ChaosTests(Transport transport) : TransportFixture(transport)
{
    private const int Requests = 400;
    private const string Cloudspaces = "POST /apis/ngpc.rxt.io/v1/namespaces/*/cloudspaces";
    [Test]
    public async Task A_seeded_chaos_run_hits_each_rule_about_its_share_and_replays_identically()
    {
        AddChaosRules();

        var first = await RunAsync(seed: 1234);
        var counts = Host.Emulator.Journal.Where(e => e.Fault is not null).GroupBy(e => e.Fault!.Name!).ToDictionary(g => g.Key, g => g.Count());
        var replay = await RunAsync(seed: 1234);
        var other = await RunAsync(seed: 4321);

        TestContext.Out.WriteLine(string.Join(", ", counts.OrderBy(c => c.Key).Select(c => $"{c.Key}={c.Value}")));
        Assert.Multiple(() =>
        {
            // Binomial spreads, about three standard deviations wide; the seed makes the outcome fixed anyway.
            Assert.That(counts.GetValueOrDefault("503-applied"), Is.InRange(22, 58));
            Assert.That(counts.GetValueOrDefault("503"), Is.InRange(22, 58));
            Assert.That(counts.GetValueOrDefault("429"), Is.InRange(7, 33));
            Assert.That(counts.GetValueOrDefault("reset"), Is.InRange(7, 33));
            Assert.That(counts.GetValueOrDefault("slow"), Is.InRange(7, 33));
            Assert.That(replay, Is.EqualTo(first));
            Assert.That(other, Is.Not.EqualTo(first));
        });
    }

    [Test]
    public async Task Applied_then_failed_creations_are_countable_from_the_journal()
    {
        Host.Emulator.Faults.Reseed(7);
        Host.Emulator.Faults.Add(new FaultRule { Name = "lost-reply", Route = Cloudspaces, Probability = 0.5, StatusCode = 503, ApplyThenFail = true });

        var statuses = new List<int>();
        for (var i = 0; i < 40; i++)
        {
            statuses.Add((await Client.CreateCloudspaceAsync($"chaos-{i}")).Status);
        }

        var applied = Host.Emulator.Journal.Count(e => e.Fault?.Name == "lost-reply" && e.ProcessedStatusCode == 201);
        var listed = (await Client.GetAsync(SpotTestClient.Cloudspaces)).Json["items"]!.Count();
        Assert.That(statuses.Count(s => s == 503), Is.EqualTo(applied).And.InRange(8, 32));
        Assert.That(listed, Is.EqualTo(40), "every creation was applied, whatever its reply said");
    }

    [Test]
    public async Task Probabilistic_rules_share_the_unit_interval_so_shares_summing_to_one_leave_no_request_unfaulted()
    {
        Host.Emulator.Faults.Add(new FaultRule { Name = "a", Probability = 0.5, StatusCode = 500 });
        Host.Emulator.Faults.Add(new FaultRule { Name = "b", Probability = 0.5, StatusCode = 502 });
        Host.Emulator.Faults.Add(new FaultRule { Name = "never", StatusCode = 418 });

        var statuses = new List<int>();
        for (var i = 0; i < 100; i++)
        {
            statuses.Add((await Client.GetAsync("apis/ngpc.rxt.io/v1/regions")).Status);
        }

        Assert.That(statuses.Distinct().Order(), Is.EqualTo(new[] { 500, 502 }));
    }

    private void AddChaosRules()
    {
        var faults = Host.Emulator.Faults;
        faults.Add(new FaultRule { Name = "503-applied", Probability = 0.10, StatusCode = 503, ApplyThenFail = true });
        faults.Add(new FaultRule { Name = "503", Probability = 0.10, StatusCode = 503 });
        faults.Add(new FaultRule { Name = "429", Probability = 0.05, StatusCode = 429, RetryAfterSeconds = 1 });
        faults.Add(new FaultRule { Name = "reset", Probability = 0.05, ResetConnection = true, PartialBodyBytes = 3 });
        faults.Add(new FaultRule { Name = "slow", Probability = 0.05, Latency = TimeSpan.FromMilliseconds(1) });
    }

    /// <summary>Sends the same requests one after another from a fresh journal; returns what each one met.</summary>
    private async Task<List<string>> RunAsync(int seed)
    {
        Host.Emulator.ClearJournal();
        Host.Emulator.Faults.Reseed(seed);
        var outcomes = new List<string>();
        for (var i = 0; i < Requests; i++)
        {
            try
            {
                var result = await Client.GetAsync("apis/ngpc.rxt.io/v1/regions");
                outcomes.Add($"{result.Status} {result.Headers.GetValueOrDefault("Retry-After")}");
            }
            catch (HttpRequestException)
            {
                outcomes.Add("reset");
            }
        }

        return outcomes;
    }
}
