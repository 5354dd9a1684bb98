using System.Globalization;
using RsSpot.Pricing;

namespace RsSpot.Benchmarks;

/// <summary>
/// Deterministic synthetic catalogues shaped like the live one: a few class families, generations 1/2 plus
/// bare metal, eight regions, prices on a $0.001 grid with on-demand and min-bid prices.
/// </summary>
internal static class SyntheticCatalog
{
    private static readonly string[] Families = ["gp", "ch", "mh", "io", "gpu"];
    private static readonly string[] Regions =
    [
        "us-central-dfw-1", "us-central-dfw-2", "us-east-iad-1", "us-west-sjc-1",
        "uk-lon-1", "hkg-hcw-1", "aus-syd-1", "us-central-ord-1",
    ];

    private static readonly int[] Cpus = [2, 4, 8, 16, 32];
    private static readonly int[] MemoryGb = [4, 8, 15, 30, 60, 120];

    public static IReadOnlyList<PricingRow> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var offers = new List<ServerClassOffer>(count);
        for (var i = 0; i < count; i++)
        {
            var kind = random.Next(0, 10) == 0 ? "bm2" : "vs" + random.Next(1, 3).ToString(CultureInfo.InvariantCulture);
            var name = $"{Families[random.Next(Families.Length)]}.{kind}.s{i.ToString(CultureInfo.InvariantCulture)}";
            var cpu = Cpus[random.Next(Cpus.Length)];
            var market = random.Next(1, 2000) * 0.001m;
            offers.Add(new ServerClassOffer(
                name,
                Regions[random.Next(Regions.Length)],
                "General Purpose",
                name.ToUpperInvariant(),
                random.Next(0, 20) == 0 ? "unavailable" : "available",
                cpu.ToString(CultureInfo.InvariantCulture),
                MemoryGb[random.Next(MemoryGb.Length)].ToString(CultureInfo.InvariantCulture) + "GB",
                "$" + market.ToString("0.000000", CultureInfo.InvariantCulture),
                "0.001",
                (market * 4).ToString("0.000", CultureInfo.InvariantCulture)));
        }

        return PricingRow.FromOffers(offers);
    }
}
