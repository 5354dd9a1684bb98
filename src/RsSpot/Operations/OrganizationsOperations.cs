using RsSpot.Internal;
using RsSpot.Internal.Mapping;
using RsSpot.Models;

namespace RsSpot.Operations;

/// <summary>Organizations of the caller (async surface).</summary>
public interface IAsyncOrganizationsOperations
{
    /// <summary>Lists the organizations the caller belongs to.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<Organization>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Finds one organization by name, id (org_...) or namespace (org-...).</summary>
    /// <param name="nameOrId">Name, id or namespace.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="SpotNotFoundException">No organization matches.</exception>
    Task<Organization> GetAsync(string nameOrId, CancellationToken cancellationToken = default);
}

/// <summary>Organizations of the caller.</summary>
public class OrganizationsOperations : IAsyncOrganizationsOperations
{
    private readonly SpotClientCore _core = null!;

    /// <summary>For mocking only.</summary>
    protected OrganizationsOperations()
    {
    }

    internal OrganizationsOperations(SpotClientCore core) => _core = core;

    /// <summary>Lists the organizations the caller belongs to.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    [SpotOperation("Organizations_List")]
    public virtual IReadOnlyList<Organization> List(CancellationToken cancellationToken = default) => SyncOverAsync.Run(ListAsync, cancellationToken);

    /// <inheritdoc />
    [SpotOperation("Organizations_List")]
    public virtual Task<IReadOnlyList<Organization>> ListAsync(CancellationToken cancellationToken = default) =>
        _core.CallAsync<IReadOnlyList<Organization>>(
            async ct => (await _core.Organizations.ListAsync(ct).ConfigureAwait(false)).Organizations.Select(o => o.ToModel()).ToList(),
            cancellationToken);

    /// <summary>Finds one organization by name, id (org_...) or namespace (org-...).</summary>
    /// <param name="nameOrId">Name, id or namespace.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="SpotNotFoundException">No organization matches.</exception>
    [SpotOperation("Organizations_List")]
    public virtual Organization Get(string nameOrId, CancellationToken cancellationToken = default) => SyncOverAsync.Run(ct => GetAsync(nameOrId, ct), cancellationToken);

    /// <inheritdoc />
    [SpotOperation("Organizations_List")]
    public virtual async Task<Organization> GetAsync(string nameOrId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nameOrId);
        var organizations = await ListAsync(cancellationToken).ConfigureAwait(false);
        var wanted = Organization.NamespaceOf(nameOrId);
        return organizations.FirstOrDefault(o => o.Name == nameOrId || o.Id == nameOrId || o.Namespace == wanted)
            ?? throw new SpotNotFoundException($"organization '{nameOrId}' not found; yours are: {string.Join(", ", organizations.Select(o => o.Name))}");
    }
}
