using System.Globalization;
using System.Text.RegularExpressions;
using RsSpot.Emulator.Catalog;
using RsSpot.Emulator.Routing;

namespace RsSpot.Emulator.Resources;

/// <summary>The server's bidPrice rules (spot-api.md §5.4), with the webhook's exact wording.</summary>
internal static partial class BidRules
{
    /// <summary>A bid as a decimal when it is a positive bare decimal with at most three places; null otherwise.</summary>
    public static decimal? Parse(string? bid) =>
        bid is not null && BareDecimal().IsMatch(bid) && decimal.Parse(bid, CultureInfo.InvariantCulture) is var value && value > 0
            ? value
            : null;

    public static EmulatorResponse? Validate(string webhook, string? bidText, ServerClassInfo serverClass, bool strictIncrement)
    {
        if (Parse(bidText) is not { } bid)
        {
            return Respond.Denied(webhook, "bidPrice can only be a positive number up to three decimal places");
        }

        var minimum = serverClass.MinBid ?? 0m;
        if (bid < minimum)
        {
            return Respond.Denied(webhook, string.Create(CultureInfo.InvariantCulture,
                $"BidPrice must be greater than or equal to the minimum bid price of {minimum:F6}, but got {bid:F6}"));
        }

        return strictIncrement && bid * 1000 % 5 != 0
            ? Respond.Denied(webhook, string.Create(CultureInfo.InvariantCulture, $"bidPrice must be a multiple of 0.005, but got {bid:0.000}"))
            : null;
    }

    [GeneratedRegex(@"^\d+(\.\d{1,3})?$")]
    private static partial Regex BareDecimal();
}
