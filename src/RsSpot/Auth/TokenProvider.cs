using Microsoft.Extensions.Logging;
using RsSpot.Api;
using RsSpot.State;

namespace RsSpot.Auth;

/// <summary>What a <see cref="TokenProvider"/> exchanges and where it keeps the result.</summary>
internal sealed record TokenSettings
{
    public required string ClientId { get; init; }

    /// <summary>The configured refresh token (null: only <see cref="SeedToken"/> can be used).</summary>
    public string? RefreshToken { get; init; }

    /// <summary>An id_token to start with.</summary>
    public string? SeedToken { get; init; }

    /// <summary>Where tokens are kept between clients and processes; null keeps them in memory only.</summary>
    public ISpotTokenStore? Store { get; init; }

    public TokenCacheKey? StoreKey { get; init; }

    /// <summary>Builds the errors of failed exchanges (masking the refresh token an identity provider may echo).</summary>
    public required SpotErrorFactory Errors { get; init; }

    /// <summary>Longest wait for another process's exchange (the exchange's own deadline bounds it in practice).</summary>
    public TimeSpan ExchangeLockTimeout { get; init; } = RetryOptions.DefaultOverallTimeout;
}

/// <summary>
/// Supplies the bearer id_token: a seeded or stored token while it is valid, otherwise one exchange of the refresh
/// token. Exchanges are single-flight within the process (concurrent callers share one) and across processes that
/// share state.db (a lock file, and the cache re-read under it). A token is renewed shortly before it expires, by a
/// margin that scales with its lifetime (a tenth, at most 60 s), so short-lived tokens are still reused. A refresh
/// token rotated by the identity provider replaces the configured one and is kept in the token store.
/// </summary>
internal sealed class TokenProvider : IDisposable
{
    /// <summary>The renewal margin of long-lived tokens.</summary>
    public static readonly TimeSpan MaximumSkew = TimeSpan.FromSeconds(60);

    private readonly IAuthClient _auth;
    private readonly TokenSettings _settings;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    private string? _refreshToken;
    private CachedToken? _current;

    public TokenProvider(IAuthClient auth, TokenSettings settings, TimeProvider time, ILogger logger)
    {
        _auth = auth;
        _settings = settings;
        _time = time;
        _logger = logger;
        _refreshToken = string.IsNullOrEmpty(settings.RefreshToken) ? null : settings.RefreshToken;
        _current = Describe(settings.SeedToken, obtainedAt: time.GetUtcNow());
    }

    /// <summary>Number of refresh-token exchanges performed by this provider (diagnostics and tests).</summary>
    public int ExchangeCount { get; private set; }

    /// <summary>The token last handed out, if any.</summary>
    public string? Current => _current?.IdToken;

    /// <summary>How long before expiry a token of this lifetime is renewed: a tenth of its lifetime, at most 60 s.</summary>
    public static TimeSpan SkewFor(DateTimeOffset? issuedAt, DateTimeOffset expiresAt) =>
        issuedAt is { } issued && expiresAt > issued
            ? TimeSpan.FromTicks(Math.Min(MaximumSkew.Ticks, (expiresAt - issued).Ticks / 10))
            : MaximumSkew;

    /// <summary>
    /// Returns a valid id_token. With <paramref name="rejected"/> set (the API answered 401 to that token), that token
    /// is discarded and a new one obtained — unless another caller already replaced it meanwhile.
    /// </summary>
    public async Task<string> GetTokenAsync(string? rejected, CancellationToken cancellationToken)
    {
        if (rejected is null && IsUsable(_current))
        {
            return _current!.IdToken;
        }

        await _refreshLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (rejected is not null && rejected == _current?.IdToken)
            {
                _current = null;
                if (_settings.StoreKey is { } key)
                {
                    TryStore(s => s.Remove(key));
                }
            }

            if (IsUsable(_current) || UseStored(rejected))
            {
                return _current!.IdToken;
            }

            using (await LockExchangeAsync(cancellationToken).ConfigureAwait(false))
            {
                // Whoever held the lock before us may have just exchanged: their token is as good as a new one.
                if (UseStored(rejected))
                {
                    return _current!.IdToken;
                }

                _current = await ExchangeAsync(cancellationToken).ConfigureAwait(false);
                return _current.IdToken;
            }
        }
        finally
        {
            _refreshLock.Release();
        }
    }

    /// <summary>A valid id_token with its expiry (see <see cref="GetTokenAsync"/>).</summary>
    public async Task<CachedToken> GetCurrentAsync(CancellationToken cancellationToken)
    {
        var token = await GetTokenAsync(null, cancellationToken).ConfigureAwait(false);
        return _current is { } current && current.IdToken == token
            ? current
            : Describe(token, _time.GetUtcNow()) ?? throw new SpotAuthenticationException("the id_token has no readable expiry");
    }

    public void Dispose() => _refreshLock.Dispose();

    private bool IsUsable(CachedToken? token) =>
        token is not null && _time.GetUtcNow() < token.ExpiresAt - SkewFor(token.IssuedAt, token.ExpiresAt);

    /// <summary>Adopts the stored token when it is usable (and not the one just rejected); remembers a rotated refresh token.</summary>
    private bool UseStored(string? rejected)
    {
        if (_settings.StoreKey is null)
        {
            return false;
        }

        var stored = TryStore(s => s.Get(_settings.StoreKey));
        if (stored?.RotatedRefreshToken is { Length: > 0 } rotated)
        {
            _refreshToken = rotated;
        }

        if (stored is null || stored.IdToken == rejected)
        {
            return false;
        }

        var token = stored with { IssuedAt = JwtClaims.TryRead(stored.IdToken)?.IssuedAt ?? stored.IssuedAt };
        if (!IsUsable(token))
        {
            return false;
        }

        _current = token;
        return true;
    }

    private async Task<IDisposable?> LockExchangeAsync(CancellationToken cancellationToken)
    {
        if (_settings.Store is not TokenCache cache || _settings.StoreKey is null)
        {
            return null;
        }

        try
        {
            return await cache.LockExchangeAsync(_settings.ExchangeLockTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The lock only saves exchanges; without it the exchange still works.
            _logger.LogWarning("Token exchange lock unavailable: {Error}", e.Message);
            return null;
        }
    }

    private async Task<CachedToken> ExchangeAsync(CancellationToken cancellationToken)
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
                new TokenRequest { Grant_type = "refresh_token", Client_id = _settings.ClientId, Refresh_token = _refreshToken },
                cancellationToken).ConfigureAwait(false);
        }
        catch (SpotApiException e)
        {
            throw _settings.Errors.FromTokenExchange(e);
        }

        ExchangeCount++;
        if (string.IsNullOrEmpty(response.Id_token))
        {
            throw new SpotAuthenticationException("authentication failed: the token response contained no id_token");
        }

        var now = _time.GetUtcNow();
        var rotated = !string.IsNullOrEmpty(response.Refresh_token) && response.Refresh_token != _refreshToken ? response.Refresh_token : null;
        if (rotated is not null)
        {
            _logger.LogInformation("The identity provider rotated the refresh token; the new one is kept in the token cache");
            _refreshToken = rotated;
        }

        var claims = JwtClaims.TryRead(response.Id_token);
        var token = new CachedToken(response.Id_token, claims?.ExpiresAt ?? now.AddSeconds(response.Expires_in ?? 0))
        {
            IssuedAt = claims?.IssuedAt ?? now,
            RotatedRefreshToken = rotated ?? (_refreshToken != _settings.RefreshToken ? _refreshToken : null),
        };
        _logger.LogInformation("Exchanged the refresh token for an id_token valid until {ExpiresAt:u}", token.ExpiresAt);
        if (_settings.StoreKey is not null)
        {
            TryStore(s =>
            {
                s.Save(_settings.StoreKey, token);
                return true;
            });
        }

        return token;
    }

    private static CachedToken? Describe(string? idToken, DateTimeOffset obtainedAt)
    {
        if (string.IsNullOrEmpty(idToken) || JwtClaims.TryRead(idToken) is not { ExpiresAt: { } expiresAt } claims)
        {
            return null;
        }

        return new CachedToken(idToken, expiresAt) { IssuedAt = claims.IssuedAt ?? obtainedAt };
    }

    /// <summary>The token store is an optimisation: a failing store must never fail the call.</summary>
    private T? TryStore<T>(Func<ISpotTokenStore, T> action)
    {
        if (_settings.Store is null)
        {
            return default;
        }

        try
        {
            return action(_settings.Store);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _logger.LogWarning("Token store unavailable: {Error}", e.Message);
            return default;
        }
    }
}
