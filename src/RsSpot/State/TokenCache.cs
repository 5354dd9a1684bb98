using System.Security.Cryptography;
using System.Text;
using Dapper;

namespace RsSpot.State;

/// <summary>
/// Remembers the current id_token per (profile, OAuth URL, refresh token) so consecutive CLI runs skip the token
/// exchange (the reference exchanged on every run, W9). The refresh token itself is never stored, only its
/// SHA-256; a rotated or different refresh token therefore never sees another token's id_token.
/// </summary>
public sealed class TokenCache
{
    /// <summary>Remaining lifetime under which a cached token is not handed out any more.</summary>
    public static readonly TimeSpan DefaultMinimumLifetime = TimeSpan.FromSeconds(60);

    private readonly StateStore _store;

    internal TokenCache(StateStore store) => _store = store;

    /// <summary>
    /// The cached id_token, or null when there is none or it expires within <paramref name="minimumLifetime"/>
    /// (default <see cref="DefaultMinimumLifetime"/>).
    /// </summary>
    public CachedToken? Get(string profile, string oauthUrl, string refreshToken, TimeSpan? minimumLifetime = null)
    {
        var id = Identify(profile, oauthUrl, refreshToken);
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
    public void Set(string profile, string oauthUrl, string refreshToken, string idToken, DateTimeOffset expiresAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(idToken);
        var id = Identify(profile, oauthUrl, refreshToken);
        _store.Write((c, tx) =>
        {
            // One live token per profile and endpoint: rows for an older (rotated) refresh token are dead weight.
            c.Execute("DELETE FROM token_cache WHERE profile = @Profile AND oauth_url = @OAuthUrl", id, tx);
            return c.Execute(
                """
                INSERT INTO token_cache (profile, oauth_url, refresh_token_hash, id_token, expires_at, updated_at)
                VALUES (@Profile, @OAuthUrl, @Hash, @idToken, @expiresAt, @now)
                """,
                new { id.Profile, id.OAuthUrl, id.Hash, idToken, expiresAt = UnixTime.ToMs(expiresAt), now = UnixTime.ToMs(_store.Now) },
                tx);
        });
    }

    /// <summary>Forgets the token (e.g. after the server rejected it); returns whether one was cached.</summary>
    public bool Remove(string profile, string oauthUrl, string refreshToken)
    {
        var id = Identify(profile, oauthUrl, refreshToken);
        return _store.Write((c, tx) => c.Execute(
            "DELETE FROM token_cache WHERE profile = @Profile AND oauth_url = @OAuthUrl AND refresh_token_hash = @Hash", id, tx)) > 0;
    }

    /// <summary>Forgets every cached token (all profiles); returns how many were removed.</summary>
    public int Clear() => _store.Write((c, tx) => c.Execute("DELETE FROM token_cache", transaction: tx));

    private static TokenIdentity Identify(string profile, string oauthUrl, string refreshToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(profile);
        ArgumentException.ThrowIfNullOrEmpty(oauthUrl);
        ArgumentException.ThrowIfNullOrEmpty(refreshToken);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(refreshToken)));
        return new TokenIdentity(profile, oauthUrl.TrimEnd('/'), hash);
    }

    private sealed record TokenIdentity(string Profile, string OAuthUrl, string Hash);

    private sealed class TokenRow
    {
        public string IdToken { get; set; } = "";
        public long ExpiresAt { get; set; }
    }
}

/// <summary>A cached id_token and its expiry. <see cref="ToString"/> never prints the token.</summary>
/// <param name="IdToken">The bearer token.</param>
/// <param name="ExpiresAt">When the token expires.</param>
public sealed record CachedToken(string IdToken, DateTimeOffset ExpiresAt)
{
    /// <summary>Shows the expiry only, so the token cannot leak through logs or debugger displays.</summary>
    public override string ToString() => $"CachedToken {{ IdToken = <redacted>, ExpiresAt = {ExpiresAt:O} }}";
}
