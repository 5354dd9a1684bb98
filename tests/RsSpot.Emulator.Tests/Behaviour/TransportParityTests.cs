using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;
using RsSpot.Emulator.Tests.Support;

namespace RsSpot.Emulator.Tests.Behaviour;

/// <summary>The same scenario through <see cref="SpotEmulator.CreateHandler"/> and over loopback HTTP gives the same answers.</summary>
public sealed partial class TransportParityTests
{
    [Test]
    public async Task A_full_scenario_answers_identically_in_process_and_over_http()
    {
        var inProcess = await RunScenarioAsync(Transport.InProcess);
        var overHttp = await RunScenarioAsync(Transport.Http);

        Assert.That(overHttp, Has.Count.EqualTo(inProcess.Count));
        for (var i = 0; i < inProcess.Count; i++)
        {
            Assert.That(overHttp[i], Is.EqualTo(inProcess[i]), $"step {i}");
        }
    }

    private static async Task<List<string>> RunScenarioAsync(Transport transport)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        await using var host = await EmulatorHost.StartAsync(transport, new SpotEmulatorOptions { Clock = clock, ProvisioningDelay = TimeSpan.FromMinutes(2) });
        var client = host.Client;
        var steps = new List<ApiResult>();
        await client.LoginAsync();
        steps.Add(await client.GetAsync("apis/auth.ngpc.rxt.io/v1/organizations"));
        steps.Add(await client.GetAsync("apis/ngpc.rxt.io/v1/serverclasses/gp.vs1.medium-dfw"));
        steps.Add(await client.CreateCloudspaceAsync("demo"));
        steps.Add(await client.CreateCloudspaceAsync("demo"));
        steps.Add(await client.CreateSpotPoolAsync(Scenario.SpotPool, "demo", bid: "0.001"));
        steps.Add(await client.CreateSpotPoolAsync(Scenario.SpotPool, "demo"));
        clock.Advance(TimeSpan.FromMinutes(2));
        steps.Add(await client.GetAsync(SpotTestClient.Cloudspaces + "/demo"));
        steps.Add(await client.SendAsync(HttpMethod.Patch, SpotTestClient.SpotPools + "/" + Scenario.SpotPool, new { spec = new { desired = 4 } }, "application/merge-patch+json"));
        steps.Add(await client.SendAsync(HttpMethod.Patch, SpotTestClient.SpotPools + "/" + Scenario.SpotPool, new { spec = new { desired = 4 } }));
        steps.Add(await client.GetAsync(SpotTestClient.SpotPools + "?labelSelector=ngpc.rxt.io%2Fcloudspace%3Ddemo"));
        steps.Add(await client.GetAsync("history/gp.vs1.medium-dfw"));
        steps.Add(await client.GetAsync("apis/metrics.ngpc.rxt.io/v1/events/organizations?limits=5"));
        steps.Add(await client.SendAsync(HttpMethod.Delete, SpotTestClient.Cloudspaces + "/demo"));
        steps.Add(await client.GetAsync(SpotTestClient.Cloudspaces + "/nope"));
        return [.. steps.Select(s => $"{s.Status} {Normalise(s.Text)}")];
    }

    /// <summary>Only the random uids differ between two runs; everything else is driven by the shared fake clock.</summary>
    private static string Normalise(string text) => Uid().Replace(JToken.Parse(text).ToString(), "<uid>");

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|hcp-[0-9a-f]{8}")]
    private static partial Regex Uid();
}
