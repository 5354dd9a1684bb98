using Newtonsoft.Json.Linq;
using RsSpot.Cli.Output.Pricing;
using RsSpot.Models;
using RsSpot.Pricing;
using RsSpot.Tests.Pricing;

namespace RsSpot.Cli.Tests.Output;

/// <summary>The pricing commands' tables, sparkline and JSON payloads (rendering lives in the CLI, not the SDK).</summary>
public class PricingOutputTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static List<PricePoint> Points(params decimal[] prices) =>
        [.. prices.Select((price, i) => new PricePoint(Start.AddMinutes(5 * i), price))];

    [Test]
    public void Sparkline_MapsTheRangeOntoTheEightBlocks() =>
        Assert.That(Sparkline.Render([1m, 2m, 3m, 4m, 5m, 6m, 7m, 8m], 20), Is.EqualTo("▁▂▃▄▅▆▇█"));


    [Test]
    public void Sparkline_ResamplesLongSeriesToTheWidth()
    {
        var values = Enumerable.Range(0, 100).Select(i => (decimal)i).ToList();

        var line = Sparkline.Render(values, 10);

        Assert.That(line, Has.Length.EqualTo(10));
        Assert.That(line[0], Is.EqualTo('▁'));
        Assert.That(line[^1], Is.EqualTo('█'));
    }


    [Test]
    public void Sparkline_EdgeCases()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Sparkline.Render([0.01m, 0.01m, 0.01m], 10), Is.EqualTo("▄▄▄"));
            Assert.That(Sparkline.Render([], 10), Is.Empty);
            Assert.That(() => Sparkline.Render([1m], 0), Throws.InstanceOf<ArgumentOutOfRangeException>());
        });
    }


    [Test]
    public void HistoryTable_AndPayload()
    {
        var points = Points(0.001m, 0.002m, 0.003m);

        var table = PricingTables.History("gp.vs1.medium-dfw", points);
        var payload = JObject.FromObject(PricingPayloads.ToPayload("gp.vs1.medium-dfw", points));

        Assert.Multiple(() =>
        {
            Assert.That(table.Title, Is.EqualTo("Price history gp.vs1.medium-dfw (3 auctions)"));
            Assert.That(table.Rows.Single(), Is.EqualTo(new[] { "3", "2026-01-01 00:00 .. 2026-01-01 00:10 UTC", "$0.001000", "$0.002000", "$0.003000", "$0.003000", "▁▅█" }));
            Assert.That(payload["auction"]!.Value<string>(), Is.EqualTo("gp.vs1.medium-dfw"));
            Assert.That(payload["history"]![0]!["run_at"]!.Value<long>(), Is.EqualTo(Start.ToUnixTimeSeconds()));
            Assert.That(payload["history"]![2]!["hammer_price"]!.Value<decimal>(), Is.EqualTo(0.003m));
        });
    }

    [Test]
    public void Payload_HasReferenceKeysNewFieldsAndNoFloatNoise()
    {
        var rows = PricingRow.FromOffers([PricingSamples.Offer("gp.vs1.medium-dfw", "us-central-dfw-1", "0.010000", "2", "3.75GB", minBid: "0.001", onDemand: "0.023")]);
        var query = new PricingListQuery { Nodes = 3 };

        var json = JObject.FromObject(PricingPayloads.ToPayload(query, PricingList.Query(rows, query)));
        var item = (JObject)json["items"]![0]!;

        Assert.Multiple(() =>
        {
            Assert.That(json["nodes"]!.Value<int>(), Is.EqualTo(3));
            Assert.That(json["month_hours"]!.Value<int>(), Is.EqualTo(730));
            Assert.That(item.Properties().Select(p => p.Name), Is.SupersetOf(new[]
            {
                "server_class_name", "display_name", "category", "region", "market_price", "cpu", "memory", "class", "gen",
                "hourly_per_node", "monthly_per_node", "hourly_for_nodes", "monthly_for_nodes",
                "min_bid_price", "on_demand_hourly", "savings_percent",
            }));
            Assert.That(item["market_price"]!.Value<string>(), Is.EqualTo("0.010000"), "raw string kept");
            Assert.That(item["monthly_for_nodes"]!.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo("21.9"));
            Assert.That(item["hourly_for_nodes"]!.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo("0.03"));
            Assert.That(item["savings_percent"]!.Value<decimal>(), Is.EqualTo(56.52m));
        });
    }


    [Test]
    public void Table_HasTitleReferenceColumnsAndNewColumns()
    {
        var query = new PricingListQuery { Classes = ["gp"], Nodes = 5 };
        var table = PricingTables.List(query, PricingList.Query(PricingSamples.SetB(), query));

        Assert.Multiple(() =>
        {
            Assert.That(table.Title, Is.EqualTo("Pricing (2 classes, x5 nodes)"));
            Assert.That(table.Headers, Is.EqualTo(new[]
            {
                "Server Class", "Class", "Region", "Gen", "vCPU", "RAM (GB)", "$/hr", "$/hr x5", "$/mo x5 (730h)", "Min Bid", "On-Demand $/hr", "Savings",
            }));
            Assert.That(table.Rows[1], Is.EqualTo(new[] { "gp.vs1.medium-dfw", "gp", "us-central-dfw-1", "1", "2", "4", "$0.010000", "$0.050000", "$36.50", "-", "-", "-" }));
            Assert.That(table.Rows[0][3], Is.EqualTo("-"), "bare metal has no generation");
        });
    }

    [Test]
    public void Payload_HasTheReferenceShape()
    {
        var payload = JObject.FromObject(PricingPlanner.Build(PricingSamples.SetB(), new PlanRequest { Nodes = 5 }).ToPayload());
        var scenario = (JObject)payload["scenarios"]![0]!;
        var pool = (JObject)scenario["pools"]![0]!;

        Assert.Multiple(() =>
        {
            Assert.That(payload.Properties().Select(p => p.Name), Is.EqualTo(new[] { "requested", "assumptions", "scenarios", "warning" }));
            Assert.That(payload["requested"]!["classes"]!.Values<string>(), Is.EqualTo(new[] { "gp", "ch", "mh" }));
            Assert.That(payload["assumptions"]!["month_hours"]!.Value<int>(), Is.EqualTo(730));
            Assert.That(scenario.Properties().Select(p => p.Name), Is.SupersetOf(new[]
            {
                "strategy", "status", "score", "total_hourly", "total_monthly", "total_cpu", "total_memory_gb", "pools",
                "on_demand_hourly", "savings_percent", "duplicate_of",
            }));
            Assert.That(pool.Properties().Select(p => p.Name), Is.SupersetOf(new[]
            {
                "server_class_name", "class_prefix", "region", "generation", "nodes", "cpu_per_node", "memory_gb_per_node",
                "hourly_per_node", "monthly_per_node", "hourly_total", "monthly_total", "suggested_bid_per_node",
                "capacity_per_node", "value_per_node", "suggested_bid",
            }));
            Assert.That(scenario["total_monthly"]!.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo("109.5"));
            Assert.That(pool["suggested_bid"]!.Value<string>(), Is.EqualTo("0.036"));
        });
    }


    [Test]
    public void PoolTable_EndsWithATotalRow()
    {
        var plan = PricingPlanner.Build(PricingSamples.SetA(), new PlanRequest { Nodes = 5, Risk = PlanRisk.Low, Balanced = true, MultiRegion = true });
        var pools = PricingTables.Build(plan).Single(table => table.Title == "balanced pools");

        Assert.That(pools.Rows[^1], Is.EqualTo(new[] { "TOTAL", "", "", "", "5", "18", "80", "", "$0.120000", "$87.60", "" }));
    }

    [Test]
    public void DuplicateScenarios_AreNotRepeatedInTheOutput()
    {
        var plan = PricingPlanner.Build(PricingSamples.SetA(), new PlanRequest { Nodes = 5 });
        var payload = JObject.FromObject(plan.ToPayload());
        var tables = PricingTables.Build(plan);

        Assert.Multiple(() =>
        {
            Assert.That(payload["scenarios"]![1]!["duplicate_of"]!.Value<string>(), Is.EqualTo("max_performance"));
            Assert.That(payload["scenarios"]![1]!["pools"]!, Is.Empty);
            Assert.That(tables.Select(table => table.Title), Is.EqualTo(new[] { "Pricing build (5 nodes, risk med)", "max_performance pools" }));
            Assert.That(tables[0].Rows[1][0], Is.EqualTo("max_value (= max_performance)"));
        });
    }
}
