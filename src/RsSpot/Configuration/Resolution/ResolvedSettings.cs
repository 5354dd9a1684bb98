using System.Globalization;

namespace RsSpot.Configuration;

/// <summary>
/// Every effective setting after resolution, and where each came from (<see cref="Sources"/>). Secrets are plain
/// properties for the client to use; <see cref="Describe"/> is the redacted view for display.
/// </summary>
public sealed class ResolvedSettings
{
    /// <summary>Field names used as keys of <see cref="Sources"/> and <see cref="Describe"/>.</summary>
    public static class Fields
    {
        /// <summary>Profile name.</summary>
        public const string Profile = "profile";

        /// <summary>Organization name.</summary>
        public const string Org = "org";

        /// <summary>Organization id.</summary>
        public const string OrgId = "org_id";

        /// <summary>Region.</summary>
        public const string Region = "region";

        /// <summary>OAuth client id.</summary>
        public const string ClientId = "client_id";

        /// <summary>Refresh token.</summary>
        public const string RefreshToken = "refresh_token";

        /// <summary>Seed id token.</summary>
        public const string AccessToken = "access_token";

        /// <summary>API endpoint.</summary>
        public const string BaseUrl = "base_url";

        /// <summary>Identity provider.</summary>
        public const string OAuthUrl = "oauth_url";

        /// <summary>Request timeout in seconds.</summary>
        public const string RequestTimeout = "request_timeout_seconds";

        /// <summary>TLS verification.</summary>
        public const string VerifySsl = "verify_ssl";

        /// <summary>state.db location.</summary>
        public const string StatePath = "state_path";

        /// <summary>Key of one retry field, e.g. <c>retry.max_attempts</c>.</summary>
        public static string Retry(string field) => $"retry.{field}";

        /// <summary>Key of one cache field, e.g. <c>cache.default_ttl</c>.</summary>
        public static string Cache(string field) => $"cache.{field}";
    }

    /// <summary>The profile used.</summary>
    public required string ProfileName { get; init; }

    /// <summary>Organization name, if any source set one.</summary>
    public string? Org { get; init; }

    /// <summary>Organization id, if any source set one.</summary>
    public string? OrgId { get; init; }

    /// <summary>Region, if any source set one.</summary>
    public string? Region { get; init; }

    /// <summary>OAuth client id.</summary>
    public required string ClientId { get; init; }

    /// <summary>Refresh token (secret).</summary>
    public string? RefreshToken { get; init; }

    /// <summary>Seed id token (secret).</summary>
    public string? AccessToken { get; init; }

    /// <summary>API endpoint.</summary>
    public required string BaseUrl { get; init; }

    /// <summary>Identity provider.</summary>
    public required string OAuthUrl { get; init; }

    /// <summary>Per-request timeout.</summary>
    public required TimeSpan RequestTimeout { get; init; }

    /// <summary>Whether TLS certificates are verified.</summary>
    public required bool VerifySsl { get; init; }

    /// <summary>Retry policy, merged field by field.</summary>
    public required RetryOptions Retry { get; init; }

    /// <summary>Cache policy, merged field by field.</summary>
    public required CacheOptions Cache { get; init; }

    /// <summary>Absolute path of state.db.</summary>
    public required string StatePath { get; init; }

    /// <summary>The configuration file used (null for runtime configurations).</summary>
    public string? ConfigPath { get; init; }

    /// <summary>Where the configuration came from (<see cref="LoadedConfig.SourceName"/>).</summary>
    public required string ConfigSource { get; init; }

    /// <summary>
    /// Source of each field (<see cref="Fields"/>): <c>argument</c>, <c>env:NAME</c>, <c>state:KEY</c>,
    /// <c>profile:NAME</c>, <c>config:KEY</c>, <c>config-directory</c>, <c>default</c> or <c>unset</c>.
    /// </summary>
    public required IReadOnlyDictionary<string, string> Sources { get; init; }

    /// <summary>Surprising outcomes worth telling the user, e.g. a state preference overriding the file's active profile.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>
    /// Every effective value with its source, as a plain tree for <c>config info --resolved</c>. Secret values are
    /// shown as <c>&lt;redacted&gt;</c> (or null when unset).
    /// </summary>
    public IDictionary<string, object?> Describe()
    {
        var values = new OrderedDictionary<string, object?>(StringComparer.Ordinal)
        {
            [Fields.Profile] = ProfileName,
            [Fields.Org] = Org,
            [Fields.OrgId] = OrgId,
            [Fields.Region] = Region,
            [Fields.ClientId] = ClientId,
            [Fields.RefreshToken] = RefreshToken,
            [Fields.AccessToken] = AccessToken,
            [Fields.BaseUrl] = BaseUrl,
            [Fields.OAuthUrl] = OAuthUrl,
            [Fields.RequestTimeout] = RequestTimeout.TotalSeconds,
            [Fields.VerifySsl] = VerifySsl,
            [Fields.Retry("max_attempts")] = (long)Retry.MaxAttempts,
            [Fields.Retry("base_delay")] = Retry.BaseDelay.TotalSeconds,
            [Fields.Retry("max_delay")] = Retry.MaxDelay.TotalSeconds,
            [Fields.Retry("jitter")] = Retry.Jitter,
            [Fields.Retry("retry_statuses")] = Retry.RetryStatuses.Order().Select(status => (object?)(long)status).ToList(),
            [Fields.Retry("max_retry_after")] = Retry.MaxRetryAfter.TotalSeconds,
            [Fields.Retry("overall_timeout")] = Retry.OverallTimeout?.TotalSeconds,
            [Fields.Cache("enabled")] = Cache.Enabled,
            [Fields.Cache("ttl_defaults")] = Cache.TtlRules.ToDictionary(rule => rule.Key, rule => (object?)rule.Value.TotalSeconds, StringComparer.Ordinal),
            [Fields.Cache("default_ttl")] = Cache.DefaultTtl.TotalSeconds,
            [Fields.Cache("max_entries")] = (long)Cache.MaxEntries,
            [Fields.StatePath] = StatePath,
        };

        var described = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (field, value) in values)
        {
            described[field] = new OrderedDictionary<string, object?>(StringComparer.Ordinal)
            {
                ["value"] = value is not null && ConfigRedactor.IsSecretKey(field) ? ConfigRedactor.Placeholder : value,
                ["source"] = Sources.TryGetValue(field, out var source) ? source : "default",
            };
        }

        described["_config"] = new OrderedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["source"] = ConfigSource,
            ["path"] = ConfigPath,
        };
        if (Warnings.Count > 0)
        {
            described["_warnings"] = Warnings.Select(warning => (object?)warning).ToList();
        }

        return described;
    }

    /// <inheritdoc/>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"profile={ProfileName} org={Org} region={Region} base_url={BaseUrl} (config {ConfigSource})");
}
