namespace RsSpot.Models;

/// <summary>A server class in one region, with its hardware and current prices (USD per hour per server).</summary>
public sealed record ServerClass
{
    /// <summary>Class name, e.g. <c>gp.vs1.medium-dfw</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Region the class lives in.</summary>
    public required string Region { get; init; }

    /// <summary>Name for display.</summary>
    public string? DisplayName { get; init; }

    /// <summary>Family for display, e.g. General Purpose.</summary>
    public string? Category { get; init; }

    /// <summary>available, unavailable or deprecated.</summary>
    public string? Availability { get; init; }

    /// <summary>Virtual machine or bare metal, as the server names it.</summary>
    public string? FlavorType { get; init; }

    /// <summary>vCPU count as sent (e.g. "2").</summary>
    public string? Cpu { get; init; }

    /// <summary>Memory as sent (e.g. "3.75GB").</summary>
    public string? Memory { get; init; }

    /// <summary>GPU description, when the class has GPUs.</summary>
    public string? Gpu { get; init; }

    /// <summary>Local disk, when advertised.</summary>
    public string? Disk { get; init; }

    /// <summary>Lowest accepted bid (reserve price); null when the server leaves it empty.</summary>
    public decimal? MinBidPricePerHour { get; init; }

    /// <summary>Current market (cut-off) price.</summary>
    public decimal? MarketPricePerHour { get; init; }

    /// <summary>Price billed since the last auction.</summary>
    public decimal? HammerPricePerHour { get; init; }

    /// <summary>Fixed on-demand price.</summary>
    public decimal? OnDemandPricePerHour { get; init; }

    /// <summary>Total servers of the class.</summary>
    public int? Capacity { get; init; }

    /// <summary>Servers free for bidding.</summary>
    public int? Available { get; init; }

    /// <summary>Servers currently held.</summary>
    public int? Reserved { get; init; }

    /// <summary>When the last auction ran.</summary>
    public DateTimeOffset? LastAuction { get; init; }

    /// <summary>True when the class can be bid on now.</summary>
    public bool IsAvailable => string.Equals(Availability, "available", StringComparison.OrdinalIgnoreCase);
}
