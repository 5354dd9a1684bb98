using System.Globalization;
using RsSpot.Models;

namespace RsSpot.Pricing;

/// <summary>What <see cref="BidGuard"/> thinks of a bid, worst first.</summary>
public enum BidVerdict
{
    /// <summary>Between the market price and the high-bid limits.</summary>
    Ok,

    /// <summary>Below the market price: accepted, but it will not win capacity at today's price.</summary>
    BelowMarket,

    /// <summary>Below the class's minimum bid (reserve price): always refused.</summary>
    BelowMinimum,

    /// <summary>Above the on-demand price: refused unless forced (an on-demand pool is cheaper and never pre-empted).</summary>
    AboveOnDemand,

    /// <summary>Above <see cref="BidGuard.MarketMultipleLimit"/> times the market price: refused unless forced.</summary>
    AboveMarketLimit,
}

/// <summary>A bid checked against its class's prices: the verdict and, for a refusal or a warning, one line saying why.</summary>
public sealed record BidAssessment
{
    /// <summary>The bid in wire form (e.g. <c>0.012</c>).</summary>
    public required string Bid { get; init; }

    /// <summary>The server class the bid is for.</summary>
    public required string ServerClass { get; init; }

    /// <summary>The class's minimum bid, when known.</summary>
    public decimal? MinimumBid { get; init; }

    /// <summary>Today's market price of the class, when known.</summary>
    public decimal? MarketPrice { get; init; }

    /// <summary>The class's on-demand price, when known.</summary>
    public decimal? OnDemandPrice { get; init; }

    /// <summary>The verdict.</summary>
    public required BidVerdict Verdict { get; init; }

    /// <summary>True when the bid must not be sent.</summary>
    public required bool IsRefused { get; init; }

    /// <summary>Why it is refused, or the warning to show; null for a plain <see cref="BidVerdict.Ok"/>.</summary>
    public string? Message { get; init; }

    /// <summary>True when the bid may be sent but <see cref="Message"/> should be shown.</summary>
    public bool IsWarning => !IsRefused && Message is not null;
}

/// <summary>
/// The one rule set every bid goes through (pool create, update and replace, <c>pricing build --apply</c>):
/// below the class's minimum bid is refused; above its on-demand price, or above three times its market price, is
/// refused unless forced, because on-demand servers would be cheaper and are never pre-empted; below the market price
/// is a warning that the bid will not win capacity at today's price. Unknown prices skip their rule.
/// </summary>
internal static class BidGuard
{
    /// <summary>How many times the market price a bid may be before it counts as a mistake.</summary>
    public const decimal MarketMultipleLimit = 3m;

    /// <summary>Checks <paramref name="bid"/> against the prices of <paramref name="serverClass"/>.</summary>
    /// <param name="bid">The bid (any form <see cref="BidPrice.Normalize"/> accepts).</param>
    /// <param name="serverClass">The class, with its minimum bid and on-demand price.</param>
    /// <param name="marketPrice">Today's market price; null takes the class's own.</param>
    /// <param name="allowHighBid">Accept a bid above the on-demand price or the market limit (with a warning).</param>
    /// <exception cref="SpotValidationException">The bid is not a valid bid at all.</exception>
    public static BidAssessment Assess(string bid, ServerClass serverClass, decimal? marketPrice = null, bool allowHighBid = false)
    {
        ArgumentNullException.ThrowIfNull(serverClass);
        var text = BidPrice.Normalize(bid);
        var amount = BidPrice.Parse(text);
        var market = marketPrice ?? serverClass.MarketPricePerHour;
        var (minimum, onDemand, name) = (serverClass.MinBidPricePerHour, serverClass.OnDemandPricePerHour, serverClass.Name);
        var (verdict, message) = (amount, minimum, onDemand, market) switch
        {
            (var b, { } floor, _, _) when b < floor => (BidVerdict.BelowMinimum, $"bid {text} is below the minimum bid {Price(floor)} of server class {name}"),
            (var b, _, { } ceiling, _) when b > ceiling => (BidVerdict.AboveOnDemand,
                $"bid {text} is above the on-demand price {Price(ceiling)} of server class {name}: an on-demand pool is cheaper and never pre-empted"),
            (var b, _, _, { } m) when m > 0 && b > m * MarketMultipleLimit => (BidVerdict.AboveMarketLimit,
                $"bid {text} is more than {MarketMultipleLimit:0}x the market price {Price(m)} of server class {name}: on-demand capacity is cheaper and safer than paying that when the market spikes"),
            (var b, _, _, { } m) when b < m => (BidVerdict.BelowMarket,
                $"bid {text} is below the market price {Price(m)} of server class {name}: it will not win capacity at today's price"),
            _ => (BidVerdict.Ok, (string?)null),
        };
        var high = verdict is BidVerdict.AboveOnDemand or BidVerdict.AboveMarketLimit;
        return new BidAssessment
        {
            Bid = text,
            ServerClass = name,
            MinimumBid = minimum,
            MarketPrice = market,
            OnDemandPrice = onDemand,
            Verdict = verdict,
            IsRefused = verdict == BidVerdict.BelowMinimum || (high && !allowHighBid),
            Message = high ? (allowHighBid ? $"{message} (forced)" : $"{message}; lower the bid, or force it (--force)") : message,
        };
    }

    private static string Price(decimal price) => price.ToString("0.000###", CultureInfo.InvariantCulture);
}
