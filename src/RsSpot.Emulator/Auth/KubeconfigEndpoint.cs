using System.Globalization;
using Newtonsoft.Json.Linq;
using RsSpot.Emulator.Resources;
using RsSpot.Emulator.Routing;
using RsSpot.Emulator.Validation;

namespace RsSpot.Emulator.Auth;

/// <summary>generate-kubeconfig: authenticated by the refresh token in the body, for a Ready cloudspace.</summary>
internal static class KubeconfigEndpoint
{
    public static IEnumerable<Route> Routes() =>
        [new("POST", "/apis/auth.ngpc.rxt.io/v1/generate-kubeconfig", false, Generate)];

    private static EmulatorResponse Generate(RequestContext context)
    {
        var read = context.ReadJson("KubeconfigRequest");
        if (read.Problem is not null || read.Errors.Count > 0)
        {
            return Respond.OAuthError(400, "bad_request", read.Problem ?? FieldError.Summary(read.Errors));
        }

        var body = read.Object;
        var orgName = body?.Value<string>("organization_name");
        var cloudspaceName = body?.Value<string>("cloudspace_name");
        var refreshToken = body?.Value<string>("refresh_token");
        if (string.IsNullOrEmpty(refreshToken) || string.IsNullOrEmpty(orgName) || string.IsNullOrEmpty(cloudspaceName))
        {
            return Respond.OAuthError(400, "bad_request", "Missing or invalid refresh_token.");
        }

        var tokenOrg = AuthEndpoints.OrganizationOfRefreshToken(context.Options, refreshToken);
        if (tokenOrg is null)
        {
            return Respond.OAuthError(401, "access_denied", "Invalid or expired refresh token.");
        }

        var organization = context.Options.Organizations.FirstOrDefault(o => o.Name == orgName);
        if (organization is null || organization.Id != tokenOrg.Id)
        {
            return Respond.Status(404, "NotFound", $"organizations.auth.ngpc.rxt.io \"{orgName}\" not found");
        }

        var cloudspace = context.State.Find(ResourceKind.CloudSpaces.Plural, organization.Namespace, cloudspaceName);
        var endpoint = cloudspace?.Body["status"]?.Value<string>("APIServerEndpoint");
        if (cloudspace is null || string.IsNullOrEmpty(endpoint))
        {
            return Respond.NotFound(ResourceKind.CloudSpaces.Plural, cloudspaceName);
        }

        var idToken = TokenIssuer.Issue(context.State.SigningKey, "rsspot-emulator", organization.Id, context.Now, context.Options.IdTokenLifetime);
        return Respond.Json(200, new JObject
        {
            ["data"] = new JObject { ["kubeconfig"] = Render(organization, cloudspaceName, endpoint, idToken) },
            ["message"] = "kubeconfig generated successfully",
            ["status_code"] = 200,
        });
    }

    private static string Render(EmulatorOrganization organization, string cloudspace, string endpoint, string idToken)
    {
        var context = $"{organization.Name}-{cloudspace}";
        return string.Create(CultureInfo.InvariantCulture, $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: {context}
              cluster:
                server: https://{endpoint}/
                insecure-skip-tls-verify: true
            contexts:
            - name: {context}
              context:
                cluster: {context}
                user: ngpc-user
                namespace: default
            current-context: {context}
            users:
            - name: ngpc-user
              user:
                token: {idToken}
            - name: oidc
              user:
                exec:
                  apiVersion: client.authentication.k8s.io/v1beta1
                  command: kubectl
                  args:
                  - oidc-login
                  - get-token
                  - --oidc-issuer-url={TokenIssuer.Issuer}
                  - --oidc-client-id=rsspot-emulator
                  - --oidc-extra-scope=openid
                  - --oidc-extra-scope=profile
                  - --oidc-extra-scope=email
                  - --oidc-auth-request-extra-params=organization={organization.Id}
                  interactiveMode: IfAvailable
            """) + "\n";
    }
}
