using System.Text;
using Newtonsoft.Json.Linq;

namespace RsSpot.Tests.Support;

/// <summary>Builds unsigned JWTs with the claims RsSpot reads (exp, org_id).</summary>
public static class TestJwt
{
    public const string OrgId = "org_Xy3kQ9LmN2pR7sTu";
    public const string Namespace = "org-xy3kq9lmn2pr7stu";

    public static string Create(DateTimeOffset expiresAt, string? orgId = OrgId, string subject = "auth0|tester")
    {
        var payload = new JObject { ["sub"] = subject, ["exp"] = expiresAt.ToUnixTimeSeconds(), ["jti"] = Guid.NewGuid().ToString("N") };
        if (orgId is not null)
        {
            payload["org_id"] = orgId;
        }

        return $"{Encode("""{"alg":"none","typ":"JWT"}""")}.{Encode(payload.ToString(Newtonsoft.Json.Formatting.None))}.sig";
    }

    private static string Encode(string json) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
