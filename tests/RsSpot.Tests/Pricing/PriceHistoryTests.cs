using Newtonsoft.Json.Linq;
using RsSpot.Models;
using RsSpot.Pricing;

namespace RsSpot.Tests.Pricing;

public class PriceHistoryTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static List<PricePoint> Points(params decimal[] prices) =>
        [.. prices.Select((price, i) => new PricePoint(Start.AddMinutes(5 * i), price))];

    [Test]
    public void Summary_OfTheSampleFeed()
    {
        var feed = JObject.Parse(File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "samples", "price-history.json")));
        var points = feed["history"]!.Select(p => new PricePoint(DateTimeOffset.FromUnixTimeSeconds(p["run_at"]!.Value<long>()), p["hammer_price"]!.Value<decimal>())).ToList();

        var summary = PriceHistorySummary.From(points);

        Assert.Multiple(() =>
        {
            Assert.That(summary.Count, Is.EqualTo(points.Count));
            Assert.That(summary.Min, Is.EqualTo(points.Min(p => p.HammerPrice)));
            Assert.That(summary.Max, Is.EqualTo(points.Max(p => p.HammerPrice)));
            Assert.That(summary.Min, Is.LessThanOrEqualTo(summary.Median!.Value));
            Assert.That(summary.Median, Is.LessThanOrEqualTo(summary.Max!.Value));
            Assert.That(summary.FirstAt, Is.EqualTo(points.Min(p => p.RunAt)));
        });
    }

    [Test]
    public void Summary_SortsByTimeAndAveragesTheMiddlePairForEvenCounts()
    {
        var points = Points(0.004m, 0.001m, 0.003m, 0.002m);
        points.Reverse();

        var summary = PriceHistorySummary.From(points);

        Assert.Multiple(() =>
        {
            Assert.That(summary.Median, Is.EqualTo(0.0025m));
            Assert.That(summary.First, Is.EqualTo(0.004m));
            Assert.That(summary.Last, Is.EqualTo(0.002m));
            Assert.That(summary.Min, Is.EqualTo(0.001m));
            Assert.That(summary.Max, Is.EqualTo(0.004m));
        });
    }

    [Test]
    public void Summary_OfNothingHasNoAmounts()
    {
        var summary = PriceHistorySummary.From([]);

        Assert.That(summary.Count, Is.Zero);
        Assert.That(new[] { summary.Min, summary.Median, summary.Max, summary.First, summary.Last }, Has.All.Null);
    }

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
}
