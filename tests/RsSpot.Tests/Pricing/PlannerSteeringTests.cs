using RsSpot.Models;
using RsSpot.Pricing;

namespace RsSpot.Tests.Pricing;

/// <summary>Where we deliberately differ from the reference (W7): budget steering, bid floors, one region, duplicates.</summary>
public class PlannerSteeringTests
{
    [Test]
    public void MaxHour_SteersEveryStrategyToItsBestAffordablePlan()
    {
        // The reference returns nothing for --max-hour 0.10 although gp.vs1 x5 costs $0.05/hr.
        var plan = PricingPlanner.Build(PricingSamples.SetA(), new PlanRequest { Nodes = 5, MaxHourly = 0.10m });

        Assert.Multiple(() =>
        {
            Assert.That(plan.Warning, Is.Null);
            Assert.That(plan.Scenario(PlanStrategy.MaxPerformance).Describe(), Is.EqualTo(new[] { "gp.vs2.medium-dfw2 x5" }), "most capacity within $0.10");
            Assert.That(plan.Scenario(PlanStrategy.MaxPerformance).TotalHourly, Is.EqualTo(0.10m), "bounds are inclusive");
            Assert.That(plan.Scenario(PlanStrategy.MaxValue).Describe(), Is.EqualTo(new[] { "gp.vs1.medium-dfw x5" }));
            Assert.That(plan.Scenario(PlanStrategy.MaxValue).TotalHourly, Is.EqualTo(0.05m));
            Assert.That(plan.Scenario(PlanStrategy.Balanced).Describe(), Is.EqualTo(new[] { "gp.vs1.medium-dfw x5" }));
        });
    }

    [Test]
    public void MinMonth_SteersTowardsDearerPlans()
    {
        var plan = PricingPlanner.Build(PricingSamples.SetA(), new PlanRequest { Nodes = 5, MinMonthly = 100m });

        Assert.That(plan.Scenarios, Has.Count.EqualTo(3));
        Assert.That(plan.Scenarios, Has.All.Matches<PlanScenario>(s => s.Describe().SequenceEqual(new[] { "ch.vs2.large-iad2 x5" }) && s.TotalMonthly == 109.5m));
    }

    [Test]
    public void BudgetWarning_NamesTheCheapestPlan()
    {
        var plan = PricingPlanner.Build(PricingSamples.SetA(), new PlanRequest { Nodes = 5, MaxHourly = 0.01m });

        Assert.That(plan.Scenarios, Is.Empty);
        Assert.That(plan.Warning, Does.Contain("$0.050000/hr").And.Contain("$36.50/mo"));
    }

    [Test]
    public void Balanced_StaysInOneRegionByDefault()
    {
        // Set A has one class per region: a deployable balanced plan is a single pool.
        var plan = PricingPlanner.Build(PricingSamples.SetA(), new PlanRequest { Nodes = 5, Risk = PlanRisk.Low, Balanced = true });

        Assert.That(plan.Scenario(PlanStrategy.Balanced).Describe(), Is.EqualTo(new[] { "mh.vs1.large-lon x5" }));
    }

    [Test]
    public void Balanced_PicksTheRegionWithTheBestSpread()
    {
        var rows = PricingRow.FromOffers(
        [
            PricingSamples.Offer("mh.vs1.xl-a", "region-a", "0.025", "4", "30"),
            PricingSamples.Offer("gp.vs1.m-a", "region-a", "0.030", "2", "4"),
            PricingSamples.Offer("mh.vs1.l-b", "region-b", "0.025", "4", "28"),
            PricingSamples.Offer("mh.vs1.m-b", "region-b", "0.025", "4", "26"),
            PricingSamples.Offer("mh.vs1.s-b", "region-b", "0.025", "4", "24"),
        ]);

        var balanced = PricingPlanner.Build(rows, new PlanRequest { Nodes = 6, Risk = PlanRisk.Low, Balanced = true }).Scenario(PlanStrategy.Balanced);

        Assert.Multiple(() =>
        {
            Assert.That(balanced.Pools.Select(pool => pool.Region).Distinct(), Is.EqualTo(new[] { "region-b" }));
            Assert.That(balanced.Describe(), Is.EqualTo(new[] { "mh.vs1.l-b x2", "mh.vs1.m-b x2", "mh.vs1.s-b x2" }));
        });
    }

    [Test]
    public void Balanced_UsesFewerPoolsWhenTheTargetCountCannotFitTheBudget()
    {
        var rows = PricingRow.FromOffers(
        [
            PricingSamples.Offer("mh.vs1.huge", "r", "1.00", "64", "512"),
            PricingSamples.Offer("gp.vs1.m", "r", "0.01", "2", "4"),
            PricingSamples.Offer("gp.vs1.l", "r", "0.02", "4", "8"),
        ]);

        var balanced = PricingPlanner.Build(rows, new PlanRequest { Nodes = 3, Risk = PlanRisk.Low, Balanced = true, MaxHourly = 0.5m })
            .Scenario(PlanStrategy.Balanced);

        Assert.That(balanced.Describe(), Is.EquivalentTo(new[] { "gp.vs1.l x2", "gp.vs1.m x1" }));
        Assert.That(balanced.TotalHourly, Is.LessThanOrEqualTo(0.5m));
    }

    [Test]
    public void Bid_IsNeverBelowTheMinimumBid()
    {
        var rows = PricingRow.FromOffers([PricingSamples.Offer("gp.vs1.m", "r", "0.001", "2", "4", minBid: "0.0042")]);

        var pool = PricingPlanner.Build(rows, new PlanRequest { Nodes = 1, Risk = PlanRisk.High }).Scenarios[0].Pools[0];

        Assert.Multiple(() =>
        {
            Assert.That(pool.SuggestedBid, Is.EqualTo(0.005m), "min bid 0.0042 rounded up to 3 places");
            Assert.That(pool.SuggestedBidText, Is.EqualTo("0.005"));
        });
    }

    [TestCase(PlanRisk.Low, "0.040")]
    [TestCase(PlanRisk.Med, "0.030")]
    [TestCase(PlanRisk.High, "0.025")]
    public void Bid_FollowsThePercentilesWhenKnownButNeverUndercutsTheMarket(PlanRisk risk, string expected)
    {
        var rows = PricingRow.FromOffers([PricingSamples.Offer("gp.vs1.m", "r", "0.025", "2", "4", minBid: "0.001")]);
        var percentiles = new Dictionary<string, PricePercentiles> { ["gp.vs1.m"] = new(P20: 0.011m, P50: 0.0291m, P80: 0.04m) };

        var plan = PricingPlanner.Build(rows, new PlanRequest { Nodes = 1, Risk = risk, Percentiles = percentiles });

        Assert.That(plan.Scenarios[0].Pools[0].SuggestedBidText, Is.EqualTo(expected), "low >= p80, med >= p50 (rounded up), high >= market");
        Assert.That(plan.Assumptions.RiskBidPercentile, Is.EqualTo(BidAdvisor.Percentile(risk)));
    }

    [TestCase("0.025", PlanRisk.Low, "0.034")]
    [TestCase("0.0101", PlanRisk.High, "0.011")]
    [TestCase("0.030", PlanRisk.Med, "0.036")]
    public void Bid_WithoutPercentilesIsTheMarketMultiplierRoundedUp(string market, PlanRisk risk, string expected)
    {
        var row = PricingRow.FromOffer(PricingSamples.Offer("gp.vs1.m", "r", market, "2", "4"));

        Assert.That(BidPrice.Format(BidAdvisor.Suggest(row, risk, percentiles: null)), Is.EqualTo(expected));
    }

    [Test]
    public void DuplicateScenarios_AreMarked()
    {
        var plan = PricingPlanner.Build(PricingSamples.SetA(), new PlanRequest { Nodes = 5 });

        Assert.Multiple(() =>
        {
            Assert.That(plan.Scenario(PlanStrategy.MaxPerformance).DuplicateOf, Is.Null);
            Assert.That(plan.Scenario(PlanStrategy.MaxValue).DuplicateOf, Is.EqualTo(PlanStrategy.MaxPerformance));
            Assert.That(plan.Scenario(PlanStrategy.Balanced).DuplicateOf, Is.EqualTo(PlanStrategy.MaxPerformance));
            Assert.That(plan.Scenario(PlanStrategy.Balanced).Pools, Has.Count.EqualTo(1), "the SDK model keeps the pools for --apply");
        });
    }

    [Test]
    public void OnDemandEquivalent_AndSavingsAreReported()
    {
        var rows = PricingRow.FromOffers([PricingSamples.Offer("gp.vs1.m", "r", "0.010", "2", "4", onDemand: "0.040")]);

        var scenario = PricingPlanner.Build(rows, new PlanRequest { Nodes = 5 }).Scenarios[0];

        Assert.Multiple(() =>
        {
            Assert.That(scenario.OnDemandHourly, Is.EqualTo(0.2m));
            Assert.That(scenario.OnDemandMonthly, Is.EqualTo(146m));
            Assert.That(scenario.SavingsPercent, Is.EqualTo(75m));
        });
    }

    [Test]
    public void OnDemandEquivalent_IsUnknownWhenAClassHasNoOnDemandPrice()
    {
        var scenario = PricingPlanner.Build(PricingSamples.SetA(), new PlanRequest { Nodes = 5 }).Scenarios[0];

        Assert.That(scenario.OnDemandHourly, Is.Null);
        Assert.That(scenario.SavingsPercent, Is.Null);
    }

    [Test]
    public void Pools_CarryWhatApplyNeeds()
    {
        var pool = PricingPlanner.Build(PricingSamples.SetA(), new PlanRequest { Nodes = 5 }).Scenarios[0].Pools[0];

        Assert.Multiple(() =>
        {
            Assert.That(pool.ServerClassName, Is.EqualTo("mh.vs1.large-lon"));
            Assert.That(pool.Region, Is.EqualTo("uk-lon-1"));
            Assert.That(pool.Nodes, Is.EqualTo(5));
            Assert.That(pool.SuggestedBidText, Does.Match(@"^\d+\.\d{3}$"));
        });
    }

    [Test]
    public void InvalidRequests_AreRejected()
    {
        var rows = PricingSamples.SetA();

        Assert.Multiple(() =>
        {
            Assert.That(() => PricingPlanner.Build(rows, new PlanRequest { Nodes = 0 }), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => PricingPlanner.Build(rows, new PlanRequest { Nodes = 1, MinHourly = 2, MaxHourly = 1 }), Throws.ArgumentException);
            Assert.That(() => PricingPlanner.Build(rows, new PlanRequest { Nodes = 1, MinMonthly = -1 }), Throws.ArgumentException);
        });
    }
}
