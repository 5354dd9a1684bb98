using System.Globalization;
using Newtonsoft.Json.Linq;
using RsSpot.Emulator.Tests.Support;

namespace RsSpot.Emulator.Tests.Behaviour;

/// <summary>The synthetic catalogue and the price feeds agree with each other and with spot-api.md's naming rules.</summary>
public sealed class CatalogTests
{
    private EmulatorHost _host = null!;

    private SpotTestClient Client => _host.Client;

    [SetUp]
    public async Task StartAsync()
    {
        _host = await EmulatorHost.StartAsync(Transport.InProcess);
        await Client.LoginAsync();
    }

    [TearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    [Test]
    public async Task Every_region_offers_gp_ch_and_mh_classes_of_its_generation()
    {
        var regions = (await Client.GetAsync("apis/ngpc.rxt.io/v1/regions")).Json["items"]!;
        var classes = (await Client.GetAsync("apis/ngpc.rxt.io/v1/serverclasses")).Json["items"]!;

        Assert.That(regions.Count(), Is.EqualTo(8));
        foreach (var region in regions)
        {
            var name = region["metadata"]!.Value<string>("name");
            var generation = region["spec"]!.Value<string>("generation") == "v2" ? "vs2" : "vs1";
            var inRegion = classes.Where(c => c["spec"]!.Value<string>("region") == name).Select(c => c["metadata"]!.Value<string>("name")!).ToList();
            foreach (var family in new[] { "gp", "ch", "mh" })
            {
                Assert.That(inRegion, Has.Some.StartsWith($"{family}.{generation}."), $"{family} in {name}");
            }
        }
    }

    [Test]
    public async Task Available_classes_have_a_min_bid_at_most_their_market_price_and_the_bare_metal_class_has_none()
    {
        var classes = (await Client.GetAsync("apis/ngpc.rxt.io/v1/serverclasses")).Json["items"]!;

        foreach (var serverClass in classes.Where(c => c["spec"]!.Value<string>("availability") == "available"))
        {
            Assert.That(Price(serverClass["status"]!["spotPricing"]!.Value<string>("marketPricePerHour")),
                Is.GreaterThanOrEqualTo(Price(serverClass["spec"]!.Value<string>("minBidPricePerHour"))));
        }

        var bareMetal = classes.Single(c => c["spec"]!.Value<string>("availability") == "unavailable");
        Assert.That(bareMetal["spec"]!.Value<string>("minBidPricePerHour"), Is.Empty);
        Assert.That(classes.Count(c => c["spec"]!.Value<string>("category") == "GPU"), Is.EqualTo(2));
    }

    [Test]
    public async Task History_percentiles_and_market_price_come_from_the_same_auctions()
    {
        var serverClass = (await Client.GetAsync("apis/ngpc.rxt.io/v1/serverclasses/gp.vs1.medium-dfw")).Json;
        var history = (await Client.GetAsync("history/gp.vs1.medium-dfw")).Json["history"]!.Select(p => p.Value<decimal>("hammer_price")).ToList();
        var percentiles = (await Client.GetAsync("percentiles.json")).Json["regions"]!["us-central-dfw-1"]!["serverclasses"]!["gp.vs1.medium-dfw"]!;

        Assert.That(history, Has.Count.EqualTo(288));
        Assert.That(Price(percentiles.Value<string>("market_price")), Is.EqualTo(history[^1]));
        Assert.That(Price(serverClass["status"]!["spotPricing"]!.Value<string>("marketPricePerHour")), Is.EqualTo(history[^1]));
        Assert.That(percentiles.Value<decimal>("50_percentile"), Is.InRange(history.Min(), history.Max()));
        Assert.That(percentiles.Value<decimal>("20_percentile"), Is.LessThanOrEqualTo(percentiles.Value<decimal>("80_percentile")));
    }

    [Test]
    public async Task An_unknown_class_has_no_history()
    {
        var result = await Client.GetAsync("history/zz.vs9.huge-nowhere");

        Assert.That(result.Status, Is.EqualTo(400));
    }

    [Test]
    public async Task Comparable_prices_carry_dollar_signs_unlike_the_api()
    {
        var comparable = (await Client.GetAsync("comparable_prices.json")).Json["regions"]!["uk-lon-1"]!["gp.vs1.large-lon"]!;

        Assert.That(comparable.Value<string>("hyperscaler_average_price"), Does.StartWith("$"));
        Assert.That(comparable["comparables"]!.Select(c => c.Value<string>("cloud")), Is.EqualTo(new[] { "aws", "gcp", "azure" }));
    }

    [Test]
    public async Task The_default_organization_has_a_vm_cloudspace_whose_pools_select_by_label()
    {
        var ns = $"apis/ngpc.rxt.io/v1/namespaces/{SpotTestClient.Namespace}";
        var vmCloudspace = (await Client.GetAsync(ns + "/vmcloudspaces/vm-lab")).Json;
        var pools = (await Client.GetAsync(ns + "/vmpools?labelSelector=ngpc.rxt.io%2Fvmcloudspace%3Dvm-lab")).Json["items"]!;

        var servers = ((JObject)vmCloudspace["status"]!["assignedServers"]!).Properties().Select(p => p.Value).ToList();
        Assert.That(servers, Has.Count.EqualTo(pools.Sum(p => p["spec"]!.Value<int>("desired"))));
        Assert.That(servers.Select(s => s.Value<string>("nodePoolName")).Distinct(), Is.EquivalentTo(pools.Select(p => p["metadata"]!.Value<string>("name"))));
    }

    private static decimal Price(string? text) => decimal.Parse(text!, CultureInfo.InvariantCulture);
}
