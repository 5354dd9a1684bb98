using System.Reflection;
using Newtonsoft.Json;

namespace RsSpot.Configuration;

/// <summary>
/// The settings a profile holds, each declared once here with its key, aliases, variables and default (docs/configuration.md,
/// "Adding a setting"); <see cref="ConfigResolver"/> takes each from the first source that sets it.
/// </summary>
internal class ProfileSettings
{
    /// <summary>Organization name, id or namespace.</summary>
    [Setting("org", "organization", Env = ["RSSPOT_ORG", "RACKSPACE_ORG", "SPOT_ORG"])]
    public string? Org { get; set; }

    [Setting("org_id", "orgId", "organization_id", "organizationId", Env = ["RSSPOT_ORG_ID", "RSSPOT_ORGID", "RACKSPACE_ORG_ID", "SPOT_ORG_ID"])]
    public string? OrgId { get; set; }

    [Setting("region", "default_region", Env = ["RSSPOT_REGION", "RACKSPACE_REGION", "SPOT_REGION"])]
    public string? Region { get; set; }

    [Setting("client_id", "clientId", Env = ["RSSPOT_CLIENT_ID", "RACKSPACE_CLIENT_ID", "RXTSPOT_CLIENT_ID"], Default = SpotDefaults.ClientId)]
    public string? ClientId { get; set; }

    /// <summary>Secrets (this and the access token): stored for real, never printed.</summary>
    [Setting("refresh_token", "refreshToken", Env = ["RSSPOT_REFRESH_TOKEN"],
        FallbackEnv = ["SPOT_REFRESH_TOKEN", "RACKSPACE_SPOT_REFRESH_TOKEN", "RACKSPACE_REFRESH_TOKEN", "RACKSPACE_SPOT_TOKEN"])]
    public string? RefreshToken { get; set; }

    [Setting("access_token", "accessToken", Env = ["RSSPOT_ACCESS_TOKEN", "RACKSPACE_ACCESS_TOKEN", "SPOT_ACCESS_TOKEN"])]
    public string? AccessToken { get; set; }

    [Setting("base_url", "baseUrl", Env = ["RSSPOT_BASE_URL", "RACKSPACE_BASE_URL", "SPOT_BASE_URL"], Default = SpotDefaults.BaseUrl, Url = true)]
    public string? BaseUrl { get; set; }

    [Setting("oauth_url", "oauthUrl", "auth_url", "authUrl", Env = ["RSSPOT_OAUTH_URL", "RACKSPACE_OAUTH_URL", "SPOT_AUTH_URL"], Default = SpotDefaults.OAuthUrl, Url = true)]
    public string? OAuthUrl { get; set; }

    [Setting("request_timeout_seconds", "requestTimeoutSeconds", Env = ["RSSPOT_REQUEST_TIMEOUT_SECONDS", "SPOT_REQUEST_TIMEOUT"], Default = 30.0, Minimum = 0, ExclusiveMinimum = true)]
    public double? RequestTimeoutSeconds { get; set; }

    [Setting("verify_ssl", "verifySsl", Env = ["RSSPOT_VERIFY_SSL", "SPOT_VERIFY_SSL"], Default = true)]
    public bool? VerifySsl { get; set; }

    /// <summary>Refuse every call that would change something (read-only mode), before anything is sent.</summary>
    [Setting("read_only", "readOnly", Env = ["RSSPOT_READ_ONLY"], Default = false)]
    public bool? ReadOnly { get; set; }

    /// <summary>The legacy retry knobs, folded into the retry policy (<see cref="RetryConfig.FromLegacy"/>).</summary>
    [Setting("max_retries", "maxRetries", Env = ["RSSPOT_MAX_RETRIES", "SPOT_MAX_RETRIES"], Minimum = 0, FeedsRetry = true)]
    public int? MaxRetries { get; set; }

    [Setting("retry_backoff_factor", "retryBackoffFactor", Env = ["RSSPOT_RETRY_BACKOFF_FACTOR", "SPOT_RETRY_BACKOFF_FACTOR"], Minimum = 0, FeedsRetry = true)]
    public double? RetryBackoffFactor { get; set; }

    internal static IReadOnlyList<DeclaredSetting> Declared { get; } = typeof(ProfileSettings)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Select(p => new DeclaredSetting(p, p.GetCustomAttribute<SettingAttribute>()!)).ToList();

    internal bool IsEmpty => Declared.All(declared => declared.Property.GetValue(this) is null);

    /// <summary>Copies the settings that have a value onto <paramref name="target"/>; the others keep theirs.</summary>
    internal void MergeInto(ProfileSettings target)
    {
        foreach (var (property, _) in Declared.Where(declared => declared.Property.GetValue(this) is not null))
        {
            property.SetValue(target, property.GetValue(this));
        }
    }
}

/// <summary>A setting of <see cref="ProfileSettings"/> and its declaration; a class, as LINQ over tuples is JIT-compiled on every CLI start.</summary>
internal sealed record DeclaredSetting(PropertyInfo Property, SettingAttribute Setting);

/// <summary>
/// One named profile of a file: its settings plus retry and cache blocks, merged field by field over the top-level ones;
/// <see cref="ConfigResolver"/> fills in what it leaves unset.
/// </summary>
internal sealed class ProfileConfig : ProfileSettings
{
    public RetryConfig? Retry { get; set; }

    public CacheConfig? Cache { get; set; }

    [JsonExtensionData]
    public IDictionary<string, object?> ExtraKeys { get; set; } = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
}

/// <summary>Changes to one profile (<see cref="ProfileManager.Upsert"/>): settings left unset keep their stored values, so <c>configure --region X</c> keeps the token.</summary>
internal sealed class ProfileUpdate : ProfileSettings;
