namespace RsSpot.Configuration;

/// <summary>A key of the file schema: the snake_case name written on save and the aliases accepted on input.</summary>
internal sealed record ConfigKey(string Name, params string[] Aliases)
{
    public IEnumerable<string> AllNames => Aliases.Prepend(Name);
}

/// <summary>
/// Every key of the configuration schema and its accepted aliases, in one place. The binder reads through these
/// definitions and the builder writes their <see cref="ConfigKey.Name"/>, so a field is declared exactly once.
/// </summary>
internal static class ConfigSchema
{
    public static class Top
    {
        public static readonly ConfigKey Version = new("version");
        public static readonly ConfigKey DefaultProfile = new("default_profile");
        public static readonly ConfigKey ActiveProfile = new("active_profile", "activeProfile");
        public static readonly ConfigKey StatePath = new("state_path");
        public static readonly ConfigKey Profiles = new("profiles");
        public static readonly ConfigKey Preferences = new("preferences");
        public static readonly ConfigKey Retry = new("retry");
        public static readonly ConfigKey Cache = new("cache");
    }

    public static class Profile
    {
        public static readonly ConfigKey Org = new("org", "organization");
        public static readonly ConfigKey OrgId = new("org_id", "orgId", "organization_id", "organizationId");
        public static readonly ConfigKey Region = new("region", "default_region");
        public static readonly ConfigKey ClientId = new("client_id", "clientId");
        public static readonly ConfigKey RefreshToken = new("refresh_token", "refreshToken");
        public static readonly ConfigKey AccessToken = new("access_token", "accessToken");
        public static readonly ConfigKey BaseUrl = new("base_url", "baseUrl");
        public static readonly ConfigKey OAuthUrl = new("oauth_url", "oauthUrl", "auth_url", "authUrl");
        public static readonly ConfigKey RequestTimeoutSeconds = new("request_timeout_seconds", "requestTimeoutSeconds");
        public static readonly ConfigKey VerifySsl = new("verify_ssl", "verifySsl");
        public static readonly ConfigKey MaxRetries = new("max_retries", "maxRetries");
        public static readonly ConfigKey RetryBackoffFactor = new("retry_backoff_factor", "retryBackoffFactor");

        /// <summary>Keys that, found at the top level of a file without <c>profiles</c>, mark the legacy flat schema.</summary>
        public static readonly IReadOnlySet<string> FlatKeys = new[]
        {
            Org, OrgId, Region, ClientId, RefreshToken, AccessToken, BaseUrl, OAuthUrl,
            RequestTimeoutSeconds, VerifySsl, MaxRetries, RetryBackoffFactor,
        }.SelectMany(key => key.AllNames).ToHashSet(StringComparer.Ordinal);
    }

    public static class Preferences
    {
        public static readonly ConfigKey DefaultProfile = new("default_profile");
        public static readonly ConfigKey DefaultOrg = new("default_org");
        public static readonly ConfigKey DefaultRegion = new("default_region");
        public static readonly ConfigKey ProfileOrgs = new("profile_orgs");
        public static readonly ConfigKey ProfileRegions = new("profile_regions");
    }

    public static class Retry
    {
        public static readonly ConfigKey MaxAttempts = new("max_attempts");
        public static readonly ConfigKey BaseDelay = new("base_delay");
        public static readonly ConfigKey MaxDelay = new("max_delay");
        public static readonly ConfigKey Jitter = new("jitter");
        public static readonly ConfigKey RetryStatuses = new("retry_statuses");
        public static readonly ConfigKey MaxRetryAfter = new("max_retry_after");
        public static readonly ConfigKey OverallTimeout = new("overall_timeout");
    }

    public static class Cache
    {
        public static readonly ConfigKey Enabled = new("enabled");
        public static readonly ConfigKey TtlDefaults = new("ttl_defaults");
        public static readonly ConfigKey DefaultTtl = new("default_ttl");
        public static readonly ConfigKey MaxEntries = new("max_entries");
        public static readonly ConfigKey Backend = new("backend");

        public static readonly IReadOnlyList<string> Backends = ["sqlite", "memory"];
    }
}
