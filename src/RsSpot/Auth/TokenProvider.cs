using Microsoft.Extensions.Logging;
using RsSpot.Api;

namespace RsSpot.Auth;

/// <summary>
/// Supplies the bearer id_token: a seeded or stored token while it is valid, otherwise one exchange of the refresh
/// token. Refreshes are single-flight (concurrent callers share one exchange) and happen 60 s before expiry.
/// </summary>
internal sealed class TokenProvider : IDisposable
{
    /// <summary>How long before its expiry a token is treated as expired.</summary>
    public static readonly TimeSpan ExpirySkew = TimeSpan.FromSeconds(60);

    private readonly IAuthClient _auth;
    private readonly string _clientId;
    private readonly string? _refreshToken;
    private readonly ISpotTokenStore? _store;
    private readonly TokenCacheKey? _storeKey;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    private string? _current;

    public TokenProvider(IAuthClient auth, string clientId, string? refreshToken, string? seedToken, ISpotTokenStore? store, TokenCacheKey? storeKey, TimeProvider time, ILogger logger)
    {
        _auth = auth;
        _clientId = clientId;
        _refreshToken = string.IsNullOrEmpty(refreshToken) ? null : refreshToken;
        _store = store;
        _storeKey = storeKey;
        _time = time;
        _logger = logger;
        _current = string.IsNullOrEmpty(seedToken) ? null : seedToken;
    }

    /// <summary>Number of refresh-token exchanges performed (diagnostics and tests).</summary>
    public int ExchangeCount { get; private set; }

    /// <summary>The token last handed out, if any.</summary>
    public string? Current => _current;

    /// <summary>
    /// Returns a valid id_token. With <paramref name="rejected"/> set (the API answered 401 to that token), that token
    /// is discarded and a new one obtained — unless another caller already replaced it meanwhile.
    /// </summary>
    public async Task<string> GetTokenAsync(string? rejected, CancellationToken cancellationToken)
    {
        if (rejected is null && IsUsable(_current))
        {
            return _current!;
        }

        await _refreshLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (rejected is not null && rejected == _current)
            {
                _current = null;
                if (_storeKey is not null)
                {
                    TryStore(s => s.Remove(_storeKey));
                }
            }

            if (IsUsable(_current))
            {
                return _current!;
            }

            var stored = _storeKey is null ? null : TryStore(s => s.Get(_storeKey));
            if (stored is not null && stored.IdToken != rejected && IsUsable(stored.IdToken))
            {
                return _current = stored.IdToken;
            }

            _current = await ExchangeAsync(cancellationToken).ConfigureAwait(false);
            return _current;
        }
        finally
        {
            _refreshLock.Release();
        }
    }

    public void Dispose() => _refreshLock.Dispose();

    private bool IsUsable(string? token) => token is not null && !JwtClaims.IsExpired(token, _time.GetUtcNow(), ExpirySkew);

    private async Task<string> ExchangeAsync(CancellationToken cancellationToken)
    {
        if (_refreshToken is null)
        {
            throw new SpotAuthenticationException(
                "no refresh token is configured; run 'rsspot configure --refresh-token <token>' or set RSSPOT_REFRESH_TOKEN");
        }

        TokenResponse response;
        try
        {
            response = await _auth.GetTokenAsync(
                new TokenRequest { Grant_type = "refresh_token", Client_id = _clientId, Refresh_token = _refreshToken },
                cancellationToken).ConfigureAwait(false);
        }
        catch (SpotApiException e)
        {
            throw SpotErrorFactory.FromTokenExchange(e);
        }

        ExchangeCount++;
        if (string.IsNullOrEmpty(response.Id_token))
        {
            throw new SpotAuthenticationException("authentication failed: the token response contained no id_token");
        }

        var expiresAt = JwtClaims.TryRead(response.Id_token)?.ExpiresAt
            ?? _time.GetUtcNow().AddSeconds(response.Expires_in ?? 0);
        _logger.LogInformation("Exchanged the refresh token for an id_token valid until {ExpiresAt:u}", expiresAt);
        if (_storeKey is not null)
        {
            TryStore(s =>
            {
                s.Save(_storeKey, new CachedToken(response.Id_token, expiresAt));
                return true;
            });
        }

        return response.Id_token;
    }

    /// <summary>The token store is an optimisation: a failing store must never fail the call.</summary>
    private T? TryStore<T>(Func<ISpotTokenStore, T> action)
    {
        if (_store is null)
        {
            return default;
        }

        try
        {
            return action(_store);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _logger.LogWarning("Token store unavailable: {Error}", e.Message);
            return default;
        }
    }

    private void TryStore(Action<ISpotTokenStore> action) => TryStore(s =>
    {
        action(s);
        return true;
    });
}
