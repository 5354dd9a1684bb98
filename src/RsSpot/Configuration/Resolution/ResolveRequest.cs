namespace RsSpot.Configuration;

/// <summary>Values given explicitly by the caller (constructor arguments or CLI flags); they outrank every other source.</summary>
public sealed class ResolveRequest
{
    /// <summary>Profile name (CLI <c>-p</c>). A named profile that does not exist is an error.</summary>
    public string? Profile { get; init; }

    /// <summary>Organization name.</summary>
    public string? Org { get; init; }

    /// <summary>Organization id.</summary>
    public string? OrgId { get; init; }

    /// <summary>Region.</summary>
    public string? Region { get; init; }

    /// <summary>OAuth client id.</summary>
    public string? ClientId { get; init; }

    /// <summary>Refresh token.</summary>
    public string? RefreshToken { get; init; }

    /// <summary>Seed id token.</summary>
    public string? AccessToken { get; init; }

    /// <summary>API endpoint.</summary>
    public string? BaseUrl { get; init; }

    /// <summary>Identity provider.</summary>
    public string? OAuthUrl { get; init; }

    /// <summary>Per-request timeout.</summary>
    public TimeSpan? RequestTimeout { get; init; }

    /// <summary>TLS verification.</summary>
    public bool? VerifySsl { get; init; }

    /// <summary>Legacy retry count; applied over <see cref="Retry"/> (attempts = value + 1).</summary>
    public int? MaxRetries { get; init; }

    /// <summary>Legacy backoff factor in seconds; applied over <see cref="Retry"/>.</summary>
    public double? RetryBackoffFactor { get; init; }

    /// <summary>Complete retry options, replacing every configured retry setting.</summary>
    public RetryOptions? Retry { get; init; }

    /// <summary>Complete cache options, replacing every configured cache setting.</summary>
    public CacheOptions? Cache { get; init; }

    /// <summary>state.db location (relative paths are taken from the working directory).</summary>
    public string? StatePath { get; init; }
}
