using RsSpot.Pricing;

namespace RsSpot.Tests.Pricing;

/// <summary>
/// The reference's worked examples (rsspot-python §5.3, tests 23-26 and 30-32) where our planner behaves the
/// same. Multi-pool examples of set A spread over several regions, so they opt in with MultiRegion.
/// </summary>
public class PlannerReferenceTests
{
    private static PlanRecommendation BuildA(PlanRequest request) => PricingPlanner.Build(PricingSamples.SetA(), request);

    [Test]
    public void DefaultSingle_AllStrategiesPickMemoryHeavy()
    {
        var plan = BuildA(new PlanRequest { Nodes = 5, Risk = PlanRisk.Med });

        Assert.That(plan.Warning, Is.Null);
        Assert.That(plan.Scenarios.Select(s => s.Strategy), Is.EqualTo(new[] { PlanStrategy.MaxPerformance, PlanStrategy.MaxValue, PlanStrategy.Balanced }));
        Assert.Multiple(() =>
        {
            foreach (var scenario in plan.Scenarios)
            {
                Assert.That(scenario.Describe(), Is.EqualTo(new[] { "mh.vs1.large-lon x5" }));
                Assert.That(scenario.TotalHourly, Is.EqualTo(0.125m));
                Assert.That(scenario.TotalMonthly, Is.EqualTo(91.25m));
                Assert.That(scenario.TotalCpu, Is.EqualTo(20m));
                Assert.That(scenario.TotalMemoryGb, Is.EqualTo(150m));
                Assert.That(scenario.Pools[0].SuggestedBidText, Is.EqualTo("0.030"), "0.025 x 1.20");
            }

            Assert.That(plan.Scenario(PlanStrategy.MaxPerformance).Score, Is.EqualTo(170m));
            Assert.That(plan.Scenario(PlanStrategy.MaxValue).Score, Is.EqualTo(1360m));
            Assert.That(plan.Scenario(PlanStrategy.Balanced).Score, Is.EqualTo(1m));
        });
    }

    [Test]
    public void BalancedLowRisk_SplitsTopThreeTwoTwoOne()
    {
        var plan = BuildA(new PlanRequest { Nodes = 5, Risk = PlanRisk.Low, Balanced = true, MultiRegion = true });
        var balanced = plan.Scenario(PlanStrategy.Balanced);

        Assert.Multiple(() =>
        {
            Assert.That(balanced.Describe(), Is.EqualTo(new[] { "mh.vs1.large-lon x2", "ch.vs2.large-iad2 x2", "gp.vs1.medium-dfw x1" }));
            Assert.That(balanced.Pools.Select(pool => pool.Nodes).OrderDescending(), Is.EqualTo(new[] { 2, 2, 1 }));
            Assert.That(balanced.TotalHourly, Is.EqualTo(0.12m));
            Assert.That(balanced.TotalMonthly, Is.EqualTo(87.6m));
            Assert.That(balanced.TotalCpu, Is.EqualTo(18m));
            Assert.That(balanced.TotalMemoryGb, Is.EqualTo(80m));
            Assert.That(Math.Round(balanced.Score, 4), Is.EqualTo(0.4974m));
            // Reference: bid = hourly x 1.35 (0.03375, 0.0405, 0.0135); we round up to the API's 3 places.
            Assert.That(balanced.Pools.Select(pool => pool.SuggestedBidText), Is.EqualTo(new[] { "0.034", "0.041", "0.014" }));
        });
    }

    [TestCase(PlanRisk.Med, 5, new[] { "mh.vs1.large-lon x3", "ch.vs2.large-iad2 x2" }, "0.135", "98.55", "0.6529")]
    [TestCase(PlanRisk.High, 5, new[] { "mh.vs1.large-lon x5" }, "0.125", "91.25", "1.0000")]
    [TestCase(PlanRisk.Low, 2, new[] { "mh.vs1.large-lon x1", "ch.vs2.large-iad2 x1" }, "0.055", "40.15", "0.5707")]
    public void BalancedOtherRisks_MatchReference(PlanRisk risk, int nodes, string[] pools, string hourly, string monthly, string score)
    {
        var balanced = BuildA(new PlanRequest { Nodes = nodes, Risk = risk, Balanced = true, MultiRegion = true }).Scenario(PlanStrategy.Balanced);

        Assert.Multiple(() =>
        {
            Assert.That(balanced.Describe(), Is.EqualTo(pools));
            Assert.That(balanced.TotalHourly, Is.EqualTo(decimal.Parse(hourly, System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(balanced.TotalMonthly, Is.EqualTo(decimal.Parse(monthly, System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(Math.Round(balanced.Score, 4).ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(score));
        });
    }

    [Test]
    public void Gen2_PicksComputeHeavyForEveryStrategy()
    {
        var plan = BuildA(new PlanRequest { Nodes = 5, Generation = 2 });

        Assert.That(plan.Scenarios, Has.Count.EqualTo(3));
        Assert.That(plan.Scenarios, Has.All.Matches<PlanScenario>(s =>
            s.Describe().SequenceEqual(new[] { "ch.vs2.large-iad2 x5" }) && s.TotalHourly == 0.15m && s.TotalMonthly == 109.5m));
    }

    [Test]
    public void Regions_MatchCaseInsensitively()
    {
        var plan = BuildA(new PlanRequest { Nodes = 5, Regions = ["US-CENTRAL-DFW-1"] });

        Assert.That(plan.Requested.Regions, Is.EqualTo(new[] { "us-central-dfw-1" }));
        Assert.That(plan.Scenarios, Has.All.Matches<PlanScenario>(s =>
            s.Describe().SequenceEqual(new[] { "gp.vs1.medium-dfw x5" }) && s.TotalHourly == 0.05m && s.TotalMonthly == 36.5m));
    }

    [TestCase(5, 6, null, null)]
    [TestCase(null, null, 5000, 6000)]
    [TestCase(10, 11, null, null)]
    [TestCase(null, null, 10000, 11000)]
    public void BudgetThatNothingFits_ReturnsNoScenariosAndAWarning(int? minHour, int? maxHour, int? minMonth, int? maxMonth)
    {
        var plan = BuildA(new PlanRequest { Nodes = 5, MinHourly = minHour, MaxHourly = maxHour, MinMonthly = minMonth, MaxMonthly = maxMonth });

        Assert.That(plan.Scenarios, Is.Empty);
        Assert.That(plan.Warning, Does.StartWith("No plan matched the provided hourly/monthly budget constraints"));
    }

    [Test]
    public void SetB_StrategiesDifferAsInTheReference()
    {
        var plan = PricingPlanner.Build(PricingSamples.SetB(), new PlanRequest { Nodes = 5, Classes = ["gp,ch,mh"] });
        var performance = plan.Scenario(PlanStrategy.MaxPerformance);
        var value = plan.Scenario(PlanStrategy.MaxValue);
        var balanced = plan.Scenario(PlanStrategy.Balanced);

        Assert.Multiple(() =>
        {
            Assert.That(performance.Describe(), Is.EqualTo(new[] { "ch.vs2.large-iad2 x5" }));
            Assert.That(performance.Score, Is.EqualTo(66m));
            Assert.That(performance.TotalHourly, Is.EqualTo(0.15m));
            Assert.That(performance.TotalMonthly, Is.EqualTo(109.5m));
            Assert.That(performance.Pools[0].SuggestedBid, Is.EqualTo(0.036m));
            Assert.That(value.Describe(), Is.EqualTo(new[] { "gp.vs1.medium-dfw x5" }));
            Assert.That(value.Score, Is.EqualTo(600m));
            Assert.That(value.TotalMonthly, Is.EqualTo(36.5m));
            Assert.That(value.Pools[0].SuggestedBid, Is.EqualTo(0.012m));
            // ch and gp both score 0.5; the cheaper class wins the tie.
            Assert.That(balanced.Describe(), Is.EqualTo(new[] { "gp.vs1.medium-dfw x5" }));
            Assert.That(balanced.Score, Is.EqualTo(0.5m));
        });
    }

    [Test]
    public void IdenticalClasses_TieBreakByName()
    {
        var rows = PricingRow.FromOffers([PricingSamples.Offer("gp.vs1.b", "r1", "0.01", "2", "4"), PricingSamples.Offer("gp.vs1.a", "r1", "0.01", "2", "4")]);

        var single = PricingPlanner.Build(rows, new PlanRequest { Nodes = 3 });
        var spread = PricingPlanner.Build(rows, new PlanRequest { Nodes = 3, Balanced = true, Risk = PlanRisk.Low });

        Assert.Multiple(() =>
        {
            Assert.That(single.Scenarios, Has.All.Matches<PlanScenario>(s => s.Describe().SequenceEqual(new[] { "gp.vs1.a x3" })));
            Assert.That(spread.Scenario(PlanStrategy.Balanced).Describe(), Is.EqualTo(new[] { "gp.vs1.a x2", "gp.vs1.b x1" }));
        });
    }

    [Test]
    public void BareMetal_IsNeverACandidate()
    {
        var plan = BuildA(new PlanRequest { Nodes = 1, Classes = ["gp"], Regions = ["us-central-dfw-1"] });

        Assert.That(plan.Scenarios, Has.All.Matches<PlanScenario>(s => s.Pools.All(pool => pool.ServerClassName == "gp.vs1.medium-dfw")));
    }

    [Test]
    public void NoCandidates_ReturnsTheFilterWarning()
    {
        var plan = BuildA(new PlanRequest { Nodes = 5, Classes = ["gpu"] });

        Assert.That(plan.Scenarios, Is.Empty);
        Assert.That(plan.Warning, Is.EqualTo(PricingPlanner.NoCandidatesWarning));
    }
}
