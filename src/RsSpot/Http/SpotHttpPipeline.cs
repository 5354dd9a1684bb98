using System.Net.Security;
using Microsoft.Extensions.Logging;
using RsSpot.Auth;
using RsSpot.Internal;

namespace RsSpot.Http;

/// <summary>
/// Builds the HttpClients of one Spot client over one shared transport. Handler order (outermost first): read-only
/// refusal (read-only mode, API client only) → diagnostics → cache (GETs, outside retry, so a hit costs no attempt) →
/// reply validation (the final reply must be Spot JSON; never cached otherwise) → retry → authentication → transport.
/// </summary>
internal sealed class SpotHttpPipeline : IDisposable
{
    private static readonly string UserAgent = $"rsspot-dotnet/{typeof(SpotHttpPipeline).Assembly.GetName().Version?.ToString(3) ?? "0.0.0"}";
    private readonly HttpMessageHandler _transport;
    private readonly bool _ownsTransport;

    /// <param name="settings">Effective settings.</param>
    /// <param name="transport">Transport to use (not disposed), or null for a new SocketsHttpHandler.</param>
    /// <param name="cacheHandler">Creates the cache handler for a base URI, or returns null when caching is off.</param>
    /// <param name="time">Clock.</param>
    /// <param name="logger">Logger.</param>
    public SpotHttpPipeline(SpotSettings settings, HttpMessageHandler? transport, Func<Uri, DelegatingHandler?> cacheHandler, TimeProvider time, ILogger logger)
    {
        _ownsTransport = transport is null;
        _transport = transport ?? CreateTransport(settings.VerifySsl);
        var retry = new RetryPolicy(settings.Retry, Random.Shared.NextDouble);
        Errors = new SpotErrorFactory([settings.RefreshToken, settings.AccessToken]);
        DelegatingHandler Retry() => new RetryHandler(retry, settings.RequestTimeout, time, logger);

        Auth = Create(settings.OAuthUri, new DiagnosticsHandler(UserAgent, logger), new ReplyValidationHandler(Errors), Retry());
        Tokens = new TokenProvider(
            new Api.AuthClient(Auth),
            new TokenSettings
            {
                ClientId = settings.ClientId,
                RefreshToken = settings.RefreshToken,
                SeedToken = settings.AccessToken,
                Store = settings.TokenStore,
                StoreKey = settings.TokenStore is null || settings.RefreshToken is null ? null : TokenCacheKey.Create(settings.Profile, settings.OAuthUri.ToString(), settings.RefreshToken),
                ExchangeLockTimeout = settings.Retry.OverallTimeout ?? RetryOptions.DefaultOverallTimeout,
                Errors = Errors,
            },
            time,
            logger);
        Api = Create(settings.BaseUri, settings.ReadOnly ? new ReadOnlyHandler(settings.ReadOnlySource) : null, new DiagnosticsHandler(UserAgent, logger), cacheHandler(settings.BaseUri), new ReplyValidationHandler(Errors), Retry(), new AuthenticationHandler(Tokens, logger));
        Public = Create(settings.BaseUri, new DiagnosticsHandler(UserAgent, logger), new ReplyValidationHandler(Errors), Retry());
        Feeds = Create(settings.PriceFeedUri, new DiagnosticsHandler(UserAgent, logger), cacheHandler(settings.PriceFeedUri), new ReplyValidationHandler(Errors), Retry());
    }

    /// <summary>Authenticated Spot API calls.</summary>
    public HttpClient Api { get; }

    /// <summary>Unauthenticated calls to the Spot API host (kubeconfig generation carries its own credential).</summary>
    public HttpClient Public { get; }

    /// <summary>Identity provider (token exchange).</summary>
    public HttpClient Auth { get; }

    /// <summary>Public price feeds.</summary>
    public HttpClient Feeds { get; }

    /// <summary>Builds this client's errors, masking its own secrets.</summary>
    public SpotErrorFactory Errors { get; }

    /// <summary>Source of bearer tokens for <see cref="Api"/>.</summary>
    public TokenProvider Tokens { get; }

    public void Dispose()
    {
        Api.Dispose();
        Public.Dispose();
        Auth.Dispose();
        Feeds.Dispose();
        Tokens.Dispose();
        if (_ownsTransport)
        {
            _transport.Dispose();
        }
    }

    private HttpClient Create(Uri baseUri, params DelegatingHandler?[] handlers)
    {
        HttpMessageHandler inner = _transport;
        foreach (var handler in handlers.Where(h => h is not null).Reverse())
        {
            handler!.InnerHandler = inner;
            inner = handler;
        }

        // Timeouts are enforced per attempt and overall by the retry handler, not by HttpClient.
        return new HttpClient(inner, disposeHandler: false) { BaseAddress = baseUri, Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>The network transport the SDK uses when none is given (also the primary handler under dependency injection).</summary>
    internal static SocketsHttpHandler CreateTransport(bool verifySsl)
    {
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AutomaticDecompression = System.Net.DecompressionMethods.All };
        if (!verifySsl)
        {
            // Only when the user explicitly configured verify_ssl: false (e.g. behind an inspecting lab proxy).
#pragma warning disable CA5359 // Accepting any certificate is exactly what verify_ssl: false asks for.
            handler.SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = (_, _, _, _) => true };
#pragma warning restore CA5359
        }

        return handler;
    }
}
