using System.Globalization;
using Newtonsoft.Json.Linq;
using RsSpot.Emulator.Catalog;
using RsSpot.Emulator.Routing;

namespace RsSpot.Emulator.PriceFeeds;

/// <summary>The public, unauthenticated price feeds: per-class history, percentiles and hyperscaler comparisons.</summary>
internal static class PriceFeedEndpoints
{
    private static readonly Dictionary<string, string[]> Comparables = new()
    {
        ["gp"] = ["m6i", "n2-standard", "D{0}s_v5"],
        ["ch"] = ["c6i", "c2-standard", "F{0}s_v2"],
        ["mh"] = ["r6i", "n2-highmem", "E{0}s_v5"],
        ["gpu"] = ["g5", "a2-highgpu", "NC{0}ads_A100_v4"],
        ["io"] = ["i4i", "n2-standard", "L{0}s_v3"],
    };

    public static IEnumerable<Route> Routes() =>
    [
        new("GET", "/history/{serverClass}", false, History),
        new("GET", "/percentiles.json", false, Percentiles),
        new("GET", "/comparable_prices.json", false, ComparablePrices),
    ];

    private static EmulatorResponse History(RequestContext context)
    {
        var info = ServerClassCatalog.Find(context.Route("serverClass"));
        if (info is null)
        {
            return Respond.Text(400, "invalid server class");
        }

        var history = new JArray(PriceModel.History(info, context.Now).Select(p => new JObject
        {
            ["run_at"] = p.At.ToUnixTimeSeconds(),
            ["hammer_price"] = (double)p.Price,
        }));
        return Respond.Json(200, new JObject { ["auction"] = info.Name, ["history"] = history });
    }

    private static EmulatorResponse Percentiles(RequestContext context)
    {
        var regions = new JObject();
        foreach (var region in RegionCatalog.All)
        {
            var classes = new JObject();
            foreach (var info in ServerClassCatalog.All.Where(c => c.Region == region && c.Available))
            {
                classes[info.Name] = new JObject
                {
                    ["display_name"] = info.DisplayName,
                    ["category"] = info.Category,
                    ["description"] = region.Description,
                    ["cpu"] = info.Cpu.ToString(CultureInfo.InvariantCulture),
                    ["memory"] = ServerClassCatalog.MemoryText(info),
                    ["market_price"] = PriceModel.Format(PriceModel.MarketPrice(context.State, info, context.Now)),
                    ["20_percentile"] = (double)PriceModel.Percentile(info, context.Now, 20),
                    ["50_percentile"] = (double)PriceModel.Percentile(info, context.Now, 50),
                    ["80_percentile"] = (double)PriceModel.Percentile(info, context.Now, 80),
                };
            }

            regions[region.Name] = new JObject { ["generation"] = region.Generation, ["serverclasses"] = classes };
        }

        return Respond.Json(200, new JObject { ["regions"] = regions });
    }

    private static EmulatorResponse ComparablePrices(RequestContext context)
    {
        var regions = new JObject();
        foreach (var region in RegionCatalog.All)
        {
            var classes = new JObject();
            foreach (var info in ServerClassCatalog.All.Where(c => c.Region == region))
            {
                // Hyperscaler spot prices sit around 35-45 % of our on-demand figure, per cloud.
                var names = Comparables[info.Family];
                var comparables = new JArray(
                    Comparable("aws", $"{names[0]}.{AwsSize(info.Cpu)}", info.OnDemandPrice * 0.38m),
                    Comparable("gcp", $"{names[1]}-{info.Cpu}", info.OnDemandPrice * 0.42m),
                    Comparable("azure", "Standard_" + string.Format(CultureInfo.InvariantCulture, names[2], info.Cpu), info.OnDemandPrice * 0.45m));
                classes[info.Name] = new JObject
                {
                    ["hyperscaler_average_price"] = Dollars(info.OnDemandPrice * (0.38m + 0.42m + 0.45m) / 3),
                    ["comparables"] = comparables,
                };
            }

            regions[region.Name] = classes;
        }

        return Respond.Json(200, new JObject { ["regions"] = regions });
    }

    private static JObject Comparable(string cloud, string className, decimal price) =>
        new() { ["cloud"] = cloud, ["class"] = className, ["price"] = Dollars(price) };

    private static string Dollars(decimal price) => "$" + Math.Round(price, 3).ToString("0.000", CultureInfo.InvariantCulture);

    private static string AwsSize(int cpu) => cpu switch
    {
        <= 2 => "large",
        <= 4 => "xlarge",
        _ => $"{cpu / 4}xlarge",
    };
}
