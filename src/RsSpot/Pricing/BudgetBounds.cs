namespace RsSpot.Pricing;

/// <summary>
/// The optional, inclusive cluster budget. Monthly cost is hourly × month hours, so both bounds together
/// describe one interval of acceptable hourly totals; checks multiply instead of divide to stay exact.
/// </summary>
internal readonly record struct BudgetBounds(decimal? MinHourly, decimal? MaxHourly, decimal? MinMonthly, decimal? MaxMonthly, int MonthHours)
{
    public static BudgetBounds From(PlanRequest request) =>
        new(request.MinHourly, request.MaxHourly, request.MinMonthly, request.MaxMonthly, request.MonthHours);

    /// <summary>True when a cluster costing <paramref name="hourlyTotal"/> per hour is within every bound.</summary>
    public bool Allows(decimal hourlyTotal) => Overlaps(hourlyTotal, hourlyTotal);

    /// <summary>True when some hourly total in [<paramref name="low"/>, <paramref name="high"/>] could be within every bound.</summary>
    public bool Overlaps(decimal low, decimal high) =>
        !(high < MinHourly) && !(low > MaxHourly)
        && (MinMonthly is not { } minMonthly || high * MonthHours >= minMonthly)
        && (MaxMonthly is not { } maxMonthly || low * MonthHours <= maxMonthly);
}
