using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace RsSpot.Emulator.Auth;

/// <summary>Issues and verifies the emulator's id_tokens: HS256 JWTs signed with the state's signing key.</summary>
internal static class TokenIssuer
{
    public const string Issuer = "https://login.spot.rackspace.com/";

    public static string Issue(string signingKey, string clientId, string orgId, DateTimeOffset now, TimeSpan lifetime)
    {
        var header = new JObject { ["alg"] = "HS256", ["typ"] = "JWT", ["kid"] = "rsspot-emulator" };
        var claims = new JObject
        {
            ["iss"] = Issuer,
            ["sub"] = "auth0|rsspot-sandbox-user",
            ["aud"] = clientId,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = (now + lifetime).ToUnixTimeSeconds(),
            ["email"] = "sandbox.user@example.com",
            ["email_verified"] = true,
            ["org_id"] = orgId,
            ["jti"] = Guid.NewGuid().ToString("N"),
        };
        var unsigned = Encode(header) + "." + Encode(claims);
        return unsigned + "." + Base64Url(Sign(signingKey, unsigned));
    }

    /// <summary>The org_id of a valid, unexpired token signed with the current key; null otherwise.</summary>
    public static string? Validate(string signingKey, string token, DateTimeOffset now)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        var expected = Sign(signingKey, parts[0] + "." + parts[1]);
        byte[] actual;
        JObject? claims;
        try
        {
            actual = FromBase64Url(parts[2]);
            claims = JsonConvert.DeserializeObject<JObject>(Encoding.UTF8.GetString(FromBase64Url(parts[1])));
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }

        if (!CryptographicOperations.FixedTimeEquals(expected, actual) || claims is null)
        {
            return null;
        }

        var exp = claims.Value<long?>("exp");
        return exp is not null && now.ToUnixTimeSeconds() < exp ? claims.Value<string>("org_id") : null;
    }

    private static byte[] Sign(string signingKey, string data) =>
        HMACSHA256.HashData(Convert.FromBase64String(signingKey), Encoding.UTF8.GetBytes(data));

    private static string Encode(JObject json) => Base64Url(Encoding.UTF8.GetBytes(json.ToString(Formatting.None)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '='));
    }
}
