using Newtonsoft.Json.Linq;
using RsSpot.Internal;
using RsSpot.Operations;

namespace RsSpot;

/// <summary>
/// The Rackspace Spot client with synchronous and asynchronous twins of every operation
/// (<c>client.Organizations.List()</c> / <c>await client.Organizations.ListAsync(ct)</c>). Thread-safe and meant to be
/// long-lived; sync methods are safe from any thread, including inside an async context. It is an
/// <see cref="AsyncSpotClient"/> whose operation groups also have the synchronous twins.
/// </summary>
public class SpotClient : AsyncSpotClient, IDisposable
{

    /// <summary>For mocking only.</summary>
    protected SpotClient()
    {
    }

    /// <summary>Creates a client for a configuration profile.</summary>
    /// <param name="profile">Profile name.</param>
    public SpotClient(string profile)
        : this(new SpotClientOptions { Profile = profile })
    {
    }

    /// <summary>Creates a client from options; unset values come from the environment, state.db and configuration.</summary>
    /// <param name="options">Client options.</param>
    /// <exception cref="SpotConfigurationException">The configuration is missing or invalid.</exception>
    public SpotClient(SpotClientOptions options)
        : this(SpotClientFactory.CreateCore(options))
    {
    }

    internal SpotClient(SpotClientCore core)
        : base(core)
    {
    }

    /// <inheritdoc />
    public override OrganizationsOperations Organizations => Groups.Organizations;

    /// <inheritdoc />
    public override RegionsOperations Regions => Groups.Regions;

    /// <inheritdoc />
    public override ServerClassesOperations ServerClasses => Groups.ServerClasses;

    /// <inheritdoc />
    public override PricingOperations Pricing => Groups.Pricing;

    /// <inheritdoc />
    public override CloudSpacesOperations CloudSpaces => Groups.CloudSpaces;

    /// <inheritdoc />
    public override SpotNodePoolsOperations SpotNodePools => Groups.SpotNodePools;

    /// <inheritdoc />
    public override OnDemandNodePoolsOperations OnDemandNodePools => Groups.OnDemandNodePools;

    /// <inheritdoc />
    public override InventoryOperations Inventory => Groups.Inventory;

    /// <inheritdoc cref="AsyncSpotClient.AuthenticateAsync"/>
    [SpotOperation("Auth_GetToken")]
    public virtual void Authenticate(CancellationToken cancellationToken = default) => SyncOverAsync.Run(AuthenticateAsync, cancellationToken);

    /// <inheritdoc cref="AsyncSpotClient.GetIdTokenAsync"/>
    [SpotOperation("Auth_GetToken")]
    public virtual Auth.SpotIdToken GetIdToken(CancellationToken cancellationToken = default) => SyncOverAsync.Run(GetIdTokenAsync, cancellationToken);

    /// <inheritdoc cref="AsyncSpotClient.WhoAmIAsync"/>
    [SpotOperation("Auth_GetToken")]
    [SpotOperation("Organizations_List")]
    public virtual Models.SpotIdentity WhoAmI(CancellationToken cancellationToken = default) => SyncOverAsync.Run(WhoAmIAsync, cancellationToken);

    /// <inheritdoc cref="AsyncSpotClient.ResolveOrgNamespaceAsync"/>
    public virtual string ResolveOrgNamespace(string? org = null, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(ct => ResolveOrgNamespaceAsync(org, ct), cancellationToken);

    /// <inheritdoc cref="AsyncSpotClient.ResolveOrgNameAsync"/>
    public virtual string ResolveOrgName(string? org = null, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(ct => ResolveOrgNameAsync(org, ct), cancellationToken);

    /// <inheritdoc cref="AsyncSpotClient.QueryEventsAsync"/>
    public virtual IReadOnlyList<Models.SpotEvent> QueryEvents(
        DateTimeOffset? since = null, DateTimeOffset? until = null, string? cloudSpace = null, IEnumerable<string>? types = null, int limit = 1000, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(ct => QueryEventsAsync(since, until, cloudSpace, types, limit, ct), cancellationToken);

    /// <inheritdoc cref="AsyncSpotClient.RawAsync"/>
    public virtual JToken? Raw(HttpMethod method, string path, IReadOnlyDictionary<string, string>? query = null, JToken? body = null, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(ct => RawAsync(method, path, query, body, ct), cancellationToken);

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }
}
