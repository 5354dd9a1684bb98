using RsSpot.Pricing;

namespace RsSpot.Tests.Pricing;

/// <summary>The reference's test catalogues (rsspot-python §5.3) and a small offer builder.</summary>
internal static class PricingSamples
{
    public static ServerClassOffer Offer(
        string name, string region, string price, string cpu, string memory,
        string minBid = "", string onDemand = "", string availability = "available") =>
        new(name, region, "General Purpose", name.ToUpperInvariant(), availability, cpu, memory, price, minBid, onDemand);

    /// <summary>Set A (test_pricing_optimizer): four virtual classes in four regions plus one bare-metal class.</summary>
    public static IReadOnlyList<PricingRow> SetA() => PricingRow.FromOffers(
    [
        Offer("gp.vs1.medium-dfw", "us-central-dfw-1", "$0.010", "2", "4GB"),
        Offer("gp.vs2.medium-dfw2", "us-central-dfw-2", "$0.020", "2", "4GB"),
        Offer("ch.vs2.large-iad2", "us-east-iad-2", "$0.030", "4", "8GB"),
        Offer("mh.vs1.large-lon", "uk-lon-1", "$0.025", "4", "30GB"),
        Offer("gp.bm2.medium-dfw", "us-central-dfw-1", "$0.005", "24", "64GB"),
    ]);

    /// <summary>Set B (test_cli_pricing): gp.vs1, ch.vs2 and a bare-metal class.</summary>
    public static IReadOnlyList<PricingRow> SetB() => PricingRow.FromOffers(
    [
        Offer("gp.vs1.medium-dfw", "us-central-dfw-1", "0.010000", "2", "4GB"),
        Offer("ch.vs2.large-iad2", "us-east-iad-2", "0.030000", "4", "8GB"),
        Offer("gp.bm2.medium-dfw", "us-central-dfw-1", "0.005000", "24", "64GB"),
    ]);

    public static PlanScenario Scenario(this PlanRecommendation plan, PlanStrategy strategy) =>
        plan.Scenarios.Single(scenario => scenario.Strategy == strategy);

    /// <summary>Pools as "class xN" strings, for compact assertions.</summary>
    public static string[] Describe(this PlanScenario scenario) =>
        [.. scenario.Pools.Select(pool => $"{pool.ServerClassName} x{pool.Nodes}")];
}
