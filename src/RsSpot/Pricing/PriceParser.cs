using System.Globalization;

namespace RsSpot.Pricing;

/// <summary>Parses the loosely formatted price, cpu and memory strings of the Spot catalogue into decimals.</summary>
internal static class PriceParser
{
    private const NumberStyles NumberStyle = NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite;

    // Spot's catalogue counts memory in binary multiples (its "1TB" is 1024 GB), so the Kubernetes
    // binary suffixes (Gi, Ti, Mi) denote the same units as GB, TB and MB here.
    private static readonly (string Suffix, decimal GbFactor)[] MemoryUnits =
    [
        ("tib", 1024m), ("tb", 1024m), ("ti", 1024m), ("t", 1024m),
        ("gib", 1m), ("gb", 1m), ("gi", 1m), ("g", 1m),
        ("mib", 1m / 1024m), ("mb", 1m / 1024m), ("mi", 1m / 1024m), ("m", 1m / 1024m),
    ];

    /// <summary>Parses a USD amount such as <c>$0.123000</c>, <c>0.01</c> or <c>$1,200.50</c>.</summary>
    /// <param name="text">The amount; a leading <c>$</c> and thousands separators are allowed.</param>
    /// <returns>The amount without trailing zeros, or <see langword="null"/> when empty or not a number.</returns>
    public static decimal? ParsePrice(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var cleaned = text.Replace("$", string.Empty, StringComparison.Ordinal).Replace(",", string.Empty, StringComparison.Ordinal);
        return decimal.TryParse(cleaned, NumberStyle, CultureInfo.InvariantCulture, out var value) ? Money.Normalize(value) : null;
    }

    /// <summary>Parses a vCPU count such as <c>2</c>, <c>0.5</c> or <c>4 vCPU</c>.</summary>
    /// <param name="text">The count as reported.</param>
    /// <returns>The count, or <see langword="null"/> when it is not a number.</returns>
    public static decimal? ParseCpu(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        if (trimmed.EndsWith("vcpu", StringComparison.OrdinalIgnoreCase))
        {
            trimmed = trimmed[..^4];
        }

        return decimal.TryParse(trimmed, NumberStyle, CultureInfo.InvariantCulture, out var value) ? Money.Normalize(value) : null;
    }

    /// <summary>
    /// Parses a memory size into GB: <c>7.5GB</c> → 7.5, <c>1TB</c> → 1024, <c>16Gi</c> → 16, <c>512MB</c> → 0.5.
    /// A bare number is taken as GB.
    /// </summary>
    /// <param name="text">The size as reported.</param>
    /// <returns>The size in GB, or <see langword="null"/> when it cannot be parsed.</returns>
    public static decimal? ParseMemoryGb(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        var factor = 1m;
        foreach (var (suffix, gbFactor) in MemoryUnits)
        {
            if (trimmed.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                trimmed = trimmed[..^suffix.Length];
                factor = gbFactor;
                break;
            }
        }

        return decimal.TryParse(trimmed, NumberStyle, CultureInfo.InvariantCulture, out var value) ? Money.Normalize(value * factor) : null;
    }
}
