namespace RsSpot.Models;

/// <summary>Result of one auction.</summary>
/// <param name="RunAt">When the auction ran.</param>
/// <param name="HammerPrice">Clearing price in USD per hour.</param>
public sealed record PricePoint(DateTimeOffset RunAt, decimal HammerPrice);

/// <summary>30-day price statistics of one class (public percentiles feed).</summary>
public sealed record ClassPercentiles
{
    /// <summary>Region.</summary>
    public required string Region { get; init; }

    /// <summary>Region generation (v1/v2).</summary>
    public string? Generation { get; init; }

    /// <summary>Server class.</summary>
    public required string ServerClass { get; init; }

    /// <summary>Display name.</summary>
    public string? DisplayName { get; init; }

    /// <summary>Category.</summary>
    public string? Category { get; init; }

    /// <summary>vCPU count as sent.</summary>
    public string? Cpu { get; init; }

    /// <summary>Memory as sent.</summary>
    public string? Memory { get; init; }

    /// <summary>Current market price.</summary>
    public decimal? MarketPrice { get; init; }

    /// <summary>20th percentile of the hammer price.</summary>
    public decimal? P20 { get; init; }

    /// <summary>Median hammer price.</summary>
    public decimal? P50 { get; init; }

    /// <summary>80th percentile of the hammer price.</summary>
    public decimal? P80 { get; init; }
}

/// <summary>Hyperscaler comparison of one class (public comparable-prices feed).</summary>
public sealed record ClassComparison
{
    /// <summary>Region.</summary>
    public required string Region { get; init; }

    /// <summary>Server class.</summary>
    public required string ServerClass { get; init; }

    /// <summary>Average hyperscaler spot price.</summary>
    public decimal? HyperscalerAveragePrice { get; init; }

    /// <summary>Individual comparisons.</summary>
    public IReadOnlyList<ComparableInstance> Comparables { get; init; } = [];
}

/// <summary>A comparable instance at another cloud.</summary>
/// <param name="Cloud">Cloud name, e.g. aws.</param>
/// <param name="InstanceType">Instance type.</param>
/// <param name="Price">USD per hour.</param>
public sealed record ComparableInstance(string? Cloud, string? InstanceType, decimal? Price);
