using Newtonsoft.Json.Linq;
using RsSpot.Emulator.Routing;

namespace RsSpot.Emulator.Auth;

/// <summary>The Auth0-style token endpoint, the organizations list and the bearer check of every API route.</summary>
internal static class AuthEndpoints
{
    private const string Scope = "openid profile email offline_access";

    public static IEnumerable<Route> Routes() =>
    [
        new("POST", "/oauth/token", false, Token),
        new("GET", "/apis/auth.ngpc.rxt.io/v1/organizations", true, Organizations),
    ];

    /// <summary>Resolves the caller's organization from the bearer token; false when it is missing or invalid.</summary>
    public static bool Authenticate(RequestContext context)
    {
        var header = context.Request.Header("Authorization");
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        context.CallerOrgId = TokenIssuer.Validate(context.State.SigningKey, header["Bearer ".Length..].Trim(), context.Now);
        return context.CallerOrgId is not null;
    }

    /// <summary>The organization a refresh token is bound to, or null when the token is unknown.</summary>
    public static EmulatorOrganization? OrganizationOfRefreshToken(SpotEmulatorOptions options, string? refreshToken) =>
        refreshToken is not null && options.RefreshTokens.TryGetValue(refreshToken, out var orgId)
            ? options.Organizations.FirstOrDefault(o => o.Id == orgId)
            : null;

    private static EmulatorResponse Token(RequestContext context)
    {
        var form = RequestContext.ParseForm(context.BodyText);
        var grantType = form.GetValueOrDefault("grant_type");
        var clientId = form.GetValueOrDefault("client_id");
        var refreshToken = form.GetValueOrDefault("refresh_token");
        if (string.IsNullOrEmpty(grantType) || string.IsNullOrEmpty(clientId) || string.IsNullOrEmpty(refreshToken))
        {
            return Respond.OAuthError(400, "invalid_request", "Missing required parameter: grant_type, client_id and refresh_token are required.");
        }

        if (grantType != "refresh_token")
        {
            return Respond.OAuthError(400, "unsupported_grant_type", $"Unsupported grant type: {grantType}");
        }

        var organization = OrganizationOfRefreshToken(context.Options, refreshToken);
        if (organization is null)
        {
            return Respond.OAuthError(403, "invalid_grant", "Unknown or invalid refresh token.");
        }

        var idToken = TokenIssuer.Issue(context.State.SigningKey, clientId, organization.Id, context.Now, context.Options.IdTokenLifetime);
        return Respond.Json(200, new JObject
        {
            ["access_token"] = Convert.ToHexString(Guid.NewGuid().ToByteArray()).ToLowerInvariant(),
            ["id_token"] = idToken,
            ["scope"] = Scope,
            ["expires_in"] = (int)context.Options.IdTokenLifetime.TotalSeconds,
            ["token_type"] = "Bearer",
        });
    }

    private static EmulatorResponse Organizations(RequestContext context)
    {
        var organizations = new JArray(context.Options.Organizations.Select(o => new JObject
        {
            ["id"] = o.Id,
            ["name"] = o.Name,
            ["display_name"] = o.DisplayName,
            ["metadata"] = new JObject { ["namespace"] = o.Namespace },
        }));
        return Respond.Json(200, new JObject
        {
            ["start"] = 0,
            ["limit"] = 50,
            ["length"] = organizations.Count,
            ["total"] = organizations.Count,
            ["organizations"] = organizations,
        });
    }
}
