using Dapper;
using RsSpot.Auth;
using RsSpot.Internal.IO;

namespace RsSpot.State;

/// <summary>
/// Remembers the current id_token per (profile, OAuth URL, refresh token) so consecutive CLI runs skip the token
/// exchange (the reference exchanged on every run, W9), together with a refresh token the identity provider rotated.
/// The configured refresh token itself is never stored, only its SHA-256; a different refresh token therefore never
/// sees another token's id_token. state.db is private (mode 0600), like the configuration file.
/// </summary>
internal sealed class TokenCache : ISpotTokenStore
{
    private readonly StateStore _store;

    internal TokenCache(StateStore store) => _store = store;

    /// <inheritdoc />
    public CachedToken? Get(TokenCacheKey key) => Get(key, minimumLifetime: null);

    /// <summary>
    /// The cached id_token, or null when there is none or (with <paramref name="minimumLifetime"/>) it expires within
    /// that time. Without one, an expired entry is returned too: it may still carry a rotated refresh token.
    /// </summary>
    public CachedToken? Get(TokenCacheKey key, TimeSpan? minimumLifetime)
    {
        var id = Identify(key);
        var found = _store.Read(c => Sql.Single(
            c,
            """
            SELECT id_token, expires_at, updated_at, rotated_refresh_token
            FROM token_cache WHERE profile = @Profile AND oauth_url = @OAuthUrl AND refresh_token_hash = @Hash
            """,
            row => new CachedToken(row.GetString(0), UnixTime.FromMs(row.GetInt64(1)))
            {
                IssuedAt = UnixTime.FromMs(row.GetInt64(2)),
                RotatedRefreshToken = row.NullableString(3),
            },
            ("Profile", id.Profile),
            ("OAuthUrl", id.OAuthUrl),
            ("Hash", id.Hash)));
        return minimumLifetime is null || found?.ExpiresAt - _store.Now > minimumLifetime ? found : null;
    }

    /// <summary>Stores the token, replacing any other token cached for the same profile and OAuth URL.</summary>
    public void Save(TokenCacheKey key, CachedToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentException.ThrowIfNullOrEmpty(token.IdToken);
        var id = Identify(key);
        _store.Write((c, tx) =>
        {
            // One live token per profile and endpoint: rows for another refresh token are dead weight.
            c.Execute("DELETE FROM token_cache WHERE profile = @Profile AND oauth_url = @OAuthUrl", id, tx);
            return c.Execute(
                """
                INSERT INTO token_cache (profile, oauth_url, refresh_token_hash, id_token, expires_at, updated_at, rotated_refresh_token)
                VALUES (@Profile, @OAuthUrl, @Hash, @idToken, @expiresAt, @now, @rotated)
                """,
                new
                {
                    id.Profile,
                    id.OAuthUrl,
                    id.Hash,
                    idToken = token.IdToken,
                    expiresAt = UnixTime.ToMs(token.ExpiresAt),
                    now = UnixTime.ToMs(token.IssuedAt ?? _store.Now),
                    rotated = token.RotatedRefreshToken,
                },
                tx);
        });
    }

    /// <inheritdoc />
    public bool Remove(TokenCacheKey key)
    {
        var id = Identify(key);
        // The id_token goes; a rotated refresh token stays, since the configured one may no longer be accepted.
        return _store.Write((c, tx) => c.Execute(
            """
            DELETE FROM token_cache WHERE profile = @Profile AND oauth_url = @OAuthUrl AND refresh_token_hash = @Hash AND rotated_refresh_token IS NULL;
            UPDATE token_cache SET expires_at = 0 WHERE profile = @Profile AND oauth_url = @OAuthUrl AND refresh_token_hash = @Hash;
            """,
            id,
            tx)) > 0;
    }

    /// <summary>Forgets every cached token (all profiles); returns how many were removed.</summary>
    public int Clear() => _store.Write((c, tx) => c.Execute("DELETE FROM token_cache", transaction: tx));

    /// <summary>
    /// Takes the lock that makes token exchanges single-flight across processes sharing this state.db: whoever holds
    /// it re-reads the cache first, so N processes with an expired token make one exchange.
    /// </summary>
    internal async Task<IDisposable> LockExchangeAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _store.Path is { } path
            ? await FileLock.AcquireAsync(path + ".token-lock", timeout, cancellationToken).ConfigureAwait(false)
            : NoLock.Instance;

    private static TokenIdentity Identify(TokenCacheKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new TokenIdentity(key.Profile, key.OAuthUrl, key.RefreshTokenHash);
    }

    private sealed record TokenIdentity(string Profile, string OAuthUrl, string Hash);

    /// <summary>An in-memory store is private to its process: there is nobody to exclude.</summary>
    private sealed class NoLock : IDisposable
    {
        public static readonly NoLock Instance = new();

        public void Dispose()
        {
        }
    }
}
