
namespace RsSpot.Pricing;

/// <summary>
/// Suggests a bid per node and hour for a server class and a risk. The bid is never below the class's minimum
/// bid nor the current market price, and is rounded up to the 3 decimal places the API accepts.
/// </summary>
internal static class BidAdvisor
{
    /// <summary>Market multiplier used when no percentiles are known: low 1.35, med 1.20, high 1.05 (reference values).</summary>
    /// <param name="risk">Accepted risk.</param>
    /// <returns>The multiplier.</returns>
    public static decimal MarketMultiplier(PlanRisk risk) => risk switch
    {
        PlanRisk.Low => 1.35m,
        PlanRisk.High => 1.05m,
        _ => 1.20m,
    };

    /// <summary>Auction percentile the bid must reach when percentiles are known: low 80, med 50, high 20.</summary>
    /// <param name="risk">Accepted risk.</param>
    /// <returns>The percentile.</returns>
    public static int Percentile(PlanRisk risk) => risk switch
    {
        PlanRisk.Low => 80,
        PlanRisk.High => 20,
        _ => 50,
    };

    /// <summary>Suggests a bid for one node of <paramref name="row"/>.</summary>
    /// <param name="row">The server class.</param>
    /// <param name="risk">Accepted risk.</param>
    /// <param name="percentiles">The class's auction percentiles, when the feed has them.</param>
    /// <returns>max(risk target, market, min bid), rounded up to 3 decimal places.</returns>
    public static decimal Suggest(PricingRow row, PlanRisk risk, PricePercentiles? percentiles)
    {
        ArgumentNullException.ThrowIfNull(row);
        var market = row.Hourly ?? 0m;
        var target = percentiles is null
            ? market * MarketMultiplier(risk)
            : risk switch
            {
                PlanRisk.Low => percentiles.P80,
                PlanRisk.High => percentiles.P20,
                _ => percentiles.P50,
            };
        var bid = Math.Max(target, Math.Max(market, row.MinBid ?? 0m));
        return Money.Normalize(Money.CeilingTo(bid, 3));
    }
}
