using RsSpot.Cli.Commands;

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
        ["for"] = ["ready", "fulfilled"],
        ["kind"] = ["auto", "spot", "ondemand"],
    };

    public static IReadOnlyList<string> ChoicesOf(string option) => Choices.GetValueOrDefault(option) ?? [];

    public static string? SourceOf(string option) => option switch
    {
        "region" or "regions" => Regions,
        "profile" => Profiles,
        _ => null,
    };

    /// <summary>The profiles of the configuration file (none when there is no file or it cannot be read).</summary>
    public static IEnumerable<string> ProfileNames(CliContext context)
    {
        try
        {
            return [.. context.Profiles(allowMissingFile: true).Load().Profiles.Keys];
        }
        catch (SpotException)
        {
            return [];
        }
    }

    /// <summary>
    /// Region names from a cached <c>regions list</c> response: the client's transport refuses every request, so a
    /// completion never waits on the network and offers nothing until a regions list has been cached.
    /// </summary>
    public static async Task<IEnumerable<string>> CachedRegionsAsync(CliContext context)
    {
        try
        {
            using var client = new SpotClient(new SpotClientOptions
            {
                Profile = context.Options.Profile,
                ConfigPath = context.Options.ConfigFile,
                Environment = context.ConfigEnvironment,
                Transport = new Offline(),
                Retry = new RetryOptions { MaxAttempts = 1 },
            });
            var regions = await client.Regions.ListAsync(context.CancellationToken).ConfigureAwait(false);
            return regions.Select(r => r.Name);
        }
        catch (SpotException)
        {
            return [];
        }
    }

    private sealed class Offline : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new HttpRequestException("completion works offline");
    }
}
