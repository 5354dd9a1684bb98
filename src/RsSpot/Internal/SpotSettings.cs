using RsSpot.Auth;

namespace RsSpot.Internal;

/// <summary>The effective values a client runs with, after every source has been consulted.</summary>
internal sealed record SpotSettings
{
    public required string Profile { get; init; }

    public string? Org { get; init; }

    public string? OrgId { get; init; }

    public string? Region { get; init; }

    public required string ClientId { get; init; }

    public string? RefreshToken { get; init; }

    public string? AccessToken { get; init; }

    public required Uri BaseUri { get; init; }

    public required Uri OAuthUri { get; init; }

    public required Uri PriceFeedUri { get; init; }

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public bool VerifySsl { get; init; } = true;

    public required RetryOptions Retry { get; init; }

    public required CacheOptions Cache { get; init; }

    public string? StatePath { get; init; }

    public ISpotTokenStore? TokenStore { get; init; }

    /// <summary>Makes a base URI end with '/' so relative operation paths append instead of replacing the last segment.</summary>
    public static Uri BaseUriOf(string url, string what)
    {
        if (!Uri.TryCreate(url.EndsWith('/') ? url : url + "/", UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new SpotConfigurationException($"{what} '{url}' is not an absolute http(s) URL");
        }

        return uri;
    }
}
