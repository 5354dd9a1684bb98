using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;
using RsSpot.Emulator.Tests.Support;

namespace RsSpot.Emulator.Tests.Behaviour;

/// <summary>Cloudspace and token lifecycles driven by a fake clock (no sleeping).</summary>
public sealed class LifecycleTests
{
    private static readonly TimeSpan Provisioning = TimeSpan.FromMinutes(5);
    private FakeTimeProvider _clock = null!;
    private EmulatorHost _host = null!;

    private SpotTestClient Client => _host.Client;

    [SetUp]
    public async Task StartAsync()
    {
        _clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
        _host = await EmulatorHost.StartAsync(Transport.InProcess, new SpotEmulatorOptions
        {
            Clock = _clock,
            ProvisioningDelay = Provisioning,
            DeletionDelay = TimeSpan.FromMinutes(1),
            IdTokenLifetime = TimeSpan.FromHours(1),
        });
        await Client.LoginAsync();
    }

    [TearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    [Test]
    public async Task A_new_cloudspace_provisions_then_turns_ready_with_an_endpoint_after_the_delay()
    {
        var created = (await Client.CreateCloudspaceAsync("demo")).Json;
        Assert.That(created["status"]!.Value<string>("phase"), Is.EqualTo("Provisioning"));
        Assert.That(created["status"]!.Value<string>("APIServerEndpoint"), Is.Empty);
        Assert.That(created["metadata"]!.Value<string>("creationTimestamp"), Is.EqualTo("2026-03-01T12:00:00Z"));

        _clock.Advance(Provisioning - TimeSpan.FromSeconds(1));
        Assert.That((await Client.GetAsync(SpotTestClient.Cloudspaces + "/demo")).Json["status"]!.Value<string>("phase"), Is.EqualTo("Provisioning"));

        _clock.Advance(TimeSpan.FromSeconds(1));
        var ready = (await Client.GetAsync(SpotTestClient.Cloudspaces + "/demo")).Json;
        Assert.Multiple(() =>
        {
            Assert.That(ready["status"]!.Value<string>("phase"), Is.EqualTo("Ready"));
            Assert.That(ready["status"]!.Value<string>("APIServerEndpoint"), Does.StartWith("hcp-" + created["metadata"]!.Value<string>("uid")![..8]));
            Assert.That(ready["status"]!.Value<string>("firstReadyTimestamp"), Is.EqualTo("2026-03-01T12:05:00Z"));
            Assert.That(long.Parse(ready["metadata"]!.Value<string>("resourceVersion")!, System.Globalization.CultureInfo.InvariantCulture),
                Is.GreaterThan(long.Parse(created["metadata"]!.Value<string>("resourceVersion")!, System.Globalization.CultureInfo.InvariantCulture)));
        });
    }

    [Test]
    public async Task Deleting_a_cloudspace_shows_phase_deleting_then_removes_it_and_its_pools()
    {
        await Client.CreateCloudspaceAsync("demo");
        _clock.Advance(Provisioning);
        Assert.That((await Client.CreateSpotPoolAsync(Scenario.SpotPool, "demo")).Status, Is.EqualTo(201));

        var deleted = await Client.SendAsync(HttpMethod.Delete, SpotTestClient.Cloudspaces + "/demo");
        Assert.That(deleted.Status, Is.EqualTo(200));
        Assert.That(deleted.Json.Value<string>("status"), Is.EqualTo("Success"));
        var deleting = (await Client.GetAsync(SpotTestClient.Cloudspaces + "/demo")).Json;
        Assert.That(deleting["status"]!.Value<string>("phase"), Is.EqualTo("Deleting"));
        Assert.That(deleting["metadata"]!.Value<string>("deletionTimestamp"), Is.EqualTo("2026-03-01T12:05:00Z"));

        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.That((await Client.GetAsync(SpotTestClient.Cloudspaces + "/demo")).Status, Is.EqualTo(404));
        Assert.That((await Client.GetAsync(SpotTestClient.SpotPools)).Json["items"], Is.Empty);
    }

    [Test]
    public async Task A_cloudspace_lists_its_pools_and_their_won_servers_once_ready()
    {
        await Client.CreateCloudspaceAsync("demo");
        _clock.Advance(Provisioning);
        await Client.CreateSpotPoolAsync(Scenario.SpotPool, "demo", bid: "0.500");
        await Client.SendAsync(HttpMethod.Post, SpotTestClient.OnDemandPools, Scenario.OnDemandPoolBody(Scenario.OnDemandPool, "demo"));

        var cloudspace = (await Client.GetAsync(SpotTestClient.Cloudspaces + "/demo")).Json;

        Assert.Multiple(() =>
        {
            Assert.That(cloudspace["spec"]!["bidRequests"]!.Values<string>(), Is.EqualTo(new[] { Scenario.SpotPool }));
            Assert.That(cloudspace["spec"]!["onDemandRequests"]!.Values<string>(), Is.EqualTo(new[] { Scenario.OnDemandPool }));
            Assert.That(cloudspace["status"]!["bids"]![Scenario.SpotPool]!.Value<int>("wonCount"), Is.EqualTo(2));
            Assert.That(((JObject)cloudspace["status"]!["assignedServers"]!).Count, Is.EqualTo(3));
        });
    }

    [Test]
    public async Task A_spot_pool_is_fulfilled_only_while_its_bid_covers_the_market_price()
    {
        await Client.CreateCloudspaceAsync("demo");
        var serverClass = await FindClassWithMarketAboveMinimumAsync();
        var minimum = serverClass["spec"]!.Value<string>("minBidPricePerHour")!;
        var lowBid = decimal.Parse(minimum, System.Globalization.CultureInfo.InvariantCulture).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);

        var low = (await Client.CreateSpotPoolAsync(Scenario.SpotPool, "demo", serverClass["metadata"]!.Value<string>("name")!, lowBid)).Json;
        var high = (await Client.CreateSpotPoolAsync("6e5d4c3b-2a19-4f8e-9d7c-6b5a49382716", "demo", serverClass["metadata"]!.Value<string>("name")!, "9.000")).Json;

        Assert.Multiple(() =>
        {
            Assert.That(low["status"]!.Value<string>("bidStatus"), Is.EqualTo("Pending"));
            Assert.That(low["status"]!.Value<int>("wonCount"), Is.Zero);
            Assert.That(high["status"]!.Value<string>("bidStatus"), Is.EqualTo("Fulfilled"));
            Assert.That(high["status"]!.Value<int>("wonCount"), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task An_id_token_is_rejected_once_its_lifetime_has_passed_and_a_new_one_works()
    {
        Assert.That((await Client.GetAsync(SpotTestClient.Cloudspaces)).Status, Is.EqualTo(200));

        _clock.Advance(TimeSpan.FromHours(1));
        var expired = await Client.GetAsync(SpotTestClient.Cloudspaces);
        Assert.That(expired.Status, Is.EqualTo(401));
        Assert.That(expired.Message, Is.EqualTo("Unauthorized"));

        await Client.LoginAsync();
        Assert.That((await Client.GetAsync(SpotTestClient.Cloudspaces)).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task The_token_response_announces_the_configured_lifetime_in_expires_in_and_exp()
    {
        var token = (await Client.TokenAsync()).Json;
        var claims = JwtClaims(token.Value<string>("id_token")!);

        Assert.Multiple(() =>
        {
            Assert.That(token.Value<int>("expires_in"), Is.EqualTo(3600));
            Assert.That(token.Value<string>("token_type"), Is.EqualTo("Bearer"));
            Assert.That(claims.Value<long>("exp") - claims.Value<long>("iat"), Is.EqualTo(3600));
            Assert.That(claims.Value<string>("org_id"), Is.EqualTo(SpotEmulator.DefaultOrganizationId));
            Assert.That(claims.Value<string>("aud"), Is.EqualTo(SpotTestClient.ClientId));
        });
    }

    [Test]
    public async Task A_kubeconfig_is_only_generated_for_a_ready_cloudspace()
    {
        await Client.CreateCloudspaceAsync("demo");
        Assert.That((await KubeconfigAsync()).Status, Is.EqualTo(404));

        _clock.Advance(Provisioning);
        var ready = await KubeconfigAsync();
        var endpoint = (await Client.GetAsync(SpotTestClient.Cloudspaces + "/demo")).Json["status"]!.Value<string>("APIServerEndpoint");

        Assert.That(ready.Status, Is.EqualTo(200));
        var kubeconfig = ready.Json["data"]!.Value<string>("kubeconfig")!;
        Assert.That(kubeconfig, Does.Contain($"server: https://{endpoint}/"));
        Assert.That(kubeconfig, Does.Contain("current-context: acme-corp-demo"));
    }

    [Test]
    public async Task Creating_and_deleting_records_organization_events_newest_first()
    {
        await Client.CreateCloudspaceAsync("demo");
        _clock.Advance(Provisioning);
        await Client.SendAsync(HttpMethod.Delete, SpotTestClient.Cloudspaces + "/demo");

        var events = (await Client.GetAsync("apis/metrics.ngpc.rxt.io/v1/events/organizations?limits=2")).Json;

        Assert.That(events.Value<string>("org_id"), Is.EqualTo(SpotEmulator.DefaultOrganizationId));
        Assert.That(events["events"]!.Select(e => e[1]!.Value<string>()), Is.EqualTo(new[] { "CloudSpace demo deleted", "CloudSpace demo is Ready" }));
    }

    private Task<ApiResult> KubeconfigAsync() => Client.SendAsync(HttpMethod.Post, "apis/auth.ngpc.rxt.io/v1/generate-kubeconfig",
        new JObject { ["organization_name"] = "acme-corp", ["cloudspace_name"] = "demo", ["refresh_token"] = SpotEmulator.SandboxRefreshToken });

    private async Task<JToken> FindClassWithMarketAboveMinimumAsync()
    {
        var classes = (await Client.GetAsync("apis/ngpc.rxt.io/v1/serverclasses")).Json["items"]!;
        return classes.First(c => c["spec"]!.Value<string>("region") == "us-central-dfw-1" &&
            Price(c["status"]!["spotPricing"]!.Value<string>("marketPricePerHour")) > Price(c["spec"]!.Value<string>("minBidPricePerHour")) + 0.001m);
    }

    private static decimal Price(string? text) => decimal.Parse(text!, System.Globalization.CultureInfo.InvariantCulture);

    internal static JObject JwtClaims(string jwt)
    {
        var payload = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        return JObject.Parse(System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(payload)));
    }
}
