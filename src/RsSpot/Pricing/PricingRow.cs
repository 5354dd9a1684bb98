using System.Globalization;
using System.Text.RegularExpressions;

namespace RsSpot.Pricing;

/// <summary>
/// A server class normalised for pricing: parsed numbers, class prefix and generation, on-demand comparison.
/// Unknown or unparsable values are <see langword="null"/>.
/// </summary>
public sealed partial class PricingRow
{
    /// <summary>Capacity weight of one vCPU (reference value).</summary>
    public const decimal CpuWeight = 1.0m;

    /// <summary>Capacity weight of one GB of memory (reference value).</summary>
    public const decimal MemoryWeight = 1.0m;

    /// <summary>Capacity bonus of generation-2 virtual servers (reference value).</summary>
    public const decimal Gen2Multiplier = 1.10m;

    // Every derived value is computed once here: the planner reads them in tight loops over large catalogues.
    private PricingRow(ServerClassOffer offer)
    {
        Offer = offer;
        ClassPrefix = ClassPrefixOf(offer.Name);
        RegionKey = offer.Region.Trim().ToLowerInvariant();
        var generation = GenerationPattern().Match(offer.Name);
        Generation = generation.Success ? int.Parse(generation.Groups[1].ValueSpan, provider: CultureInfo.InvariantCulture) : null;
        IsAvailable = string.IsNullOrWhiteSpace(offer.Availability) || offer.Availability.Trim().Equals("available", StringComparison.OrdinalIgnoreCase);
        Hourly = PriceParser.ParsePrice(offer.MarketPrice);
        Cpu = PriceParser.ParseCpu(offer.Cpu);
        MemoryGb = PriceParser.ParseMemoryGb(offer.Memory);
        MinBid = PriceParser.ParsePrice(offer.MinBidPrice);
        OnDemandHourly = PriceParser.ParsePrice(offer.OnDemandPrice);
        SavingsPercent = Money.SavingsPercent(Hourly, OnDemandHourly);
        Capacity = Cpu is { } cpu && MemoryGb is { } memory
            ? Money.Normalize(((cpu * CpuWeight) + (memory * MemoryWeight)) * (Generation == 2 ? Gen2Multiplier : 1m))
            : null;
        Value = Capacity is { } capacity && Hourly is > 0m and var hourly ? capacity / hourly : null;
    }

    /// <summary>The raw offer this row was normalised from.</summary>
    internal ServerClassOffer Offer { get; }

    /// <summary>Server class name.</summary>
    public string Name => Offer.Name;

    /// <summary>Region name as reported.</summary>
    public string Region => Offer.Region;

    /// <summary>Category as reported, e.g. <c>General Purpose</c>; empty when unknown.</summary>
    public string Category => Offer.Category;

    /// <summary>Human-readable name as reported; empty when unknown.</summary>
    public string DisplayName => Offer.DisplayName;

    /// <summary>Trimmed, lowercased region: what region filters and the one-region rule compare.</summary>
    internal string RegionKey { get; }

    /// <summary>Lowercased text before the first dot of the name (<c>gp</c>, <c>ch</c>, <c>mh</c>, ...).</summary>
    public string ClassPrefix { get; }

    /// <summary>Virtual-server generation (1 or 2) from <c>.vsN</c>; <see langword="null"/> for bare metal.</summary>
    public int? Generation { get; }

    /// <summary>True for virtual servers (rows with a generation).</summary>
    public bool IsVirtual => Generation is not null;

    /// <summary>True unless the offer reports an availability other than <c>available</c>.</summary>
    public bool IsAvailable { get; }

    /// <summary>Market price per node and hour.</summary>
    public decimal? Hourly { get; }

    /// <summary>vCPUs per node.</summary>
    public decimal? Cpu { get; }

    /// <summary>Memory per node in GB.</summary>
    public decimal? MemoryGb { get; }

    /// <summary>Minimum accepted bid per node and hour.</summary>
    public decimal? MinBid { get; }

    /// <summary>On-demand price per node and hour.</summary>
    public decimal? OnDemandHourly { get; }

    /// <summary>How much cheaper the market price is than on-demand, in percent.</summary>
    public decimal? SavingsPercent { get; }

    /// <summary>
    /// Capacity units per node: (cpu × <see cref="CpuWeight"/> + memory × <see cref="MemoryWeight"/>), times
    /// <see cref="Gen2Multiplier"/> for generation 2; <see langword="null"/> when cpu or memory is unknown.
    /// </summary>
    public decimal? Capacity { get; }

    /// <summary>Capacity per dollar and hour; <see langword="null"/> when capacity or a positive price is unknown.</summary>
    public decimal? Value { get; }

    /// <summary>Normalises one offer.</summary>
    /// <param name="offer">The raw offer.</param>
    /// <returns>The parsed row.</returns>
    internal static PricingRow FromOffer(ServerClassOffer offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        return new PricingRow(offer);
    }

    /// <summary>Normalises a catalogue, keeping its order.</summary>
    /// <param name="offers">The raw offers.</param>
    /// <returns>One row per offer.</returns>
    internal static IReadOnlyList<PricingRow> FromOffers(IEnumerable<ServerClassOffer> offers)
    {
        ArgumentNullException.ThrowIfNull(offers);
        return [.. offers.Select(FromOffer)];
    }

    /// <summary>The lowercased class prefix of a server class name (<c>gp.vs1.medium-dfw</c> → <c>gp</c>).</summary>
    /// <param name="serverClassName">A server class name.</param>
    /// <returns>The prefix.</returns>
    public static string ClassPrefixOf(string serverClassName)
    {
        ArgumentNullException.ThrowIfNull(serverClassName);
        var dot = serverClassName.IndexOf('.', StringComparison.Ordinal);
        return (dot < 0 ? serverClassName : serverClassName[..dot]).Trim().ToLowerInvariant();
    }

    // ".vsN" followed by '.', '-' or the end of the name; bare metal (".bmN") has no generation.
    [GeneratedRegex(@"\.vs(\d+)(?=[.\-]|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GenerationPattern();
}
