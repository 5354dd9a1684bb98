using Microsoft.Extensions.Logging;
using RsSpot.Auth;

namespace RsSpot;

/// <summary>
/// Everything a <see cref="SpotClient"/> or <see cref="AsyncSpotClient"/> can be told. Every value left null is
/// resolved from the environment, the state.db preferences and the configuration profile, then built-in defaults.
/// </summary>
public sealed class SpotClientOptions
{
    /// <summary>Profile of the configuration file to use (default: the configured default profile, else "default").</summary>
    public string? Profile { get; set; }

    /// <summary>Explicit configuration file; must exist when set.</summary>
    public string? ConfigPath { get; set; }

    /// <summary>A configuration held in memory; when set, no configuration file is read.</summary>
    internal Configuration.SpotConfig? Configuration { get; set; }

    /// <summary>Organization name, id (org_...) or namespace (org-...).</summary>
    public string? Org { get; set; }

    /// <summary>Organization id; takes precedence over <see cref="Org"/> for namespace resolution.</summary>
    public string? OrgId { get; set; }

    /// <summary>Default region for region-scoped calls.</summary>
    public string? Region { get; set; }

    /// <summary>Refresh token from the Spot console (API Access).</summary>
    public string? RefreshToken { get; set; }

    /// <summary>An id_token to start with (it is refreshed when it expires).</summary>
    public string? AccessToken { get; set; }

    /// <summary>OAuth client id (defaults to the Spot console's public id).</summary>
    public string? ClientId { get; set; }

    /// <summary>Spot API base URL.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Identity provider base URL.</summary>
    public string? OAuthUrl { get; set; }

    /// <summary>Base URL of the public price feeds.</summary>
    public string? PriceFeedUrl { get; set; }

    /// <summary>Timeout of one HTTP attempt (default 30 s).</summary>
    public TimeSpan? RequestTimeout { get; set; }

    /// <summary>
    /// Deadline of each call including its retries (the CLI's <c>--timeout</c>); overrides the configured
    /// <c>retry.overall_timeout</c> (default <see cref="RetryOptions.DefaultOverallTimeout"/>).
    /// </summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>Verify TLS certificates (default true).</summary>
    public bool? VerifySsl { get; set; }

    /// <summary>
    /// Read-only mode: every call that would change something (create, update, replace, delete, a raw POST, PUT, PATCH
    /// or DELETE) throws <see cref="SpotReadOnlyException"/> before any request is sent; reads keep working. Null takes
    /// <c>RSSPOT_READ_ONLY</c> or the profile's <c>read_only</c> (default off).
    /// </summary>
    public bool? ReadOnly { get; set; }

    /// <summary>Retry behaviour; null takes the configured or default policy.</summary>
    public RetryOptions? Retry { get; set; }

    /// <summary>HTTP cache behaviour; null takes the configured or default policy.</summary>
    public CacheOptions? Cache { get; set; }

    /// <summary>Disable the HTTP cache entirely (the CLI's --no-cache).</summary>
    public bool NoCache { get; set; }

    /// <summary>Path of state.db; null resolves it next to the configuration file.</summary>
    public string? StatePath { get; set; }

    /// <summary>
    /// Use state.db for the HTTP cache, token reuse and preferences (default true). Off, the client keeps nothing on disk.
    /// </summary>
    public bool UseStateStore { get; set; } = true;

    /// <summary>Read configuration files and RSSPOT_* environment variables (default true; off, only these options count).</summary>
    public bool LoadConfiguration { get; set; } = true;

    /// <summary>Environment variables and home directory to read; null reads the current process's.</summary>
    internal Configuration.ConfigEnvironment? Environment { get; set; }

    /// <summary>
    /// Run against the Spot emulator instead of Rackspace, with its well-known credentials (state kept in sandbox.db
    /// beside state.db). Needs the RsSpot.Emulator package (<c>dotnet add package RsSpot.Emulator</c>); otherwise
    /// creating the client throws <see cref="SpotConfigurationException"/>. With <see cref="Transport"/> set (e.g.
    /// <c>new SpotEmulator().CreateHandler()</c> in a test), that emulator answers instead.
    /// </summary>
    public bool Sandbox { get; set; }

    /// <summary>How long a sandbox cloudspace stays Provisioning before it turns Ready.</summary>
    public TimeSpan SandboxProvisioningDelay { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Replaces the network transport (tests, proxies, custom TLS). The client does not dispose it.</summary>
    public HttpMessageHandler? Transport { get; set; }

    /// <summary>Where exchanged id_tokens are kept between clients; null uses state.db when enabled.</summary>
    internal ISpotTokenStore? TokenStore { get; set; }

    /// <summary>Logging of requests, retries and token refreshes (never with secrets).</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Clock used for token expiry, retry delays and polling (tests substitute it).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>How often <c>WaitUntilReady</c> polls a cloudspace.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Returns a shallow copy (retry and cache options are cloned).</summary>
    public SpotClientOptions Clone()
    {
        var copy = (SpotClientOptions)MemberwiseClone();
        copy.Retry = Retry?.Clone();
        copy.Cache = Cache?.Clone();
        return copy;
    }
}
