using System.Globalization;
using System.Text.RegularExpressions;

namespace RsSpot.Models;

/// <summary>
/// The Spot bid format: a positive bare decimal with at most three decimal places (e.g. <c>0.005</c>), checked
/// here before sending so users get the error without a round trip.
/// </summary>
internal static partial class BidPrice
{
    /// <summary>Validates a bid and returns it in wire form; a leading <c>$</c> and surrounding spaces are removed.</summary>
    /// <exception cref="SpotValidationException">The bid is not a positive decimal with at most three places.</exception>
    public static string Normalize(string bid)
    {
        ArgumentNullException.ThrowIfNull(bid);
        var text = bid.Trim().TrimStart('$').Trim();
        if (!BareDecimal().IsMatch(text) || decimal.Parse(text, CultureInfo.InvariantCulture) <= 0)
        {
            throw new SpotValidationException($"invalid bid price '{bid}': use a positive number with at most three decimal places, e.g. 0.005");
        }

        return text;
    }

    /// <summary>Formats an amount as a bid, rounding up to three decimal places so it never falls below the amount.</summary>
    public static string Format(decimal amount)
    {
        var rounded = Math.Ceiling(amount * 1000m) / 1000m;
        return rounded.ToString("0.000", CultureInfo.InvariantCulture);
    }

    /// <summary>Parses a bid in wire form.</summary>
    public static decimal Parse(string bid) => decimal.Parse(Normalize(bid), CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\d+(\.\d{1,3})?$")]
    private static partial Regex BareDecimal();
}
