namespace RsSpot.Configuration;

/// <summary>
/// Environment variables read during resolution, each list in precedence order (names match case-insensitively).
/// The config file variables are in <see cref="ConfigPaths.ConfigFileVariables"/>.
/// </summary>
public static class SpotEnvironmentVariables
{
    /// <summary>Profile name.</summary>
    public static IReadOnlyList<string> Profile { get; } = ["RSSPOT_PROFILE", "SPOT_PROFILE"];

    /// <summary>Organization name.</summary>
    public static IReadOnlyList<string> Org { get; } = ["RSSPOT_ORG", "RACKSPACE_ORG", "SPOT_ORG"];

    /// <summary>Organization id.</summary>
    public static IReadOnlyList<string> OrgId { get; } = ["RSSPOT_ORG_ID", "RSSPOT_ORGID", "RACKSPACE_ORG_ID", "SPOT_ORG_ID"];

    /// <summary>Region.</summary>
    public static IReadOnlyList<string> Region { get; } = ["RSSPOT_REGION", "RACKSPACE_REGION", "SPOT_REGION"];

    /// <summary>OAuth client id.</summary>
    public static IReadOnlyList<string> ClientId { get; } = ["RSSPOT_CLIENT_ID", "RACKSPACE_CLIENT_ID", "RXTSPOT_CLIENT_ID"];

    /// <summary>Refresh token.</summary>
    public static IReadOnlyList<string> RefreshToken { get; } = ["RSSPOT_REFRESH_TOKEN", "RACKSPACE_REFRESH_TOKEN", "SPOT_REFRESH_TOKEN"];

    /// <summary>Seed id token.</summary>
    public static IReadOnlyList<string> AccessToken { get; } = ["RSSPOT_ACCESS_TOKEN", "RACKSPACE_ACCESS_TOKEN", "SPOT_ACCESS_TOKEN"];

    /// <summary>API endpoint.</summary>
    public static IReadOnlyList<string> BaseUrl { get; } = ["RSSPOT_BASE_URL", "RACKSPACE_BASE_URL", "SPOT_BASE_URL"];

    /// <summary>Identity provider.</summary>
    public static IReadOnlyList<string> OAuthUrl { get; } = ["RSSPOT_OAUTH_URL", "RACKSPACE_OAUTH_URL", "SPOT_AUTH_URL"];

    /// <summary>Request timeout in seconds.</summary>
    public static IReadOnlyList<string> RequestTimeout { get; } = ["RSSPOT_REQUEST_TIMEOUT_SECONDS", "SPOT_REQUEST_TIMEOUT"];

    /// <summary>TLS verification (true/false/yes/no/1/0).</summary>
    public static IReadOnlyList<string> VerifySsl { get; } = ["RSSPOT_VERIFY_SSL", "SPOT_VERIFY_SSL"];

    /// <summary>Legacy retry count (attempts = value + 1).</summary>
    public static IReadOnlyList<string> MaxRetries { get; } = ["RSSPOT_MAX_RETRIES", "SPOT_MAX_RETRIES"];

    /// <summary>Legacy backoff factor in seconds.</summary>
    public static IReadOnlyList<string> RetryBackoffFactor { get; } = ["RSSPOT_RETRY_BACKOFF_FACTOR", "SPOT_RETRY_BACKOFF_FACTOR"];
}
