using System.Text;

namespace RsSpot.Emulator.Catalog;

/// <summary>
/// Deterministic auction prices: every class has a five-minute auction whose hammer price is a pseudo-random
/// walk around a per-class base, seeded by the class name and the auction time. History, market price and
/// percentiles are all read from this one series, so the feeds agree with the catalogue.
/// </summary>
internal static class PriceModel
{
    public static readonly TimeSpan AuctionInterval = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan HistoryWindow = TimeSpan.FromHours(24);

    /// <summary>FNV-1a: stable across processes, unlike string.GetHashCode.</summary>
    public static ulong Hash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }

    /// <summary>Start time of the latest auction at or before <paramref name="now"/>.</summary>
    public static DateTimeOffset LatestAuction(DateTimeOffset now)
    {
        var ticks = now.UtcTicks - (now.UtcTicks % AuctionInterval.Ticks);
        return new DateTimeOffset(ticks, TimeSpan.Zero);
    }

    /// <summary>Hammer price of the auction held at <paramref name="auction"/>, rounded to 6 decimals.</summary>
    public static decimal HammerPrice(ServerClassInfo info, DateTimeOffset auction)
    {
        var floor = info.MinBid ?? 0.001m;
        var classSeed = Hash(info.Name);
        var basePrice = floor * (1.2m + ((classSeed % 1000) / 1000m * 1.8m));
        var slot = auction.ToUnixTimeSeconds() / (long)AuctionInterval.TotalSeconds;
        // A slow daily wave plus per-auction noise, never below the reserve price.
        var wave = (decimal)Math.Sin(slot / 288.0 * 2 * Math.PI) * 0.15m;
        var noise = ((Hash(info.Name + ":" + slot) % 1000) / 1000m - 0.5m) * 0.2m;
        return Math.Round(Math.Max(floor, basePrice * (1 + wave + noise)), 6);
    }

    public static decimal MarketPrice(ServerClassInfo info, DateTimeOffset now) => HammerPrice(info, LatestAuction(now));

    /// <summary>The market price served now: one a test set (<see cref="SpotEmulator.SetMarketPrice"/>), else the auction's.</summary>
    public static decimal MarketPrice(State.EmulatorState state, ServerClassInfo info, DateTimeOffset now) =>
        state.MarketPrices.TryGetValue(info.Name, out var set) ? set : MarketPrice(info, now);

    /// <summary>The auctions of the last 24 hours, oldest first.</summary>
    public static IEnumerable<(DateTimeOffset At, decimal Price)> History(ServerClassInfo info, DateTimeOffset now)
    {
        var latest = LatestAuction(now);
        for (var at = latest - HistoryWindow + AuctionInterval; at <= latest; at += AuctionInterval)
        {
            yield return (at, HammerPrice(info, at));
        }
    }

    /// <summary>Nearest-rank percentile of the 24-hour history.</summary>
    public static decimal Percentile(ServerClassInfo info, DateTimeOffset now, int percent)
    {
        var prices = History(info, now).Select(p => p.Price).Order().ToArray();
        var rank = (int)Math.Ceiling(percent / 100.0 * prices.Length);
        return prices[Math.Clamp(rank - 1, 0, prices.Length - 1)];
    }

    /// <summary>Prices on the wire: bare decimals with 6 places (e.g. 0.004500).</summary>
    public static string Format(decimal price) => price.ToString("0.000000", System.Globalization.CultureInfo.InvariantCulture);
}
