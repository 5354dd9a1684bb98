using System.Globalization;
using RsSpot.Models;
using RsSpot.Pricing;

namespace RsSpot.Cli.Output.Pricing;

/// <summary>Builds the <c>pricing list</c>, <c>pricing build</c> and <c>pricing history</c> tables as strings.</summary>
internal static class PricingTables
{
    /// <summary>Message for a list without rows.</summary>
    public const string NoListRows = "No pricing entries matched the provided filters.";

    private const string Total = "TOTAL";

    /// <summary>The <c>pricing list</c> table, titled <c>Pricing (&lt;n&gt; classes, x&lt;N&gt; nodes)</c>.</summary>
    /// <param name="query">The query (node count and month of the totals).</param>
    /// <param name="items">The matching rows.</param>
    /// <returns>The table.</returns>
    public static TableView List(PricingListQuery query, IReadOnlyList<PricingListItem> items)
    {
        var n = query.Nodes.ToString(CultureInfo.InvariantCulture);
        string[] headers =
        [
            "Server Class", "Class", "Region", "Gen", "vCPU", "RAM (GB)", "$/hr", $"$/hr x{n}",
            $"$/mo x{n} ({query.MonthHours.ToString(CultureInfo.InvariantCulture)}h)", "Min Bid", "On-Demand $/hr", "Savings",
        ];
        var rows = items.Select(item => (IReadOnlyList<string>)
        [
            item.Row.Name, item.Row.ClassPrefix, item.Row.Region, PricingFormat.Generation(item.Row.Generation),
            PricingFormat.Quantity(item.Row.Cpu), PricingFormat.Quantity(item.Row.MemoryGb),
            PricingFormat.Hourly(item.HourlyPerNode), PricingFormat.Hourly(item.HourlyForNodes), PricingFormat.Monthly(item.MonthlyForNodes),
            PricingFormat.Hourly(item.Row.MinBid), PricingFormat.Hourly(item.Row.OnDemandHourly), PricingFormat.Percent(item.Row.SavingsPercent),
        ]).ToList();
        return new TableView($"Pricing ({items.Count.ToString(CultureInfo.InvariantCulture)} classes, x{n} nodes)", headers, rows);
    }

    /// <summary>
    /// The <c>pricing build</c> tables: a summary of every scenario, then one pool table (with a TOTAL row) per
    /// scenario that is not a duplicate of an earlier one. The warning, if any, is printed separately.
    /// </summary>
    /// <param name="plan">The recommendation.</param>
    /// <returns>The tables in print order.</returns>
    public static IReadOnlyList<TableView> Build(PlanRecommendation plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var tables = new List<TableView> { Summary(plan) };
        tables.AddRange(plan.Scenarios.Where(scenario => scenario.DuplicateOf is null).Select(Pools));
        return tables;
    }

    /// <summary>The <c>pricing history</c> table: statistics and a sparkline of the hammer prices.</summary>
    /// <param name="serverClass">The server class.</param>
    /// <param name="points">The history.</param>
    /// <param name="sparklineWidth">Maximum sparkline characters.</param>
    /// <returns>The table.</returns>
    public static TableView History(string serverClass, IReadOnlyList<PricePoint> points, int sparklineWidth = 40)
    {
        ArgumentNullException.ThrowIfNull(points);
        var summary = PriceHistorySummary.From(points);
        var trend = Sparkline.Render([.. points.OrderBy(point => point.RunAt).Select(point => point.HammerPrice)], sparklineWidth);
        var period = summary.Count == 0 ? PricingFormat.Unknown : $"{summary.FirstAt:yyyy-MM-dd HH:mm} .. {summary.LastAt:yyyy-MM-dd HH:mm} UTC";
        IReadOnlyList<string> row =
        [
            summary.Count.ToString(CultureInfo.InvariantCulture), period, PricingFormat.Hourly(summary.Min), PricingFormat.Hourly(summary.Median),
            PricingFormat.Hourly(summary.Max), PricingFormat.Hourly(summary.Last), trend,
        ];
        return new TableView(
            $"Price history {serverClass} ({summary.Count.ToString(CultureInfo.InvariantCulture)} auctions)",
            ["Auctions", "Period", "Min", "Median", "Max", "Last", "Trend"],
            [row]);
    }

    private static TableView Summary(PlanRecommendation plan)
    {
        var rows = plan.Scenarios.Select(scenario => (IReadOnlyList<string>)
        [
            scenario.DuplicateOf is { } original ? $"{scenario.Name} (= {PricingPlanner.NameOf(original)})" : scenario.Name,
            PricingFormat.Score(scenario.Score), scenario.Pools.Count.ToString(CultureInfo.InvariantCulture),
            PricingFormat.Hourly(scenario.TotalHourly), PricingFormat.Monthly(scenario.TotalMonthly),
            PricingFormat.Quantity(scenario.TotalCpu), PricingFormat.Quantity(scenario.TotalMemoryGb),
            PricingFormat.Hourly(scenario.OnDemandHourly), PricingFormat.Percent(scenario.SavingsPercent),
        ]).ToList();
        return new TableView(
            $"Pricing build ({plan.Requested.Nodes.ToString(CultureInfo.InvariantCulture)} nodes, risk {plan.Requested.Risk.ToString().ToLowerInvariant()})",
            ["Strategy", "Score", "Pools", "Total $/hr", "Total $/mo", "Total vCPU", "Total RAM (GB)", "On-Demand $/hr", "Savings"],
            rows);
    }

    private static TableView Pools(PlanScenario scenario)
    {
        var rows = scenario.Pools.Select(pool => (IReadOnlyList<string>)
        [
            pool.ServerClassName, pool.ClassPrefix, pool.Region, PricingFormat.Generation(pool.Generation),
            pool.Nodes.ToString(CultureInfo.InvariantCulture), PricingFormat.Quantity(pool.CpuPerNode), PricingFormat.Quantity(pool.MemoryGbPerNode),
            PricingFormat.Hourly(pool.HourlyPerNode), PricingFormat.Hourly(pool.HourlyTotal), PricingFormat.Monthly(pool.MonthlyTotal), pool.SuggestedBidText,
        ]).ToList();
        rows.Add(
        [
            Total, string.Empty, string.Empty, string.Empty, scenario.Pools.Sum(pool => pool.Nodes).ToString(CultureInfo.InvariantCulture),
            PricingFormat.Quantity(scenario.TotalCpu), PricingFormat.Quantity(scenario.TotalMemoryGb), string.Empty,
            PricingFormat.Hourly(scenario.TotalHourly), PricingFormat.Monthly(scenario.TotalMonthly), string.Empty,
        ]);
        return new TableView(
            $"{scenario.Name} pools",
            ["Server Class", "Class", "Region", "Gen", "Nodes", "vCPU/node", "RAM/node", "$/hr node", "$/hr total", "$/mo total", "Bid/node"],
            rows);
    }
}
