using System.Globalization;
using RsSpot.Pricing;

namespace RsSpot.Tests.Pricing;

/// <summary>
/// Property test: on many small random catalogues and requests, the planner returns exactly the plan an
/// exhaustive search over the documented plan space picks (or nothing when the oracle finds nothing).
/// </summary>
public class PlannerOracleTests
{
    private const int Iterations = 3000;
    private static readonly string[] Classes = ["gp", "ch", "mh", "io"];
    private static readonly string[] Regions = ["r1", "r2", "r3"];

    [Test]
    public void Planner_MatchesBruteForceOnRandomCatalogues()
    {
        var random = new Random(20260527);
        var checkedPlans = 0;
        var multiPoolPlans = 0;
        for (var iteration = 0; iteration < Iterations; iteration++)
        {
            var rows = RandomCatalogue(random);
            var request = RandomRequest(random, rows);
            var plan = PricingPlanner.Build(rows, request);

            foreach (var strategy in new[] { PlanStrategy.MaxPerformance, PlanStrategy.MaxValue, PlanStrategy.Balanced })
            {
                var expected = Oracle.Best(rows, request, strategy);
                var actual = plan.Scenarios.SingleOrDefault(s => s.Strategy == strategy)?.Describe();
                Assert.That(actual, Is.EqualTo(expected), $"iteration {iteration}, {strategy}, request {request}");
                checkedPlans += expected is null ? 0 : 1;
                multiPoolPlans += expected is { Length: > 1 } ? 1 : 0;
            }
        }

        Assert.That(checkedPlans, Is.GreaterThan(Iterations), "the generator must produce mostly feasible cases");
        Assert.That(multiPoolPlans, Is.GreaterThan(Iterations / 10), "and enough multi-pool balanced plans");
    }

    private static List<PricingRow> RandomCatalogue(Random random)
    {
        var count = random.Next(1, 10);
        var offers = new List<ServerClassOffer>();
        for (var i = 0; i < count; i++)
        {
            var gen = random.Next(0, 5) == 0 ? "bm2" : "vs" + random.Next(1, 3).ToString(CultureInfo.InvariantCulture);
            var name = $"{Classes[random.Next(Classes.Length)]}.{gen}.c{i}";
            // Small grids make ties (equal prices, capacities, scores) common, which exercises the tie-breaks.
            var price = (random.Next(1, 8) * 0.005m).ToString(CultureInfo.InvariantCulture);
            var cpu = (1 << random.Next(0, 4)).ToString(CultureInfo.InvariantCulture);
            var memory = (random.Next(1, 5) * 4).ToString(CultureInfo.InvariantCulture) + "GB";
            var availability = random.Next(0, 8) == 0 ? "unavailable" : "available";
            offers.Add(PricingSamples.Offer(name, Regions[random.Next(Regions.Length)], price, cpu, memory, availability: availability));
        }

        return [.. PricingRow.FromOffers(offers)];
    }

    private static PlanRequest RandomRequest(Random random, List<PricingRow> rows)
    {
        var nodes = random.Next(1, 7);
        var prices = rows.Where(row => row.Hourly is not null).Select(row => row.Hourly!.Value * nodes).ToList();
        decimal? Bound() => random.Next(0, 3) == 0 && prices.Count > 0 ? prices[random.Next(prices.Count)] + (random.Next(-2, 3) * 0.005m) : null;
        var (minHour, maxHour) = Ordered(Bound(), Bound());
        var (minMonth, maxMonth) = Ordered(Bound() * 730, Bound() * 730);
        return new PlanRequest
        {
            Nodes = nodes,
            Risk = (PlanRisk)random.Next(0, 3),
            Balanced = random.Next(0, 4) != 0,
            MultiRegion = random.Next(0, 3) == 0,
            Classes = random.Next(0, 4) == 0 ? ["gp,ch,mh,io"] : PlanRequest.DefaultClasses,
            Generation = random.Next(0, 4) == 0 ? random.Next(1, 3) : null,
            MinHourly = minHour,
            MaxHourly = maxHour,
            MinMonthly = minMonth,
            MaxMonthly = maxMonth,
        };
    }

    private static (decimal?, decimal?) Ordered(decimal? a, decimal? b)
    {
        a = a < 0 ? 0 : a;
        b = b < 0 ? 0 : b;
        return a is { } x && b is { } y && x > y ? (b, a) : (a, b);
    }

    /// <summary>An independent, exhaustive formulation of the documented plan space and objectives.</summary>
    private static class Oracle
    {
        public static string[]? Best(IReadOnlyList<PricingRow> rows, PlanRequest request, PlanStrategy strategy)
        {
            var classes = request.Classes.SelectMany(c => c.Split(',')).Select(c => c.Trim().ToLowerInvariant()).ToHashSet();
            var candidates = rows.Where(row => row.IsAvailable && row.IsVirtual && classes.Contains(row.ClassPrefix)
                && (request.Generation is null || row.Generation == request.Generation)
                && row.Hourly > 0 && row.Cpu > 0 && row.MemoryGb > 0).ToList();
            if (candidates.Count == 0)
            {
                return null;
            }

            var capacities = candidates.Select(row => row.Capacity!.Value).ToList();
            var values = candidates.Select(row => row.Capacity!.Value / row.Hourly!.Value).ToList();
            decimal Norm(decimal x, List<decimal> all) => all.Max() - all.Min() == 0 ? 1 : (x - all.Min()) / (all.Max() - all.Min());
            decimal Key(int i) => strategy switch
            {
                PlanStrategy.MaxPerformance => capacities[i],
                PlanStrategy.MaxValue => values[i],
                _ => (0.5m * Norm(capacities[i], capacities)) + (0.5m * Norm(values[i], values)),
            };

            var rank = Enumerable.Range(0, candidates.Count)
                .OrderByDescending(Key).ThenBy(i => candidates[i].Hourly).ThenBy(i => candidates[i].Name, StringComparer.Ordinal).ToList();
            bool Fits(decimal hourly) =>
                !(hourly < request.MinHourly) && !(hourly > request.MaxHourly)
                && !(hourly * 730 < request.MinMonthly) && !(hourly * 730 > request.MaxMonthly);

            var maxPools = strategy == PlanStrategy.Balanced && request.Balanced ? Math.Min(PricingPlanner.BalancedPoolTarget(request.Risk), request.Nodes) : 1;
            for (var pools = maxPools; pools >= 1; pools--)
            {
                var counts = Enumerable.Range(0, pools).Select(i => (request.Nodes / pools) + (i < request.Nodes % pools ? 1 : 0)).ToArray();
                (decimal Score, int[] Positions)? best = null;
                foreach (var positions in Combinations(rank.Count, pools))
                {
                    var chosen = positions.Select(p => rank[p]).ToArray();
                    var sameRegion = chosen.Select(i => candidates[i].Region).Distinct().Count() == 1;
                    if ((pools > 1 && !request.MultiRegion && !sameRegion) || !Fits(chosen.Select((i, j) => candidates[i].Hourly!.Value * counts[j]).Sum()))
                    {
                        continue;
                    }

                    var score = 0m;
                    for (var j = 0; j < pools; j++)
                    {
                        score += counts[j] * Key(chosen[j]);
                    }

                    // Combinations come in lexicographic order, so keeping the first of equal scores is the tie-break.
                    if (best is null || score > best.Value.Score)
                    {
                        best = (score, positions);
                    }
                }

                if (best is { } found)
                {
                    return [.. found.Positions.Select((p, j) => $"{candidates[rank[p]].Name} x{counts[j]}")];
                }
            }

            return null;
        }

        private static IEnumerable<int[]> Combinations(int n, int k)
        {
            var current = new int[k];
            IEnumerable<int[]> Extend(int depth, int start)
            {
                if (depth == k)
                {
                    yield return [.. current];
                    yield break;
                }

                for (var i = start; i < n; i++)
                {
                    current[depth] = i;
                    foreach (var combination in Extend(depth + 1, i + 1))
                    {
                        yield return combination;
                    }
                }
            }

            return Extend(0, 0);
        }
    }
}
