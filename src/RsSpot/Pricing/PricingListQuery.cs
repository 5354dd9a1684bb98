namespace RsSpot.Pricing;

/// <summary>Sort orders of <see cref="PricingList"/>; every order ends with the class name for stability.</summary>
public enum PricingSort
{
    /// <summary>Hourly price ascending (unknown last), then vCPU descending.</summary>
    Price,

    /// <summary>vCPU descending (unknown last), then price ascending.</summary>
    Cpu,

    /// <summary>Memory descending (unknown last), then price ascending.</summary>
    Memory,

    /// <summary>Capacity per dollar descending (unknown last), then price ascending.</summary>
    Value,
}

/// <summary>Filters and display options of <c>pricing list</c>. All filters are optional.</summary>
public sealed record PricingListQuery
{
    /// <summary>Regions to keep (case-insensitive); empty keeps every region.</summary>
    public IReadOnlyCollection<string> Regions { get; init; } = [];

    /// <summary>Class prefixes to keep (<c>gp</c>, <c>ch</c>, ...; case-insensitive); empty keeps every class.</summary>
    public IReadOnlyCollection<string> Classes { get; init; } = [];

    /// <summary>Minimum vCPUs per node (inclusive); rows with unknown cpu are dropped when set.</summary>
    public decimal? MinCpu { get; init; }

    /// <summary>Maximum vCPUs per node (inclusive); rows with unknown cpu are dropped when set.</summary>
    public decimal? MaxCpu { get; init; }

    /// <summary>Minimum memory per node in GB (inclusive); rows with unknown memory are dropped when set.</summary>
    public decimal? MinMemoryGb { get; init; }

    /// <summary>Virtual-server generation to keep; bare metal has no generation and is dropped when set.</summary>
    public int? Generation { get; init; }

    /// <summary>Node count the totals are shown for (at least 1).</summary>
    public int Nodes { get; init; } = 1;

    /// <summary>Row order.</summary>
    public PricingSort Sort { get; init; } = PricingSort.Price;

    /// <summary>Keep classes that are not currently available.</summary>
    public bool IncludeUnavailable { get; init; }

    /// <summary>Hours in a billing month.</summary>
    public int MonthHours { get; init; } = SpotDefaults.MonthHours;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Nodes, 1, nameof(Nodes));
        ArgumentOutOfRangeException.ThrowIfLessThan(MonthHours, 1, nameof(MonthHours));
        if (MinCpu > MaxCpu)
        {
            throw new ArgumentException($"Minimum cpu ({MinCpu}) is greater than maximum cpu ({MaxCpu}).", nameof(MinCpu));
        }
    }
}
