using RsSpot.Internal.Mapping;
using Wire = RsSpot.Api;

namespace RsSpot.Internal;

/// <summary>The generated operations of one pool kind, behind one shape so both kinds share <see cref="NodePoolService{TWire,TPatch,TModel}"/>.</summary>
internal interface INodePoolWire<TWire, TPatch>
{
    Task<IReadOnlyList<TWire>> ListAsync(string ns, string? labelSelector, CancellationToken cancellationToken);

    Task<TWire> GetAsync(string ns, string name, CancellationToken cancellationToken);

    Task<TWire> CreateAsync(string ns, TWire body, CancellationToken cancellationToken);

    Task<TWire> ReplaceAsync(string ns, string name, TWire body, CancellationToken cancellationToken);

    Task<TWire> PatchAsync(string ns, string name, TPatch body, CancellationToken cancellationToken);

    Task DeleteAsync(string ns, string name, CancellationToken cancellationToken);

    Task DeleteCollectionAsync(string ns, string? labelSelector, CancellationToken cancellationToken);
}

internal sealed class SpotPoolWire(Wire.ISpotNodePoolsClient client) : INodePoolWire<Wire.SpotNodePool, Wire.SpotNodePoolPatch>
{
    public async Task<IReadOnlyList<Wire.SpotNodePool>> ListAsync(string ns, string? labelSelector, CancellationToken cancellationToken) =>
        (await client.ListAsync(ns, labelSelector, cancellationToken).ConfigureAwait(false)).Items.ToList();

    public Task<Wire.SpotNodePool> GetAsync(string ns, string name, CancellationToken cancellationToken) => client.GetAsync(ns, name, cancellationToken);

    public Task<Wire.SpotNodePool> CreateAsync(string ns, Wire.SpotNodePool body, CancellationToken cancellationToken) => client.CreateAsync(ns, body, cancellationToken);

    public Task<Wire.SpotNodePool> ReplaceAsync(string ns, string name, Wire.SpotNodePool body, CancellationToken cancellationToken) => client.ReplaceAsync(ns, name, body, cancellationToken);

    public Task<Wire.SpotNodePool> PatchAsync(string ns, string name, Wire.SpotNodePoolPatch body, CancellationToken cancellationToken) => client.PatchAsync(ns, name, body, cancellationToken);

    public Task DeleteAsync(string ns, string name, CancellationToken cancellationToken) => client.DeleteAsync(ns, name, cancellationToken);

    public Task DeleteCollectionAsync(string ns, string? labelSelector, CancellationToken cancellationToken) => client.DeleteCollectionAsync(ns, labelSelector, cancellationToken);
}

internal sealed class OnDemandPoolWire(Wire.IOnDemandNodePoolsClient client) : INodePoolWire<Wire.OnDemandNodePool, Wire.OnDemandNodePoolPatch>
{
    public async Task<IReadOnlyList<Wire.OnDemandNodePool>> ListAsync(string ns, string? labelSelector, CancellationToken cancellationToken) =>
        (await client.ListAsync(ns, labelSelector, cancellationToken).ConfigureAwait(false)).Items.ToList();

    public Task<Wire.OnDemandNodePool> GetAsync(string ns, string name, CancellationToken cancellationToken) => client.GetAsync(ns, name, cancellationToken);

    public Task<Wire.OnDemandNodePool> CreateAsync(string ns, Wire.OnDemandNodePool body, CancellationToken cancellationToken) => client.CreateAsync(ns, body, cancellationToken);

    public Task<Wire.OnDemandNodePool> ReplaceAsync(string ns, string name, Wire.OnDemandNodePool body, CancellationToken cancellationToken) => client.ReplaceAsync(ns, name, body, cancellationToken);

    public Task<Wire.OnDemandNodePool> PatchAsync(string ns, string name, Wire.OnDemandNodePoolPatch body, CancellationToken cancellationToken) => client.PatchAsync(ns, name, body, cancellationToken);

    public Task DeleteAsync(string ns, string name, CancellationToken cancellationToken) => client.DeleteAsync(ns, name, cancellationToken);

    public Task DeleteCollectionAsync(string ns, string? labelSelector, CancellationToken cancellationToken) => client.DeleteCollectionAsync(ns, labelSelector, cancellationToken);
}

/// <summary>Everything spot and on-demand pools do the same way: namespaces, selectors, conditional updates, mapping.</summary>
internal sealed class NodePoolService<TWire, TPatch, TModel>(SpotClientCore core, INodePoolWire<TWire, TPatch> wire, Func<TWire, TModel> toModel, string kind, string operationsType)
    where TWire : class
    where TModel : Models.NodePool
{
    public Task<IReadOnlyList<TModel>> ListAsync(string? cloudSpace, string? org, CancellationToken cancellationToken) =>
        core.CallAsync<IReadOnlyList<TModel>>(async ct =>
        {
            var ns = await core.Orgs.NamespaceAsync(org, ct).ConfigureAwait(false);
            var pools = await wire.ListAsync(ns, NodePoolRules.SelectorFor(cloudSpace), ct).ConfigureAwait(false);
            return pools.Select(toModel).OrderBy(p => p.CloudSpace, StringComparer.Ordinal).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();
        }, cancellationToken, callerFile: operationsType);

    public Task<TModel> GetAsync(string name, string? org, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return core.CallAsync(async ct => toModel(await wire.GetAsync(await core.Orgs.NamespaceAsync(org, ct).ConfigureAwait(false), name, ct).ConfigureAwait(false)), cancellationToken, callerFile: operationsType);
    }

    /// <summary>
    /// Creates a pool, safe to retry (see <see cref="CreateReconciler"/>); <paramref name="body"/> receives the name
    /// (<paramref name="name"/>, or a generated one) and the namespace once it is resolved.
    /// </summary>
    public Task<TModel> CreateAsync(string? name, Func<string, string, TWire> body, string? org, CancellationToken cancellationToken) =>
        core.CallAsync(async ct =>
        {
            var ns = await core.Orgs.NamespaceAsync(org, ct).ConfigureAwait(false);
            return toModel(await core.Creates.CreateAsync(
                new CreateOperation<TWire>
                {
                    Kind = kind,
                    Namespace = ns,
                    RequestedName = name,
                    Body = poolName => body(poolName, ns),
                    Send = (pool, c) => wire.CreateAsync(ns, pool, c),
                    Get = (poolName, c) => wire.GetAsync(ns, poolName, c),
                },
                ct).ConfigureAwait(false));
        }, cancellationToken, callerFile: operationsType);

    public Task<TModel> UpdateAsync(string name, TPatch patch, string? ifResourceVersion, string? org, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return core.CallAsync(async ct =>
        {
            var ns = await core.Orgs.NamespaceAsync(org, ct).ConfigureAwait(false);
            if (ifResourceVersion is null)
            {
                return toModel(await wire.PatchAsync(ns, name, patch, ct).ConfigureAwait(false));
            }

            return toModel(await ConditionalReplace.UpdateAsync(core, new ConditionalUpdate<TWire>(kind, name, patch!, ifResourceVersion,
                c => wire.GetAsync(ns, name, c), (replacement, c) => wire.ReplaceAsync(ns, name, replacement, c)), ct).ConfigureAwait(false));
        }, cancellationToken, callerFile: operationsType);
    }

    /// <summary>Polls one pool until <paramref name="read"/> says the wait is over, or the timeout passes.</summary>
    public Task<Models.WaitResult<TModel>> WaitAsync(string name, Func<TModel, Waiting.WaitState> read, TimeSpan? timeout, IProgress<TModel>? progress, string? org, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var target = new Waiting.WaitTarget<TModel>(kind, name, "fulfilled", ct => GetAsync(name, org, ct), read);
        return Waiting.ResourceWaiter.WaitAsync(core, target, timeout, progress, cancellationToken);
    }

    public Task DeleteAsync(string name, string? org, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return core.CallAsync(async ct =>
        {
            await wire.DeleteAsync(await core.Orgs.NamespaceAsync(org, ct).ConfigureAwait(false), name, ct).ConfigureAwait(false);
            return true;
        }, cancellationToken, callerFile: operationsType);
    }

    public Task DeleteAllAsync(string cloudSpace, string? org, CancellationToken cancellationToken)
    {
        // Without a cloudspace the collection delete would remove every pool of the organization: never do that implicitly.
        ArgumentException.ThrowIfNullOrWhiteSpace(cloudSpace);
        return core.CallAsync(async ct =>
        {
            await wire.DeleteCollectionAsync(await core.Orgs.NamespaceAsync(org, ct).ConfigureAwait(false), NodePoolRules.SelectorFor(cloudSpace), ct).ConfigureAwait(false);
            return true;
        }, cancellationToken, callerFile: operationsType);
    }

    /// <summary>Metadata of a new pool: its name and the cloudspace label the API filters on.</summary>
    public static Wire.ObjectMeta NewMetadata(string name, string ns, string cloudSpace) => new()
    {
        Name = name,
        Namespace = ns,
        Labels = new Dictionary<string, string> { [ResourceMapping.CloudSpaceLabel] = cloudSpace },
    };
}
