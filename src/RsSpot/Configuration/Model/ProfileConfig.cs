namespace RsSpot.Configuration;

/// <summary>
/// One named profile: credentials and selectors for an account. Every field is optional; unset fields fall back
/// to environment variables, preferences, top-level defaults and finally <see cref="SpotDefaults"/> when settings
/// are resolved (see <see cref="ConfigResolver"/>).
/// </summary>
public sealed class ProfileConfig
{
    /// <summary>Organization name (<c>org</c>; input alias <c>organization</c>).</summary>
    public string? Org { get; set; }

    /// <summary>Organization id (<c>org_id</c>; aliases <c>orgId</c>, <c>organization_id</c>, <c>organizationId</c>).</summary>
    public string? OrgId { get; set; }

    /// <summary>Region (<c>region</c>; alias <c>default_region</c>).</summary>
    public string? Region { get; set; }

    /// <summary>OAuth client id (<c>client_id</c>; alias <c>clientId</c>). Defaults to <see cref="SpotDefaults.ClientId"/>.</summary>
    public string? ClientId { get; set; }

    /// <summary>Refresh token (<c>refresh_token</c>; alias <c>refreshToken</c>). A secret: stored for real, never printed.</summary>
    public string? RefreshToken { get; set; }

    /// <summary>Seed id token (<c>access_token</c>; alias <c>accessToken</c>). A secret: stored for real, never printed.</summary>
    public string? AccessToken { get; set; }

    /// <summary>API endpoint (<c>base_url</c>; alias <c>baseUrl</c>). Defaults to <see cref="SpotDefaults.BaseUrl"/>.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Identity provider (<c>oauth_url</c>; aliases <c>oauthUrl</c>, <c>auth_url</c>, <c>authUrl</c>). Defaults to <see cref="SpotDefaults.OAuthUrl"/>.</summary>
    public string? OAuthUrl { get; set; }

    /// <summary>Per-request timeout in seconds (<c>request_timeout_seconds</c>; alias <c>requestTimeoutSeconds</c>). Defaults to 30.</summary>
    public double? RequestTimeoutSeconds { get; set; }

    /// <summary>Whether TLS certificates are verified (<c>verify_ssl</c>; alias <c>verifySsl</c>). Defaults to true.</summary>
    public bool? VerifySsl { get; set; }

    /// <summary>
    /// Legacy retry knob (<c>max_retries</c>; alias <c>maxRetries</c>): retries after the first attempt.
    /// Used as a fallback below this profile's <see cref="Retry"/> block: max_attempts = max_retries + 1.
    /// </summary>
    public int? MaxRetries { get; set; }

    /// <summary>
    /// Legacy retry knob (<c>retry_backoff_factor</c>; alias <c>retryBackoffFactor</c>): seconds before the first retry.
    /// Used as a fallback below this profile's <see cref="Retry"/> block: base_delay = factor, max_delay = max(2.5, 16 × factor).
    /// </summary>
    public double? RetryBackoffFactor { get; set; }

    /// <summary>Retry settings of this profile, merged field by field over the top-level block.</summary>
    public RetryConfig? Retry { get; set; }

    /// <summary>Cache settings of this profile, merged field by field over the top-level block.</summary>
    public CacheConfig? Cache { get; set; }

    /// <summary>Profile keys this version does not know; preserved verbatim on save.</summary>
    public IDictionary<string, object?> ExtraKeys { get; set; } = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
}
