namespace RsSpot.Auth;

/// <summary>An id_token and when it expires. <see cref="ToString"/> never prints the token.</summary>
/// <param name="IdToken">The bearer token.</param>
/// <param name="ExpiresAt">Expiry read from the token (or the exchange's expires_in).</param>
internal sealed record CachedToken(string IdToken, DateTimeOffset ExpiresAt)
{
    /// <summary>When the token was issued or obtained, when known (its lifetime decides how early it is renewed).</summary>
    public DateTimeOffset? IssuedAt { get; init; }

    /// <summary>
    /// A refresh token the identity provider issued in exchange for the configured one (rotation), to be used for the
    /// next exchange; null when it did not rotate. A secret, like <see cref="IdToken"/>.
    /// </summary>
    public string? RotatedRefreshToken { get; init; }

    /// <summary>Shows the expiry only, so the tokens cannot leak through logs or debugger displays.</summary>
    public override string ToString() =>
        $"CachedToken {{ IdToken = <redacted>, ExpiresAt = {ExpiresAt:O}, RotatedRefreshToken = {(RotatedRefreshToken is null ? "none" : "<redacted>")} }}";
}

/// <summary>
/// Where exchanged id_tokens are kept between client instances (e.g. across CLI runs). Keys never contain the
/// refresh token itself, only its hash.
/// </summary>
internal interface ISpotTokenStore
{
    /// <summary>
    /// Returns the stored token for <paramref name="key"/>, if any. It may have expired (see <see cref="CachedToken.ExpiresAt"/>):
    /// callers check, and an expired entry may still carry a rotated refresh token.
    /// </summary>
    CachedToken? Get(TokenCacheKey key);

    /// <summary>Stores (or replaces) the token for <paramref name="key"/>.</summary>
    void Save(TokenCacheKey key, CachedToken token);

    /// <summary>Forgets the token for <paramref name="key"/> (after the API rejected it); returns whether one was stored.</summary>
    bool Remove(TokenCacheKey key);
}

/// <summary>Identity of a cached token: profile, identity provider and a SHA-256 of the refresh token.</summary>
/// <param name="Profile">Profile name.</param>
/// <param name="OAuthUrl">Identity provider base URL.</param>
/// <param name="RefreshTokenHash">Lowercase hex SHA-256 of the refresh token.</param>
internal sealed record TokenCacheKey(string Profile, string OAuthUrl, string RefreshTokenHash)
{
    /// <summary>Builds the key, hashing the refresh token and normalising the URL's trailing slash.</summary>
    public static TokenCacheKey Create(string profile, string oauthUrl, string refreshToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(profile);
        ArgumentException.ThrowIfNullOrEmpty(oauthUrl);
        ArgumentException.ThrowIfNullOrEmpty(refreshToken);
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(refreshToken));
        return new(profile, oauthUrl.TrimEnd('/'), Convert.ToHexStringLower(hash));
    }
}
