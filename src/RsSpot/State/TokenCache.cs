using Dapper;
using RsSpot.Auth;

namespace RsSpot.State;

/// <summary>
/// Remembers the current id_token per (profile, OAuth URL, refresh token) so consecutive CLI runs skip the token
/// exchange (the reference exchanged on every run, W9). The refresh token itself is never stored, only its
/// SHA-256; a rotated or different refresh token therefore never sees another token's id_token.
/// </summary>
public sealed class TokenCache : ISpotTokenStore
{
    /// <summary>Remaining lifetime under which a cached token is not handed out any more.</summary>
    public static readonly TimeSpan DefaultMinimumLifetime = TimeSpan.FromSeconds(60);

    private readonly StateStore _store;

    internal TokenCache(StateStore store) => _store = store;

    /// <inheritdoc />
    public CachedToken? Get(TokenCacheKey key) => Get(key, null);

    /// <summary>
    /// The cached id_token, or null when there is none or it expires within <paramref name="minimumLifetime"/>
    /// (default <see cref="DefaultMinimumLifetime"/>).
    /// </summary>
    public CachedToken? Get(TokenCacheKey key, TimeSpan? minimumLifetime)
    {
        var id = Identify(key);
        var found = _store.Read(c => c.QuerySingleOrDefault<TokenRow>(
            """
            SELECT id_token AS IdToken, expires_at AS ExpiresAt FROM token_cache
            WHERE profile = @Profile AND oauth_url = @OAuthUrl AND refresh_token_hash = @Hash
            """,
            id));
        if (found is null)
        {
            return null;
        }

        var expiresAt = UnixTime.FromMs(found.ExpiresAt);
        return expiresAt - _store.Now > (minimumLifetime ?? DefaultMinimumLifetime) ? new CachedToken(found.IdToken, expiresAt) : null;
    }

    /// <summary>Stores the token, replacing any other token cached for the same profile and OAuth URL.</summary>
    public void Save(TokenCacheKey key, CachedToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentException.ThrowIfNullOrEmpty(token.IdToken);
        var id = Identify(key);
        _store.Write((c, tx) =>
        {
            // One live token per profile and endpoint: rows for an older (rotated) refresh token are dead weight.
            c.Execute("DELETE FROM token_cache WHERE profile = @Profile AND oauth_url = @OAuthUrl", id, tx);
            return c.Execute(
                """
                INSERT INTO token_cache (profile, oauth_url, refresh_token_hash, id_token, expires_at, updated_at)
                VALUES (@Profile, @OAuthUrl, @Hash, @idToken, @expiresAt, @now)
                """,
                new { id.Profile, id.OAuthUrl, id.Hash, idToken = token.IdToken, expiresAt = UnixTime.ToMs(token.ExpiresAt), now = UnixTime.ToMs(_store.Now) },
                tx);
        });
    }

    /// <inheritdoc />
    public bool Remove(TokenCacheKey key)
    {
        var id = Identify(key);
        return _store.Write((c, tx) => c.Execute(
            "DELETE FROM token_cache WHERE profile = @Profile AND oauth_url = @OAuthUrl AND refresh_token_hash = @Hash", id, tx)) > 0;
    }

    /// <summary>Forgets every cached token (all profiles); returns how many were removed.</summary>
    public int Clear() => _store.Write((c, tx) => c.Execute("DELETE FROM token_cache", transaction: tx));

    private static TokenIdentity Identify(TokenCacheKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new TokenIdentity(key.Profile, key.OAuthUrl, key.RefreshTokenHash);
    }

    private sealed record TokenIdentity(string Profile, string OAuthUrl, string Hash);

    private sealed class TokenRow
    {
        public string IdToken { get; set; } = "";
        public long ExpiresAt { get; set; }
    }
}
