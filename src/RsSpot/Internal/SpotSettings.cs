using RsSpot.Auth;
using RsSpot.Configuration;

namespace RsSpot.Internal;

/// <summary>
/// What a client runs with: the resolved configuration plus what the client derives from it (absolute base URIs,
/// the credentials actually used — the sandbox swaps in its own — and the token store). Values that need no
/// derivation are read straight from <see cref="Resolved"/> rather than copied.
/// </summary>
internal sealed record SpotSettings
{
    public required ResolvedSettings Resolved { get; init; }

    public string Profile => Resolved.ProfileName;

    public string? Org => Resolved.Org;

    public string? OrgId => Resolved.OrgId;

    public string? Region => Resolved.Region;

    public string ClientId => Resolved.ClientId!;

    public TimeSpan RequestTimeout => Resolved.RequestTimeout;

    public bool VerifySsl => Resolved.VerifySsl ?? true;

    /// <summary>Read-only mode: every call that would change something is refused before it is sent.</summary>
    public bool ReadOnly => Resolved.ReadOnly ?? false;

    /// <summary>What turned read-only mode on (a <see cref="ResolvedSettings.Sources"/> label), for the refusal.</summary>
    public string? ReadOnlySource => Resolved.Sources.GetValueOrDefault(Http.ReadOnlyGuard.SettingKey);

    /// <summary>The resolved retry policy, or a copy of it with the caller's overall deadline.</summary>
    public required RetryOptions Retry { get; init; }

    public CacheOptions Cache => Resolved.Cache;

    public string? RefreshToken { get; init; }

    public string? AccessToken { get; init; }

    public required Uri BaseUri { get; init; }

    public required Uri OAuthUri { get; init; }

    public required Uri PriceFeedUri { get; init; }

    public ISpotTokenStore? TokenStore { get; init; }

    /// <summary>True when requests go to the built-in emulator (with its own credentials).</summary>
    public bool IsSandbox { get; init; }

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
