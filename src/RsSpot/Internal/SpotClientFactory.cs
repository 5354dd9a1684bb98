using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RsSpot.Auth;
using RsSpot.Configuration;
using RsSpot.Internal.Diagnostics;
using RsSpot.State;

namespace RsSpot.Internal;

/// <summary>
/// Builds the shared core of a client from its options: loads the configuration, opens state.db, resolves every
/// setting (argument > env > state preferences > profile > top-level > defaults), then wires the transport
/// (the network, a caller's handler, or the sandbox emulator), the HTTP cache and the token store.
/// </summary>
internal static class SpotClientFactory
{
    /// <summary>Any host works: in sandbox mode every request is answered in-process by the emulator.</summary>
    private const string SandboxUrl = "https://sandbox.rsspot.invalid";

    /// <summary>Environment variable that moves the public price feeds (e.g. to a mirror).</summary>
    private const string PriceFeedVariable = "RSSPOT_PRICE_FEED_URL";

    public static SpotClientCore CreateCore(SpotClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var environment = options.Environment ?? (options.LoadConfiguration ? ConfigEnvironment.FromProcess() : new ConfigEnvironment([], HomeDirectory()));
        var loaded = options.LoadConfiguration || options.Configuration is not null
            ? ConfigLoader.Load(new ConfigLoadRequest { Config = options.Configuration, ConfigPath = options.ConfigPath }, environment)
            : new LoadedConfig(ConfigSource.Runtime, null, new SpotConfig());
        StartupTrace.Mark("configuration loaded");

        var (statePath, _) = ConfigResolver.StatePathFor(loaded, options.StatePath, environment);
        var state = options.UseStateStore ? StateStore.Open(statePath, ConfigResolver.SharedStateFor(loaded, environment), options.TimeProvider) : null;
        StartupTrace.Mark("state.db opened");
        try
        {
            var resolved = ConfigResolver.Resolve(loaded, RequestOf(options), state?.Preferences, environment);
            StartupTrace.Mark("settings resolved");
            var logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger("RsSpot");
            foreach (var warning in resolved.Warnings)
            {
                logger.LogWarning("{Warning}", warning);
            }

            // The emulator (catalogue, sandbox.db) is built by the first request that reaches it, so a command
            // answered from the caches, or sending nothing, never pays for it.
            string? sandboxNotice = null;
            var sandbox = options.Sandbox && options.Transport is null
                ? new DeferredHandler(() => CreateSandbox(options, state is null ? null : statePath, notice => sandboxNotice = notice))
                : null;
            var settings = ToSettings(resolved, options, environment, options.TokenStore ?? state?.Tokens, options.Sandbox);
            var cacheEnabled = state is not null && settings.Cache.Enabled && !options.NoCache;
            return new SpotClientCore(
                settings,
                sandbox ?? options.Transport,
                baseUri => cacheEnabled ? new HttpCacheHandler(state!.HttpCache, settings.Cache, CacheScope(baseUri, settings), options.TimeProvider, logger) : null,
                options.TimeProvider,
                options.LoggerFactory,
                options.PollInterval,
                new Resources(state, sandbox),
                state)
            {
                SandboxRecoveryNotice = () => sandboxNotice,
            };
        }
        catch
        {
            state?.Dispose();
            throw;
        }
    }

    private static ResolveRequest RequestOf(SpotClientOptions options) => new()
    {
        Profile = options.Profile,
        Org = options.Org,
        OrgId = options.OrgId,
        Region = options.Region,
        ClientId = options.ClientId,
        RefreshToken = options.RefreshToken,
        AccessToken = options.AccessToken,
        BaseUrl = options.BaseUrl,
        OAuthUrl = options.OAuthUrl,
        RequestTimeoutSeconds = options.RequestTimeout?.TotalSeconds,
        VerifySsl = options.VerifySsl,
        ReadOnly = options.ReadOnly,
        Retry = options.Retry,
        Cache = options.Cache,
        StatePath = options.StatePath,
    };

    private static SpotSettings ToSettings(ResolvedSettings resolved, SpotClientOptions options, ConfigEnvironment environment, ISpotTokenStore? tokenStore, bool sandbox) => new()
    {
        Resolved = resolved,
        Retry = options.Timeout is { } deadline ? WithDeadline(resolved.Retry, deadline) : resolved.Retry,
        // The sandbox never sees the user's real credentials: it accepts its own well-known refresh token.
        RefreshToken = sandbox ? SandboxTransport.RefreshToken : resolved.RefreshToken,
        AccessToken = sandbox ? null : resolved.AccessToken,
        BaseUri = SpotSettings.BaseUriOf(sandbox ? SandboxUrl : resolved.BaseUrl!, "base URL"),
        OAuthUri = SpotSettings.BaseUriOf(sandbox ? SandboxUrl : resolved.OAuthUrl!, "OAuth URL"),
        PriceFeedUri = SpotSettings.BaseUriOf(sandbox ? SandboxUrl : options.PriceFeedUrl ?? environment.Get(PriceFeedVariable) ?? SpotDefaults.PriceFeedUrl, "price feed URL"),
        TokenStore = tokenStore,
        IsSandbox = sandbox,
    };

    private static RetryOptions WithDeadline(RetryOptions retry, TimeSpan deadline)
    {
        if (deadline <= TimeSpan.Zero)
        {
            throw new SpotConfigurationException($"the timeout must be greater than 0 (got {deadline.TotalSeconds} s)");
        }

        var copy = retry.Clone();
        copy.OverallTimeout = deadline;
        return copy;
    }

    /// <summary>The sandbox keeps its world in sandbox.db beside state.db, so it persists across CLI runs.</summary>
    private static HttpMessageHandler CreateSandbox(SpotClientOptions options, string? statePath, Action<string> notice) =>
        SandboxTransport.Create(statePath is null ? null : Path.GetDirectoryName(statePath), options.TimeProvider, options.SandboxProvisioningDelay, notice);

    /// <summary>Cached responses are only ever replayed to the same endpoint, profile and credential.</summary>
    private static string CacheScope(Uri baseUri, SpotSettings settings)
    {
        var credential = settings.RefreshToken ?? settings.AccessToken;
        var identity = credential is null ? "anonymous" : TokenCacheKey.Create(settings.Profile, baseUri.ToString(), credential).RefreshTokenHash[..16];
        return $"{baseUri}|{settings.Profile}|{identity}";
    }

    private static string HomeDirectory()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return string.IsNullOrEmpty(home) ? Path.GetTempPath() : home;
    }

    /// <summary>A transport created by the first request sent through it.</summary>
    private sealed class DeferredHandler(Func<HttpMessageHandler> create) : HttpMessageHandler
    {
        private readonly Lazy<HttpMessageInvoker> _inner = new(() => new HttpMessageInvoker(create(), disposeHandler: true));

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            _inner.Value.SendAsync(request, cancellationToken);

        protected override void Dispose(bool disposing)
        {
            if (disposing && _inner.IsValueCreated)
            {
                _inner.Value.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    /// <summary>What a core owns besides its HTTP pipeline.</summary>
    private sealed class Resources(StateStore? state, HttpMessageHandler? sandbox) : IDisposable
    {
        public void Dispose()
        {
            sandbox?.Dispose();
            state?.Dispose();
        }
    }
}
