namespace RsSpot.Cli.Infrastructure;

/// <summary>
/// Values that shell completion offers for an option: a fixed set known here (<c>--risk</c>, <c>--cni</c>, ...) or a
/// source read at completion time by <c>rsspot completion values SOURCE</c> (profile names from the configuration,
/// region names from the response cache, never the network).
/// </summary>
internal static class CompletionValues
{
    public const string Profiles = "profiles";

    public const string Regions = "regions";

    private static readonly Dictionary<string, string[]> Choices = new(StringComparer.Ordinal)
    {
        ["risk"] = ["low", "med", "high"],
        ["cni"] = ["calico", "cilium", "byocni"],
        ["method"] = ["GET", "POST", "PUT", "PATCH", "DELETE"],
        ["strategy"] = ["max_performance", "max_value", "balanced"],
        ["gen"] = ["1", "2"],
    };

    public static IReadOnlyList<string> ChoicesOf(string option) => Choices.GetValueOrDefault(option) ?? [];

    public static string? SourceOf(string option) => option switch
    {
        "region" or "regions" => Regions,
        "profile" => Profiles,
        _ => null,
    };
}
