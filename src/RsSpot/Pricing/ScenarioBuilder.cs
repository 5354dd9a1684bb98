using RsSpot.Models;
namespace RsSpot.Pricing;

/// <summary>Turns a pool selection into a priced, scored <see cref="PlanScenario"/>.</summary>
internal static class ScenarioBuilder
{
    private const int MetricDecimals = 6;

    public static PlanScenario Build(CandidateSet candidates, PlanStrategy strategy, PoolSelection selection, PlanRequest request)
    {
        var pools = selection.Indices.Select((index, i) => Pool(candidates, index, selection.Counts[i], request)).ToList();
        var totalHourly = pools.Sum(pool => pool.HourlyTotal);
        var totalCapacity = selection.Indices.Select((index, i) => candidates.Capacity[index] * selection.Counts[i]).Sum();
        var valueMetric = totalCapacity / totalHourly;
        var score = strategy switch
        {
            PlanStrategy.MaxPerformance => totalCapacity,
            PlanStrategy.MaxValue => valueMetric,
            _ => candidates.Balanced(totalCapacity / request.Nodes, valueMetric),
        };
        var onDemandHourly = pools.All(pool => pool.OnDemandHourlyPerNode is not null)
            ? pools.Sum(pool => pool.OnDemandHourlyPerNode!.Value * pool.Nodes)
            : (decimal?)null;

        return new PlanScenario
        {
            Strategy = strategy,
            Score = Money.Round(score, MetricDecimals),
            Pools = pools,
            TotalHourly = totalHourly,
            TotalMonthly = Money.Normalize(totalHourly * request.MonthHours),
            TotalCpu = Money.Normalize(pools.Sum(pool => pool.CpuPerNode * pool.Nodes)),
            TotalMemoryGb = Money.Normalize(pools.Sum(pool => pool.MemoryGbPerNode * pool.Nodes)),
            TotalCapacity = Money.Round(totalCapacity, MetricDecimals),
            OnDemandHourly = onDemandHourly is { } od ? Money.Normalize(od) : null,
            OnDemandMonthly = onDemandHourly is { } odm ? Money.Normalize(odm * request.MonthHours) : null,
            SavingsPercent = Money.SavingsPercent(totalHourly, onDemandHourly),
        };
    }

    /// <summary>True when both scenarios create exactly the same pools.</summary>
    public static bool SamePools(PlanScenario a, PlanScenario b) =>
        a.Pools.Count == b.Pools.Count
        && a.Pools.OrderBy(pool => pool.ServerClassName, StringComparer.Ordinal)
            .Zip(b.Pools.OrderBy(pool => pool.ServerClassName, StringComparer.Ordinal))
            .All(pair => pair.First.ServerClassName == pair.Second.ServerClassName && pair.First.Nodes == pair.Second.Nodes);

    private static PlanPool Pool(CandidateSet candidates, int index, int nodes, PlanRequest request)
    {
        var row = candidates.Rows[index];
        var hourly = candidates.Hourly[index];
        PricePercentiles? percentiles = null;
        _ = request.Percentiles?.TryGetValue(row.Name, out percentiles);
        var bid = BidAdvisor.Suggest(row, request.Risk, percentiles);
        return new PlanPool
        {
            ServerClassName = row.Name,
            ClassPrefix = row.ClassPrefix,
            Region = row.Region,
            Generation = row.Generation!.Value,
            Nodes = nodes,
            CpuPerNode = row.Cpu!.Value,
            MemoryGbPerNode = row.MemoryGb!.Value,
            HourlyPerNode = hourly,
            MonthlyPerNode = Money.Normalize(hourly * request.MonthHours),
            HourlyTotal = Money.Normalize(hourly * nodes),
            MonthlyTotal = Money.Normalize(hourly * request.MonthHours * nodes),
            SuggestedBid = bid,
            SuggestedBidText = BidPrice.Format(bid),
            OnDemandHourlyPerNode = row.OnDemandHourly,
            CapacityPerNode = Money.Round(candidates.Capacity[index], MetricDecimals),
            ValuePerNode = Money.Round(candidates.Value[index], MetricDecimals),
        };
    }
}
