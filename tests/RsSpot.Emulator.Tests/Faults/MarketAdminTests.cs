using Newtonsoft.Json.Linq;
using RsSpot.Emulator.Tests.Support;

namespace RsSpot.Emulator.Tests.Faults;

/// <summary>
/// The market under test control (/_emulator/market-prices, /_emulator/preemptions), in-process and over HTTP: a price
/// moved across a pool's bid, servers pre-empted from a pool, both given back.
/// </summary>
[TestFixture(Transport.InProcess)]
[TestFixture(Transport.Http)]
public sealed class MarketAdminTests(Transport transport) : TransportFixture(transport)
{
    private const string ServerClass = "gp.vs1.medium-dfw";

    [Test]
    public async Task A_market_price_set_above_a_bid_is_served_everywhere_and_the_pool_loses_its_servers()
    {
        await ReadyPoolAsync(bid: "0.050");

        var set = await Client.AdminAsync(HttpMethod.Post, "market-prices", $$"""{"serverClass": "{{ServerClass}}", "price": "0.080"}""");
        var serverClass = (await Client.GetAsync($"apis/ngpc.rxt.io/v1/serverclasses/{ServerClass}")).Json;
        var pool = (await Client.GetAsync($"{SpotTestClient.SpotPools}/{Scenario.SpotPool}")).Json["status"]!;
        var servers = (JObject)(await Client.GetAsync($"{SpotTestClient.Cloudspaces}/market")).Json["status"]!["assignedServers"]!;
        var listed = (await Client.AdminAsync(HttpMethod.Get, "market-prices")).Json;
        var cleared = await Client.AdminAsync(HttpMethod.Delete, "market-prices");
        var after = (await Client.GetAsync($"{SpotTestClient.SpotPools}/{Scenario.SpotPool}")).Json["status"]!;

        Assert.Multiple(() =>
        {
            Assert.That(set.Status, Is.EqualTo(200), set.Text);
            Assert.That(serverClass["status"]!["spotPricing"]!.Value<string>("marketPricePerHour"), Is.EqualTo("0.080000"));
            Assert.That((pool.Value<string>("bidStatus"), pool.Value<int>("wonCount")), Is.EqualTo(("Pending", 0)));
            Assert.That(servers.Count, Is.Zero);
            Assert.That(listed.Value<string>(ServerClass), Is.EqualTo("0.080000"));
            Assert.That(cleared.Status, Is.EqualTo(204));
            Assert.That((after.Value<string>("bidStatus"), after.Value<int>("wonCount")), Is.EqualTo(("Fulfilled", 2)));
        });
    }

    [Test]
    public async Task A_pre_empted_server_leaves_the_pool_and_the_cloudspace_with_an_organization_event()
    {
        await ReadyPoolAsync(bid: "0.500");
        var before = (JObject)(await Client.GetAsync($"{SpotTestClient.Cloudspaces}/market")).Json["status"]!["assignedServers"]!;

        var preempted = await Client.AdminAsync(HttpMethod.Post, "preemptions", $$"""{"pool": "{{Scenario.SpotPool}}"}""");
        var pool = (await Client.GetAsync($"{SpotTestClient.SpotPools}/{Scenario.SpotPool}")).Json["status"]!;
        var after = (JObject)(await Client.GetAsync($"{SpotTestClient.Cloudspaces}/market")).Json["status"]!["assignedServers"]!;
        var events = (await Client.GetAsync("apis/metrics.ngpc.rxt.io/v1/events/organizations?limits=50")).Text;
        var restored = await Client.AdminAsync(HttpMethod.Delete, "preemptions");
        var whole = (await Client.GetAsync($"{SpotTestClient.SpotPools}/{Scenario.SpotPool}")).Json["status"]!;

        var taken = preempted.Json["servers"]!.Values<string>().Single()!;
        Assert.Multiple(() =>
        {
            Assert.That(preempted.Status, Is.EqualTo(201), preempted.Text);
            Assert.That(before.Properties().Select(p => p.Name), Does.Contain(taken));
            Assert.That(after.Properties().Select(p => p.Name), Is.EquivalentTo(before.Properties().Select(p => p.Name).Where(n => n != taken)));
            Assert.That((pool.Value<string>("bidStatus"), pool.Value<int>("wonCount")), Is.EqualTo(("Partial", 1)));
            Assert.That(events, Does.Contain($"Server {taken} of SpotNodePool {Scenario.SpotPool} was pre-empted"));
            Assert.That(restored.Status, Is.EqualTo(204));
            Assert.That((whole.Value<string>("bidStatus"), whole.Value<int>("wonCount")), Is.EqualTo(("Fulfilled", 2)));
        });
    }

    [TestCase("market-prices", """{"serverClass": "no.such.class"}""", "invalid market price: no server class 'no.such.class'")]
    [TestCase("market-prices", """{"serverClass": "gp.vs1.medium-dfw", "price": 0}""", "invalid market price: a market price must be greater than 0")]
    [TestCase("market-prices", """{"serverClass": "gp.vs1.medium-dfw", "price": "cheap"}""", "invalid market price: price must be a number")]
    [TestCase("preemptions", """{"pool": "missing"}""", "invalid pre-emption: no spot pool 'missing'")]
    [TestCase("preemptions", """{"count": 1}""", "invalid pre-emption: pool: Required value")]
    public async Task An_invalid_request_is_a_400_saying_why(string endpoint, string body, string message)
    {
        var result = await Client.AdminAsync(HttpMethod.Post, endpoint, body);

        Assert.That(result.Status, Is.EqualTo(400), result.Text);
        Assert.That(result.Message, Does.Contain(message));
    }

    private async Task ReadyPoolAsync(string bid)
    {
        await Client.LoginAsync();
        Assert.That((await Client.CreateCloudspaceAsync("market")).Status, Is.EqualTo(201));
        Assert.That((await Client.CreateSpotPoolAsync(Scenario.SpotPool, "market", ServerClass, bid)).Status, Is.EqualTo(201));
    }
}
