using System.Globalization;
using RsSpot.Cli.Infrastructure;
using RsSpot.Pricing;

namespace RsSpot.Cli.Commands;

/// <summary>
/// Checks and parses the flags of the pricing commands, naming the offending flag in a one-line usage error
/// (exit 2) before anything is fetched.
/// </summary>
internal static class PricingFlags
{
    public static int AtLeastOne(int value, string flag) =>
        value >= 1 ? value : throw new UsageException($"{flag} must be at least 1, got {value.ToString(CultureInfo.InvariantCulture)}");

    public static void NotNegative(decimal? value, string flag)
    {
        if (value < 0m)
        {
            throw new UsageException($"{flag} must not be negative, got {Text(value)}");
        }
    }

    /// <summary>A pair of optional bounds: neither negative, and the minimum not above the maximum.</summary>
    public static void Range(decimal? min, decimal? max, string minFlag, string maxFlag)
    {
        NotNegative(min, minFlag);
        NotNegative(max, maxFlag);
        if (min > max)
        {
            throw new UsageException($"{minFlag} {Text(min)} is greater than {maxFlag} {Text(max)}");
        }
    }

    public static int? Generation(int? gen) =>
        gen is null or 1 or 2 ? gen : throw new UsageException($"invalid --gen {gen.Value.ToString(CultureInfo.InvariantCulture)}: use 1 or 2");

    public static PlanRisk Risk(string risk) => risk.Trim().ToLowerInvariant() switch
    {
        "low" => PlanRisk.Low,
        "med" or "medium" => PlanRisk.Med,
        "high" => PlanRisk.High,
        _ => throw new UsageException($"invalid --risk '{risk}': use low, med or high"),
    };

    public static PricingSort Sort(string sort) => sort.Trim().ToLowerInvariant() switch
    {
        "price" => PricingSort.Price,
        "cpu" => PricingSort.Cpu,
        "memory" => PricingSort.Memory,
        "value" => PricingSort.Value,
        _ => throw new UsageException($"invalid --sort '{sort}': use price, cpu, memory or value"),
    };

    /// <summary>A strategy by its printed name; kebab-case is accepted too (<c>max-value</c>).</summary>
    public static PlanStrategy Strategy(string strategy)
    {
        var name = strategy.Trim().ToLowerInvariant().Replace('-', '_');
        foreach (var candidate in Enum.GetValues<PlanStrategy>())
        {
            if (PricingPlanner.NameOf(candidate) == name)
            {
                return candidate;
            }
        }

        throw new UsageException($"invalid --strategy '{strategy}': use max_performance, max_value or balanced");
    }

    public static bool Balanced(bool balanced, bool single) =>
        balanced && single ? throw new UsageException("use either --balanced or --single, not both") : balanced;

    private static string Text(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
}
