using System.Globalization;

namespace RsSpot.Pricing;

/// <summary>Display formats of the pricing tables (invariant culture; <c>-</c> for unknown values).</summary>
internal static class PricingFormat
{
    /// <summary>Placeholder for an unknown value.</summary>
    public const string Unknown = "-";

    /// <summary>An hourly amount: <c>$</c> and 6 decimals (<c>$0.010000</c>).</summary>
    /// <param name="amount">The amount.</param>
    /// <returns>The text.</returns>
    public static string Hourly(decimal? amount) => amount is { } a ? "$" + a.ToString("0.000000", CultureInfo.InvariantCulture) : Unknown;

    /// <summary>A monthly amount: <c>$</c> and 2 decimals (<c>$7.30</c>).</summary>
    /// <param name="amount">The amount.</param>
    /// <returns>The text.</returns>
    public static string Monthly(decimal? amount) => amount is { } a ? "$" + a.ToString("#,0.00", CultureInfo.InvariantCulture) : Unknown;

    /// <summary>A quantity (vCPU, GB): an integer when whole, otherwise up to 2 decimals.</summary>
    /// <param name="quantity">The quantity.</param>
    /// <returns>The text.</returns>
    public static string Quantity(decimal? quantity) => quantity is { } q ? q.ToString("0.##", CultureInfo.InvariantCulture) : Unknown;

    /// <summary>A percentage with one decimal (<c>95.7%</c>).</summary>
    /// <param name="percent">The percentage.</param>
    /// <returns>The text.</returns>
    public static string Percent(decimal? percent) => percent is { } p ? p.ToString("0.0", CultureInfo.InvariantCulture) + "%" : Unknown;

    /// <summary>A score with 4 decimals.</summary>
    /// <param name="score">The score.</param>
    /// <returns>The text.</returns>
    public static string Score(decimal score) => score.ToString("0.0000", CultureInfo.InvariantCulture);

    /// <summary>A generation or <c>-</c> for bare metal.</summary>
    /// <param name="generation">The generation.</param>
    /// <returns>The text.</returns>
    public static string Generation(int? generation) => generation?.ToString(CultureInfo.InvariantCulture) ?? Unknown;
}
