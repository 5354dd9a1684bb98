namespace RsSpot.Pricing;

/// <summary>The <c>pricing list</c> explorer: filters, sorts and prices normalised rows for N nodes.</summary>
internal static class PricingList
{
    /// <summary>Applies <paramref name="query"/> to <paramref name="rows"/>.</summary>
    /// <param name="rows">Normalised catalogue rows (see <see cref="PricingRow.FromOffers"/>).</param>
    /// <param name="query">Filters, node count, sort order.</param>
    /// <returns>The matching rows with per-node and N-node prices, in the requested order.</returns>
    /// <exception cref="ArgumentException">The query is inconsistent (e.g. min cpu above max cpu).</exception>
    public static IReadOnlyList<PricingListItem> Query(IEnumerable<PricingRow> rows, PricingListQuery query)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();

        var regions = TokenSet.From(query.Regions);
        var classes = TokenSet.From(query.Classes);
        return rows
            .Where(row => query.IncludeUnavailable || row.IsAvailable)
            .Where(row => regions.Count == 0 || regions.Contains(row.RegionKey))
            .Where(row => classes.Count == 0 || classes.Contains(row.ClassPrefix))
            .Where(row => query.Generation is null || row.Generation == query.Generation)
            .Where(row => query.MinCpu is null || row.Cpu >= query.MinCpu)
            .Where(row => query.MaxCpu is null || row.Cpu <= query.MaxCpu)
            .Where(row => query.MinMemoryGb is null || row.MemoryGb >= query.MinMemoryGb)
            .Select(row => new PricingListItem(row, query.Nodes, query.MonthHours))
            .Order(Comparer(query.Sort))
            .ToList();
    }

    private static Comparer<PricingListItem> Comparer(PricingSort sort) => sort switch
    {
        PricingSort.Cpu => Compare(item => item.Row.Cpu, descending: true),
        PricingSort.Memory => Compare(item => item.Row.MemoryGb, descending: true),
        PricingSort.Value => Compare(item => item.Row.Value, descending: true),
        _ => Comparer<PricingListItem>.Create((a, b) =>
        {
            var byPrice = CompareNullsLast(a.Row.Hourly, b.Row.Hourly, descending: false);
            var byCpu = byPrice != 0 ? byPrice : CompareNullsLast(a.Row.Cpu, b.Row.Cpu, descending: true);
            return byCpu != 0 ? byCpu : string.CompareOrdinal(a.Row.Name, b.Row.Name);
        }),
    };

    // Primary key first, then the cheaper class, then the name.
    private static Comparer<PricingListItem> Compare(Func<PricingListItem, decimal?> key, bool descending) =>
        Comparer<PricingListItem>.Create((a, b) =>
        {
            var byKey = CompareNullsLast(key(a), key(b), descending);
            var byPrice = byKey != 0 ? byKey : CompareNullsLast(a.Row.Hourly, b.Row.Hourly, descending: false);
            return byPrice != 0 ? byPrice : string.CompareOrdinal(a.Row.Name, b.Row.Name);
        });

    private static int CompareNullsLast(decimal? a, decimal? b, bool descending) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => 1,
        (_, null) => -1,
        ({ } x, { } y) => descending ? y.CompareTo(x) : x.CompareTo(y),
    };
}

/// <summary>One row of <c>pricing list</c> with its prices for one node and for N nodes.</summary>
public sealed record PricingListItem
{
    /// <summary>Prices <paramref name="row"/> for <paramref name="nodes"/> nodes.</summary>
    /// <param name="row">The normalised row.</param>
    /// <param name="nodes">Node count.</param>
    /// <param name="monthHours">Hours in a billing month.</param>
    public PricingListItem(PricingRow row, int nodes, int monthHours)
    {
        ArgumentNullException.ThrowIfNull(row);
        Row = row;
        Nodes = nodes;
        MonthHours = monthHours;
        HourlyPerNode = row.Hourly;
        MonthlyPerNode = row.Hourly * monthHours;
        HourlyForNodes = row.Hourly * nodes;
        MonthlyForNodes = row.Hourly * monthHours * nodes;
        OnDemandHourlyForNodes = row.OnDemandHourly * nodes;
    }

    /// <summary>The normalised row.</summary>
    public PricingRow Row { get; }

    /// <summary>Node count the totals are computed for.</summary>
    public int Nodes { get; }

    /// <summary>Hours in a billing month used for the monthly figures.</summary>
    public int MonthHours { get; }

    /// <summary>Market price of one node per hour.</summary>
    public decimal? HourlyPerNode { get; }

    /// <summary>Market price of one node per month.</summary>
    public decimal? MonthlyPerNode { get; }

    /// <summary>Market price of N nodes per hour.</summary>
    public decimal? HourlyForNodes { get; }

    /// <summary>Market price of N nodes per month.</summary>
    public decimal? MonthlyForNodes { get; }

    /// <summary>On-demand price of N nodes per hour.</summary>
    public decimal? OnDemandHourlyForNodes { get; }
}
