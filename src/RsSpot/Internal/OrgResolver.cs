using RsSpot.Auth;
using RsSpot.Models;

namespace RsSpot.Internal;

/// <summary>
/// Turns whatever the user calls their organization (name, id org_..., namespace org-..., or nothing: the org the
/// token is bound to) into the namespace or the name an operation needs. The organizations list is fetched at most
/// once per client.
/// </summary>
internal sealed class OrgResolver(SpotSettings settings, Func<CancellationToken, Task<IReadOnlyList<Organization>>> listOrganizations, Func<CancellationToken, Task<string>> currentToken)
{
    private readonly Lock _sync = new();
    private Task<IReadOnlyList<Organization>>? _organizations;

    public async Task<string> NamespaceAsync(string? org, CancellationToken cancellationToken)
    {
        var candidate = org ?? settings.OrgId ?? settings.Org ?? await TokenOrgAsync(cancellationToken).ConfigureAwait(false);
        if (IsIdOrNamespace(candidate))
        {
            return Organization.NamespaceOf(candidate);
        }

        return (await FindAsync(candidate, cancellationToken).ConfigureAwait(false)).Namespace;
    }

    public async Task<string> NameAsync(string? org, CancellationToken cancellationToken)
    {
        var candidate = org ?? settings.Org ?? settings.OrgId ?? await TokenOrgAsync(cancellationToken).ConfigureAwait(false);
        return IsIdOrNamespace(candidate) ? (await FindAsync(candidate, cancellationToken).ConfigureAwait(false)).Name : candidate;
    }

    /// <summary>The organization in effect (<paramref name="org"/>, the configured one, or the id_token's) and what named it.</summary>
    public async Task<(Organization Organization, string Source)> CurrentAsync(string? org, CancellationToken cancellationToken)
    {
        var (candidate, source) = org is not null ? (org, "argument")
            : settings.OrgId is { } id ? (id, settings.Resolved.Sources.GetValueOrDefault("org_id", "unset"))
            : settings.Org is { } name ? (name, settings.Resolved.Sources.GetValueOrDefault("org", "unset"))
            : (await TokenOrgAsync(cancellationToken).ConfigureAwait(false), "token");
        return (await FindAsync(candidate, cancellationToken).ConfigureAwait(false), source);
    }

    /// <summary>Finds an organization by name, id or namespace.</summary>
    public async Task<Organization> FindAsync(string nameOrId, CancellationToken cancellationToken)
    {
        var organizations = await OrganizationsAsync(cancellationToken).ConfigureAwait(false);
        var wanted = IsIdOrNamespace(nameOrId) ? Organization.NamespaceOf(nameOrId) : null;
        return organizations.FirstOrDefault(o => o.Name == nameOrId || o.Id == nameOrId || (wanted is not null && o.Namespace == wanted))
            ?? organizations.FirstOrDefault(o => string.Equals(o.Name, nameOrId, StringComparison.OrdinalIgnoreCase))
            ?? throw new SpotNotFoundException(
                $"organization '{nameOrId}' not found; yours are: {(organizations.Count == 0 ? "(none)" : string.Join(", ", organizations.Select(o => o.Name)))}");
    }

    private static bool IsIdOrNamespace(string value) =>
        value.StartsWith("org_", StringComparison.OrdinalIgnoreCase) || value.StartsWith("org-", StringComparison.OrdinalIgnoreCase);

    /// <summary>One shared fetch per client; a failed fetch is retried by the next caller.</summary>
    private Task<IReadOnlyList<Organization>> OrganizationsAsync(CancellationToken cancellationToken)
    {
        lock (_sync)
        {
            if (_organizations is null || _organizations.IsFaulted || _organizations.IsCanceled)
            {
                _organizations = listOrganizations(CancellationToken.None);
            }

            return _organizations.WaitAsync(cancellationToken);
        }
    }

    private async Task<string> TokenOrgAsync(CancellationToken cancellationToken)
    {
        var token = await currentToken(cancellationToken).ConfigureAwait(false);
        return JwtClaims.TryRead(token)?.OrgId
            ?? throw new SpotConfigurationException("no organization is configured and the id_token names none; pass --org or set org in your profile");
    }
}
