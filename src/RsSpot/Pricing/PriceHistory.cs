using RsSpot.Models;
namespace RsSpot.Pricing;

/// <summary>Statistics of a hammer-price history; the amounts are <see langword="null"/> when there are no points.</summary>
internal sealed record PriceHistorySummary
{
    /// <summary>Number of auctions.</summary>
    public required int Count { get; init; }

    /// <summary>Lowest hammer price.</summary>
    public decimal? Min { get; init; }

    /// <summary>Median hammer price (mean of the two middle values for an even count).</summary>
    public decimal? Median { get; init; }

    /// <summary>Highest hammer price.</summary>
    public decimal? Max { get; init; }

    /// <summary>Oldest hammer price.</summary>
    public decimal? First { get; init; }

    /// <summary>Newest hammer price.</summary>
    public decimal? Last { get; init; }

    /// <summary>Time of the oldest auction.</summary>
    public DateTimeOffset? FirstAt { get; init; }

    /// <summary>Time of the newest auction.</summary>
    public DateTimeOffset? LastAt { get; init; }

    /// <summary>Summarises <paramref name="points"/> (any order; they are sorted by time).</summary>
    /// <param name="points">The history.</param>
    /// <returns>The summary.</returns>
    public static PriceHistorySummary From(IEnumerable<PricePoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var byTime = points.OrderBy(point => point.RunAt).ToList();
        if (byTime.Count == 0)
        {
            return new PriceHistorySummary { Count = 0 };
        }

        var prices = byTime.Select(point => point.HammerPrice).Order().ToList();
        var middle = prices.Count / 2;
        return new PriceHistorySummary
        {
            Count = byTime.Count,
            Min = prices[0],
            Max = prices[^1],
            Median = Money.Normalize(prices.Count % 2 == 1 ? prices[middle] : (prices[middle - 1] + prices[middle]) / 2m),
            First = byTime[0].HammerPrice,
            Last = byTime[^1].HammerPrice,
            FirstAt = byTime[0].RunAt,
            LastAt = byTime[^1].RunAt,
        };
    }
}
