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
}
