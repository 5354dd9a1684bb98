using System.Text;
using Newtonsoft.Json.Linq;

namespace RsSpot.Auth;

/// <summary>
/// Reads the claims RsSpot needs (exp, org_id) from an id_token without verifying its signature: the token is
/// only forwarded to the API, which verifies it; we only need to know when to refresh and which org it is bound to.
/// </summary>
internal sealed record JwtClaims(DateTimeOffset? ExpiresAt, string? OrgId, string? Subject)
{
    /// <summary>When the token was issued (<c>iat</c>), when it says.</summary>
    public DateTimeOffset? IssuedAt { get; init; }

    /// <summary>Decodes the payload of a three-part JWT; returns null for anything that is not one.</summary>
    public static JwtClaims? TryRead(string? token)
    {
        var parts = token?.Split('.');
        if (parts is not { Length: 3 } || parts[1].Length == 0)
        {
            return null;
        }

        try
        {
            var payload = JObject.Parse(Encoding.UTF8.GetString(Base64UrlDecode(parts[1])));
            return new JwtClaims(UnixSeconds(payload["exp"]), payload.Value<string>("org_id"), payload.Value<string>("sub")) { IssuedAt = UnixSeconds(payload["iat"]) };
        }
        catch (Exception e) when (e is FormatException or Newtonsoft.Json.JsonException or InvalidCastException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>True when the token cannot be decoded or expires within <paramref name="skew"/>.</summary>
    public static bool IsExpired(string? token, DateTimeOffset now, TimeSpan skew)
    {
        var expiresAt = TryRead(token)?.ExpiresAt;
        return expiresAt is null || now >= expiresAt.Value - skew;
    }

    private static DateTimeOffset? UnixSeconds(JToken? value) =>
        value?.Type is JTokenType.Integer or JTokenType.Float ? DateTimeOffset.FromUnixTimeSeconds((long)value.Value<double>()) : null;

    private static byte[] Base64UrlDecode(string value)
    {
        var padded = value.Replace('-', '+').Replace('_', '/');
        padded = padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '=');
        return Convert.FromBase64String(padded);
    }
}
