namespace RsSpot.Internal;

/// <summary>Builds the shared core of a client from its options: resolves settings, then wires transport and caches.</summary>
internal static class SpotClientFactory
{
    public static SpotClientCore CreateCore(SpotClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = Resolve(options);
        return new SpotClientCore(settings, options.Transport, _ => null, options.TimeProvider, options.LoggerFactory, options.PollInterval);
    }

    /// <summary>Effective settings: explicit options first, then built-in defaults.</summary>
    internal static SpotSettings Resolve(SpotClientOptions options) => new()
    {
        Profile = options.Profile ?? SpotDefaults.ProfileName,
        Org = options.Org,
        OrgId = options.OrgId,
        Region = options.Region,
        ClientId = options.ClientId ?? SpotDefaults.ClientId,
        RefreshToken = options.RefreshToken,
        AccessToken = options.AccessToken,
        BaseUri = SpotSettings.BaseUriOf(options.BaseUrl ?? SpotDefaults.BaseUrl, "base URL"),
        OAuthUri = SpotSettings.BaseUriOf(options.OAuthUrl ?? SpotDefaults.OAuthUrl, "OAuth URL"),
        PriceFeedUri = SpotSettings.BaseUriOf(options.PriceFeedUrl ?? SpotDefaults.PriceFeedUrl, "price feed URL"),
        RequestTimeout = options.RequestTimeout ?? TimeSpan.FromSeconds(30),
        VerifySsl = options.VerifySsl ?? true,
        Retry = options.Retry?.Clone() ?? new RetryOptions(),
        Cache = options.Cache?.Clone() ?? new CacheOptions(),
        StatePath = options.StatePath,
        TokenStore = options.TokenStore,
    };
}
