namespace RsSpot.Pricing;

/// <summary>Decimal helpers shared by the pricing components: exact arithmetic, stable rounding, clean output.</summary>
internal static class Money
{
    /// <summary>Removes trailing zeros so that 0.010000 prints as 0.01 (the value is unchanged).</summary>
    public static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;

    /// <summary>Rounds half away from zero to <paramref name="decimals"/> places and drops trailing zeros.</summary>
    public static decimal Round(decimal value, int decimals) =>
        Normalize(Math.Round(value, decimals, MidpointRounding.AwayFromZero));

    /// <summary>Rounds up (towards positive infinity) to <paramref name="decimals"/> places.</summary>
    public static decimal CeilingTo(decimal value, int decimals)
    {
        var scale = Pow10(decimals);
        return Math.Ceiling(value * scale) / scale;
    }

    /// <summary>Savings of <paramref name="spot"/> against <paramref name="onDemand"/> in percent (2 dp), when defined.</summary>
    public static decimal? SavingsPercent(decimal? spot, decimal? onDemand) =>
        spot is { } s && onDemand is > 0m and var od ? Round((od - s) / od * 100m, 2) : null;

    private static decimal Pow10(int decimals)
    {
        var scale = 1m;
        for (var i = 0; i < decimals; i++)
        {
            scale *= 10m;
        }

        return scale;
    }
}
