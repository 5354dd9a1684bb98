using System.Net;
using Newtonsoft.Json.Linq;
using RsSpot.Operations;
using RsSpot.Pricing;
using RsSpot.Tests.Support;

namespace RsSpot.Tests.Pricing;

/// <summary>The pricing explorer, planner and plan deployment through the client, over the sample catalogue.</summary>
public class PricingOperationsTests(bool isAsync) : ClientTestBase(isAsync)
{
    private const string Ns = "/apis/ngpc.rxt.io/v1/namespaces/org-xy3kq9lmn2pr7stu";
    private const string ServerClasses = "/apis/ngpc.rxt.io/v1/serverclasses";

    // Two nodes of gp.vs1 in Dallas under $0.003/hr: only gp.vs1.medium-dfw ($0.001) fits, for every strategy.
    private static readonly PlanRequest SmallDallasPlan = new()
    {
        Nodes = 2,
        Risk = PlanRisk.Low,
        Classes = ["gp"],
        Regions = ["us-central-dfw-1"],
        Generation = 1,
        MaxHourly = 0.003m,
    };

    [SetUp]
    public void ServeCatalogue() => Api.Sample(HttpMethod.Get, ServerClasses, "serverclasses.json");

    [Test]
    public async Task Query_prices_the_available_classes_for_N_nodes_cheapest_first()
    {
        var query = new PricingListQuery { Classes = ["gp"], Nodes = 3 };

        var result = await Call(() => Client.Pricing.QueryAsync(query, default));

        Assert.Multiple(() =>
        {
            Assert.That(result.Select(i => i.Nodes), Is.All.EqualTo(3));
            Assert.That(result.Select(i => i.Row.Name), Is.EqualTo(new[] { "gp.vs1.medium-dfw", "gp.vs1.large-dfw", "gp.vs2.medium-sjc" }));
            Assert.That(result.Select(i => i.HourlyForNodes), Is.EqualTo(result.Select(i => i.HourlyPerNode * 3)));
            Assert.That(result[0].Row.OnDemandHourly, Is.EqualTo(0.023m), "on-demand prices come through the mapping");
            Assert.That(result[0].Row.MinBid, Is.EqualTo(0.001m));
        });
    }

    [Test]
    public async Task Query_includes_unavailable_classes_only_when_asked()
    {
        var dallas = new PricingListQuery { Regions = ["US-CENTRAL-DFW-1"] };
        var withUnavailable = dallas with { IncludeUnavailable = true };

        var available = await Call(() => Client.Pricing.QueryAsync(dallas, default));
        var all = await Call(() => Client.Pricing.QueryAsync(withUnavailable, default));

        Assert.That(available.Select(i => i.Row.Name), Has.None.EqualTo("gp.bm2.medium-dfw").And.Exactly(4).Items);
        Assert.That(all.Select(i => i.Row.Name), Has.One.EqualTo("gp.bm2.medium-dfw").And.Exactly(5).Items);
    }

    [Test]
    public async Task Plan_bids_follow_the_risk_percentile_from_the_feed()
    {
        Api.Sample(HttpMethod.Get, "/percentiles.json", "percentiles.json");

        var plan = await Call(() => Client.Pricing.PlanAsync(SmallDallasPlan, true, default));

        Assert.Multiple(() =>
        {
            Assert.That(plan.Scenarios.Select(s => s.Name), Is.EqualTo(new[] { "max_performance", "max_value", "balanced" }));
            Assert.That(plan.Scenarios.SelectMany(s => s.Pools).Select(p => p.ServerClassName), Has.All.EqualTo("gp.vs1.medium-dfw"));
            Assert.That(plan.Scenarios.SelectMany(s => s.Pools).Select(p => p.SuggestedBidText), Has.All.EqualTo("0.021"), "p80 of the feed at low risk");
            Assert.That(plan.Assumptions.BidBasis, Is.EqualTo(PlanAssumptions.PercentilesBidBasis));
            Assert.That(plan.Assumptions.BidBasisNote, Is.Null);
        });
    }

    [Test]
    public async Task A_failing_percentiles_feed_falls_back_to_the_multiplier_and_says_so()
    {
        Api.Sequence(HttpMethod.Get, "/percentiles.json", () => FakeSpotApi.Respond(HttpStatusCode.Forbidden, "<Error>AccessDenied</Error>"));

        var plan = await Call(() => Client.Pricing.PlanAsync(SmallDallasPlan, true, default));

        Assert.Multiple(() =>
        {
            Assert.That(plan.Scenarios, Has.Count.EqualTo(3));
            // market 0.001 x 1.35 = 0.00135, rounded up to 3 places.
            Assert.That(plan.Scenarios.SelectMany(s => s.Pools).Select(p => p.SuggestedBidText), Has.All.EqualTo("0.002"));
            Assert.That(plan.Assumptions.BidBasis, Is.EqualTo(PlanAssumptions.MultiplierBidBasis));
            Assert.That(plan.Assumptions.BidBasisNote, Does.StartWith("percentiles feed unavailable").And.Contain("multiplier"));
        });
    }

    [Test]
    public async Task A_plan_without_percentiles_does_not_call_the_feed()
    {
        var plan = await Call(() => Client.Pricing.PlanAsync(SmallDallasPlan, false, default));

        Assert.That(plan.Assumptions.BidBasis, Is.EqualTo(PlanAssumptions.MultiplierBidBasis));
        Assert.That(plan.Assumptions.BidBasisNote, Is.Null);
        Assert.That(Api.ApiRequests.Select(r => r.Uri.AbsolutePath), Has.None.EqualTo("/percentiles.json"));
    }

    [Test]
    public async Task Apply_creates_one_labelled_pool_per_plan_pool_with_its_bid_and_nodes()
    {
        ServeClass("gp.vs1.medium-dfw");
        ServeClass("gp.vs1.large-dfw");
        Api.Sample(HttpMethod.Get, $"{Ns}/cloudspaces/demo-dfw", "cloudspace.json");
        Api.Sample(HttpMethod.Post, $"{Ns}/spotnodepools", "spotnodepool.json");
        var spread = SmallDallasPlan with { Nodes = 3, MaxHourly = null, Balanced = true };
        var plan = await Call(() => Client.Pricing.PlanAsync(spread, false, default));
        var balanced = plan.Scenarios.Single(s => s.Strategy == PlanStrategy.Balanced);

        var created = await Call(() => Client.Pricing.ApplyPlanAsync(balanced, "demo-dfw", null, false, default));

        var bodies = Api.ApiRequests.Where(r => r.Method == HttpMethod.Post).Select(r => JObject.Parse(r.Body!)["spec"]!).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(balanced.Pools, Has.Count.EqualTo(2), "low risk spreads 3 nodes over both Dallas gp.vs1 classes");
            Assert.That(created, Has.Count.EqualTo(2));
            Assert.That(bodies.Select(b => (string)b["serverClass"]!), Is.EqualTo(balanced.Pools.Select(p => p.ServerClassName)));
            Assert.That(bodies.Select(b => (int)b["desired"]!), Is.EqualTo(balanced.Pools.Select(p => p.Nodes)));
            Assert.That(bodies.Sum(b => (int)b["desired"]!), Is.EqualTo(3));
            Assert.That(bodies.Select(b => (string)b["bidPrice"]!), Is.EqualTo(balanced.Pools.Select(p => p.SuggestedBidText)));
            Assert.That(bodies.Select(b => (string)b["cloudSpace"]!), Has.All.EqualTo("demo-dfw"));
            Assert.That(bodies.Select(b => (string)b["customLabels"]![PricingOperations.PlanStrategyLabel]!), Has.All.EqualTo("balanced"));
        });
    }

    [Test]
    public void Apply_refuses_a_plan_that_spans_regions_before_calling_the_api()
    {
        var scenario = Scenario(Pool("gp.vs1.medium-dfw", "us-central-dfw-1"), Pool("gp.vs2.medium-sjc", "us-west-sjc-1"));

        var error = Assert.ThrowsAsync<SpotValidationException>(() => Call(() => Client.Pricing.ApplyPlanAsync(scenario, "demo-dfw", null, false, default)));

        Assert.That(error!.Message, Does.Contain("spans regions us-central-dfw-1, us-west-sjc-1"));
        Assert.That(Api.ApiRequests, Is.Empty);
    }

    [Test]
    public void Apply_refuses_a_cloudspace_in_another_region_and_creates_nothing()
    {
        Api.Sample(HttpMethod.Get, $"{Ns}/cloudspaces/demo-dfw", "cloudspace.json");
        var scenario = Scenario(Pool("gp.vs2.medium-sjc", "us-west-sjc-1"));

        var error = Assert.ThrowsAsync<SpotValidationException>(() => Call(() => Client.Pricing.ApplyPlanAsync(scenario, "demo-dfw", null, false, default)));

        Assert.That(error!.Message, Does.Contain("demo-dfw is in region us-central-dfw-1").And.Contain("us-west-sjc-1"));
        Assert.That(Api.ApiRequests.Where(r => r.Method == HttpMethod.Post), Is.Empty);
    }

    [Test]
    public void Apply_refuses_an_empty_plan()
    {
        var error = Assert.ThrowsAsync<SpotValidationException>(() => Call(() => Client.Pricing.ApplyPlanAsync(Scenario(), "demo-dfw", null, false, default)));

        Assert.That(error!.Message, Does.Contain("no pools"));
    }

    private void ServeClass(string name)
    {
        var item = JObject.Parse(SampleData.Read("serverclasses.json"))["items"]!.Single(i => (string)i["metadata"]!["name"]! == name);
        Api.Sequence(HttpMethod.Get, $"{ServerClasses}/{name}", (HttpStatusCode.OK, item.ToString()));
    }

    private static PlanScenario Scenario(params PlanPool[] pools) => new()
    {
        Strategy = PlanStrategy.Balanced,
        Score = 1m,
        Pools = pools,
        TotalHourly = pools.Sum(p => p.HourlyTotal),
        TotalMonthly = pools.Sum(p => p.MonthlyTotal),
        TotalCpu = pools.Sum(p => p.CpuPerNode * p.Nodes),
        TotalMemoryGb = pools.Sum(p => p.MemoryGbPerNode * p.Nodes),
        TotalCapacity = pools.Sum(p => p.CapacityPerNode * p.Nodes),
    };

    private static PlanPool Pool(string serverClass, string region) => new()
    {
        ServerClassName = serverClass,
        ClassPrefix = PricingRow.ClassPrefixOf(serverClass),
        Region = region,
        Generation = 1,
        Nodes = 1,
        CpuPerNode = 2m,
        MemoryGbPerNode = 4m,
        HourlyPerNode = 0.01m,
        MonthlyPerNode = 7.3m,
        HourlyTotal = 0.01m,
        MonthlyTotal = 7.3m,
        SuggestedBid = 0.012m,
        SuggestedBidText = "0.012",
        CapacityPerNode = 6m,
        ValuePerNode = 600m,
    };
}
