using Newtonsoft.Json.Linq;
using RsSpot.Internal;
using RsSpot.Operations;

namespace RsSpot;

/// <summary>
/// The asynchronous-only Rackspace Spot client (<c>await using var client = new AsyncSpotClient(...)</c>): the same
/// operations as <see cref="SpotClient"/>, without the synchronous twins.
/// </summary>
public class AsyncSpotClient : IAsyncDisposable
{
    private readonly SpotClientCore _core = null!;

    /// <summary>For mocking only.</summary>
    protected AsyncSpotClient()
    {
    }

    /// <summary>Creates a client for a configuration profile.</summary>
    /// <param name="profile">Profile name.</param>
    public AsyncSpotClient(string profile)
        : this(new SpotClientOptions { Profile = profile })
    {
    }

    /// <summary>Creates a client from options; unset values come from the environment, state.db and configuration.</summary>
    /// <param name="options">Client options.</param>
    /// <exception cref="SpotConfigurationException">The configuration is missing or invalid.</exception>
    public AsyncSpotClient(SpotClientOptions options)
        : this(SpotClientFactory.CreateCore(options))
    {
    }

    internal AsyncSpotClient(SpotClientCore core)
    {
        _core = core;
        var serverClasses = new ServerClassesOperations(core);
        Organizations = new OrganizationsOperations(core);
        Regions = new RegionsOperations(core);
        ServerClasses = serverClasses;
        var cloudSpaces = new CloudSpacesOperations(core);
        var spotNodePools = new SpotNodePoolsOperations(core);
        Pricing = new PricingOperations(core, serverClasses, cloudSpaces, spotNodePools);
        CloudSpaces = cloudSpaces;
        SpotNodePools = spotNodePools;
        OnDemandNodePools = new OnDemandNodePoolsOperations(core);
        Inventory = new InventoryOperations(core);
    }

    /// <summary>Organizations of the caller.</summary>
    public virtual IAsyncOrganizationsOperations Organizations { get; } = null!;

    /// <summary>Regions.</summary>
    public virtual IAsyncRegionsOperations Regions { get; } = null!;

    /// <summary>Server classes.</summary>
    public virtual IAsyncServerClassesOperations ServerClasses { get; } = null!;

    /// <summary>Prices and the public price feeds.</summary>
    public virtual IAsyncPricingOperations Pricing { get; } = null!;

    /// <summary>Cloudspaces.</summary>
    public virtual IAsyncCloudSpacesOperations CloudSpaces { get; } = null!;

    /// <summary>Spot node pools.</summary>
    public virtual IAsyncSpotNodePoolsOperations SpotNodePools { get; } = null!;

    /// <summary>On-demand node pools.</summary>
    public virtual IAsyncOnDemandNodePoolsOperations OnDemandNodePools { get; } = null!;

    /// <summary>VM inventory and events.</summary>
    public virtual IAsyncInventoryOperations Inventory { get; } = null!;

    /// <summary>The profile in effect.</summary>
    public virtual string ProfileName => _core.Settings.Profile;

    /// <summary>The configured organization (name, id or namespace), if any.</summary>
    public virtual string? Org => _core.Settings.OrgId ?? _core.Settings.Org;

    /// <summary>The configured default region, if any.</summary>
    public virtual string? Region => _core.Settings.Region;

    /// <summary>The state store (preferences, HTTP cache, history, ledger) this client uses, if any.</summary>
    public virtual State.StateStore? State => _core.State;

    internal SpotClientCore Core => _core;

    /// <summary>Makes sure a valid id_token is available (exchanging the refresh token if needed).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="SpotAuthenticationException">The credentials were rejected or are missing.</exception>
    [SpotOperation("Auth_GetToken")]
    public virtual Task AuthenticateAsync(CancellationToken cancellationToken = default) => ClientCommon.AuthenticateAsync(_core, cancellationToken);

    /// <summary>Resolves an organization (name, id or namespace; null for the configured one) to its namespace.</summary>
    /// <param name="org">Organization, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<string> ResolveOrgNamespaceAsync(string? org = null, CancellationToken cancellationToken = default) =>
        _core.Orgs.NamespaceAsync(org, cancellationToken);

    /// <summary>Resolves an organization (name, id or namespace; null for the configured one) to its name.</summary>
    /// <param name="org">Organization, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual Task<string> ResolveOrgNameAsync(string? org = null, CancellationToken cancellationToken = default) =>
        _core.Orgs.NameAsync(org, cancellationToken);

    /// <summary>Sends an authenticated request to any API path (retry, cache and error mapping included).</summary>
    /// <param name="method">HTTP method.</param>
    /// <param name="path">Path relative to the API base.</param>
    /// <param name="query">Query parameters.</param>
    /// <param name="body">JSON body (sent as a merge patch for PATCH).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The JSON response, or null when the body is empty.</returns>
    public virtual Task<JToken?> RawAsync(HttpMethod method, string path, IReadOnlyDictionary<string, string>? query = null, JToken? body = null, CancellationToken cancellationToken = default) =>
        ClientCommon.RawAsync(_core, method, path, query, body, cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _core?.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
