using System.Globalization;
using RsSpot.Models;

namespace RsSpot.Pricing;

/// <summary>
/// One server class as the pricing components see it: the raw strings of the Spot API, before any parsing.
/// The SDK maps API server classes into this shape so pricing stays independent of the wire model.
/// </summary>
/// <param name="Name">Server class name, e.g. <c>gp.vs1.medium-dfw</c>.</param>
/// <param name="Region">Region name, e.g. <c>us-central-dfw-1</c>.</param>
/// <param name="Category">Category, e.g. <c>General Purpose</c>.</param>
/// <param name="DisplayName">Human-readable name.</param>
/// <param name="Availability">Availability as reported (<c>available</c>, <c>unavailable</c>, ...).</param>
/// <param name="Cpu">vCPU count as reported, e.g. <c>2</c>.</param>
/// <param name="Memory">Memory as reported, e.g. <c>3.75GB</c>, <c>16Gi</c>, <c>1TB</c>.</param>
/// <param name="MarketPrice">Current market price per hour, e.g. <c>0.001000</c> or <c>$0.001000</c>.</param>
/// <param name="MinBidPrice">Minimum accepted bid per hour; empty when unknown.</param>
/// <param name="OnDemandPrice">On-demand price per hour; empty when unknown.</param>
internal sealed record ServerClassOffer(
    string Name,
    string Region,
    string Category,
    string DisplayName,
    string Availability,
    string Cpu,
    string Memory,
    string MarketPrice,
    string MinBidPrice,
    string OnDemandPrice)
{
    /// <summary>The offer of an API server class: prices in invariant culture, missing values as empty strings.</summary>
    /// <param name="serverClass">A server class from the Spot API.</param>
    /// <returns>The offer the pricing components read.</returns>
    public static ServerClassOffer From(ServerClass serverClass)
    {
        ArgumentNullException.ThrowIfNull(serverClass);
        return new ServerClassOffer(
            serverClass.Name,
            serverClass.Region,
            serverClass.Category ?? string.Empty,
            serverClass.DisplayName ?? string.Empty,
            serverClass.Availability ?? string.Empty,
            serverClass.Cpu ?? string.Empty,
            serverClass.Memory ?? string.Empty,
            Price(serverClass.MarketPricePerHour),
            Price(serverClass.MinBidPricePerHour),
            Price(serverClass.OnDemandPricePerHour));
    }

    private static string Price(decimal? amount) => amount?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
}

/// <summary>Auction price percentiles of one server class, from the public percentiles feed (USD per hour).</summary>
/// <param name="P20">20th percentile of recent hammer prices.</param>
/// <param name="P50">Median of recent hammer prices.</param>
/// <param name="P80">80th percentile of recent hammer prices.</param>
internal sealed record PricePercentiles(decimal P20, decimal P50, decimal P80);
