using Newtonsoft.Json.Linq;
using RsSpot.Auth;
using RsSpot.Internal;
using RsSpot.Models;
using RsSpot.Operations;

namespace RsSpot;

/// <summary>
/// The asynchronous Rackspace Spot client (<c>await using var client = new AsyncSpotClient(...)</c>): every operation
/// as a task, without synchronous twins. <see cref="SpotClient"/> extends it with the synchronous twins, so code
/// written against <see cref="AsyncSpotClient"/> accepts either.
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
        Groups = new OperationGroups(core);
    }

    /// <summary>The operation groups, typed as their classes so that <see cref="SpotClient"/> can expose their sync twins.</summary>
    private protected OperationGroups Groups { get; } = null!;

    /// <summary>Organizations of the caller.</summary>
    public virtual IAsyncOrganizationsOperations Organizations => Groups.Organizations;

    /// <summary>Regions.</summary>
    public virtual IAsyncRegionsOperations Regions => Groups.Regions;

    /// <summary>Server classes.</summary>
    public virtual IAsyncServerClassesOperations ServerClasses => Groups.ServerClasses;

    /// <summary>Prices and the public price feeds.</summary>
    public virtual IAsyncPricingOperations Pricing => Groups.Pricing;

    /// <summary>Cloudspaces.</summary>
    public virtual IAsyncCloudSpacesOperations CloudSpaces => Groups.CloudSpaces;

    /// <summary>Spot node pools.</summary>
    public virtual IAsyncSpotNodePoolsOperations SpotNodePools => Groups.SpotNodePools;

    /// <summary>On-demand node pools.</summary>
    public virtual IAsyncOnDemandNodePoolsOperations OnDemandNodePools => Groups.OnDemandNodePools;

    /// <summary>VM inventory and events.</summary>
    public virtual IAsyncInventoryOperations Inventory => Groups.Inventory;

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
    public virtual Task AuthenticateAsync(CancellationToken cancellationToken = default) =>
        _core.CallAsync(ct => _core.Tokens.GetTokenAsync(null, ct), cancellationToken);

    /// <summary>
    /// A valid id_token and its expiry: the cached one while it is valid (shared with other processes through
    /// state.db), otherwise one exchange of the refresh token. What <c>rsspot auth kube-token</c> hands to kubectl.
    /// </summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="SpotAuthenticationException">The credentials were rejected or are missing.</exception>
    [SpotOperation("Auth_GetToken")]
    public virtual Task<SpotIdToken> GetIdTokenAsync(CancellationToken cancellationToken = default) =>
        _core.CallAsync(async ct =>
        {
            var token = await _core.Tokens.GetCurrentAsync(ct).ConfigureAwait(false);
            return new SpotIdToken(token.IdToken, token.ExpiresAt);
        }, cancellationToken);

    /// <summary>
    /// Who this client acts as: profile, organization (name, id and namespace), region, API endpoint and token
    /// expiry, with the source of each choice. Obtains a token and lists the organizations; returns no secret.
    /// </summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    [SpotOperation("Auth_GetToken")]
    [SpotOperation("Organizations_List")]
    public virtual Task<SpotIdentity> WhoAmIAsync(CancellationToken cancellationToken = default) =>
        _core.CallAsync(async ct =>
        {
            var token = await _core.Tokens.GetCurrentAsync(ct).ConfigureAwait(false);
            var (organization, source) = await _core.Orgs.CurrentAsync(null, ct).ConfigureAwait(false);
            var settings = _core.Settings;
            return new SpotIdentity
            {
                Profile = settings.Profile,
                ProfileSource = settings.Resolved.ProfileSource,
                Organization = organization,
                OrganizationSource = source,
                Region = settings.Region,
                ApiEndpoint = settings.BaseUri.ToString(),
                RefreshTokenSource = settings.IsSandbox ? "sandbox" : settings.Resolved.Sources.GetValueOrDefault("refresh_token", "unset"),
                TokenExpiresAt = token.ExpiresAt,
            };
        }, cancellationToken);

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
    public virtual Task<IReadOnlyList<SpotEvent>> QueryEventsAsync(
        DateTimeOffset? since = null, DateTimeOffset? until = null, string? cloudSpace = null, IEnumerable<string>? types = null, int limit = 1000, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, EventQuery.MaxLimit);
        cancellationToken.ThrowIfCancellationRequested();
        var query = new EventQuery { Since = since, Until = until, CloudSpace = cloudSpace, Types = [.. types ?? []], Limit = limit };
        return Task.FromResult(_core.EventStore.Query(query));
    }

    /// <summary>Sends an authenticated request to any API path (retry, cache and error mapping included).</summary>
    /// <param name="method">HTTP method.</param>
    /// <param name="path">Path relative to the API base, e.g. /apis/ngpc.rxt.io/v1/regions.</param>
    /// <param name="query">Query parameters.</param>
    /// <param name="body">JSON body (sent as a merge patch for PATCH).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The JSON response, or null when the body is empty.</returns>
    public virtual Task<JToken?> RawAsync(HttpMethod method, string path, IReadOnlyDictionary<string, string>? query = null, JToken? body = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return _core.SendRawAsync(method, path, query, body, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    /// <summary>Releases the HTTP connections and the state store.</summary>
    /// <param name="disposing">True when called from a Dispose method.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _core?.Dispose();
        }
    }
}
