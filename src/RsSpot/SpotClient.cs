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

    /// <summary>Organizations of the caller.</summary>
    public override OrganizationsOperations Organizations => Groups.Organizations;

    /// <summary>Regions.</summary>
    public override RegionsOperations Regions => Groups.Regions;

    /// <summary>Server classes.</summary>
    public override ServerClassesOperations ServerClasses => Groups.ServerClasses;

    /// <summary>Prices and the public price feeds.</summary>
    public override PricingOperations Pricing => Groups.Pricing;

    /// <summary>Cloudspaces.</summary>
    public override CloudSpacesOperations CloudSpaces => Groups.CloudSpaces;

    /// <summary>Spot node pools.</summary>
    public override SpotNodePoolsOperations SpotNodePools => Groups.SpotNodePools;

    /// <summary>On-demand node pools.</summary>
    public override OnDemandNodePoolsOperations OnDemandNodePools => Groups.OnDemandNodePools;

    /// <summary>VM inventory and events.</summary>
    public override InventoryOperations Inventory => Groups.Inventory;

    /// <summary>Makes sure a valid id_token is available (exchanging the refresh token if needed).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="SpotAuthenticationException">The credentials were rejected or are missing.</exception>
    [SpotOperation("Auth_GetToken")]
    public virtual void Authenticate(CancellationToken cancellationToken = default) => SyncOverAsync.Run(AuthenticateAsync, cancellationToken);

    /// <summary>
    /// A valid id_token and its expiry: the cached one while it is valid (shared with other processes through
    /// state.db), otherwise one exchange of the refresh token. What <c>rsspot auth kube-token</c> hands to kubectl.
    /// </summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="SpotAuthenticationException">The credentials were rejected or are missing.</exception>
    [SpotOperation("Auth_GetToken")]
    public virtual Auth.SpotIdToken GetIdToken(CancellationToken cancellationToken = default) => SyncOverAsync.Run(GetIdTokenAsync, cancellationToken);

    /// <summary>
    /// Who this client acts as: profile, organization (name, id and namespace), region, API endpoint and token
    /// expiry, with the source of each choice. Obtains a token and lists the organizations; returns no secret.
    /// </summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    [SpotOperation("Auth_GetToken")]
    [SpotOperation("Organizations_List")]
    public virtual Models.SpotIdentity WhoAmI(CancellationToken cancellationToken = default) => SyncOverAsync.Run(WhoAmIAsync, cancellationToken);

    /// <summary>Resolves an organization (name, id or namespace; null for the configured one) to its namespace.</summary>
    /// <param name="org">Organization, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual string ResolveOrgNamespace(string? org = null, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(ct => ResolveOrgNamespaceAsync(org, ct), cancellationToken);

    /// <summary>Resolves an organization (name, id or namespace; null for the configured one) to its name.</summary>
    /// <param name="org">Organization, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public virtual string ResolveOrgName(string? org = null, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(ct => ResolveOrgNameAsync(org, ct), cancellationToken);

    /// <summary>
    /// The recorded events (what <c>rsspot watch</c> and the webhook receiver recorded in the event history) that
    /// match every filter given: the most recent <paramref name="limit"/>, oldest first. Reads the state store only;
    /// nothing is sent.
    /// </summary>
    /// <param name="since">Only events at or after this instant.</param>
    /// <param name="until">Only events before this instant.</param>
    /// <param name="cloudSpace">Only events of this cloudspace.</param>
    /// <param name="types">Only events of these types (any of them); null or empty for every type.</param>
    /// <param name="limit">How many events at most (1 to 100,000).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="SpotConfigurationException">The client keeps no state (<see cref="SpotClientOptions.UseStateStore"/> is false).</exception>
    public virtual IReadOnlyList<Models.SpotEvent> QueryEvents(
        DateTimeOffset? since = null, DateTimeOffset? until = null, string? cloudSpace = null, IEnumerable<string>? types = null, int limit = 1000, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(ct => QueryEventsAsync(since, until, cloudSpace, types, limit, ct), cancellationToken);

    /// <summary>Sends an authenticated request to any API path (retry, cache and error mapping included).</summary>
    /// <param name="method">HTTP method.</param>
    /// <param name="path">Path relative to the API base, e.g. /apis/ngpc.rxt.io/v1/regions.</param>
    /// <param name="query">Query parameters.</param>
    /// <param name="body">JSON body (sent as a merge patch for PATCH).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The JSON response, or null when the body is empty.</returns>
    public virtual JToken? Raw(HttpMethod method, string path, IReadOnlyDictionary<string, string>? query = null, JToken? body = null, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(ct => RawAsync(method, path, query, body, ct), cancellationToken);

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }
}
