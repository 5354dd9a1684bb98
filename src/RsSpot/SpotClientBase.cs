using Newtonsoft.Json.Linq;
using RsSpot.Auth;
using RsSpot.Internal;
using RsSpot.Models;

namespace RsSpot;

/// <summary>
/// What <see cref="SpotClient"/> and <see cref="AsyncSpotClient"/> have in common: the shared core, the identity in
/// effect and the client-level asynchronous operations. The operation groups are declared by each client, because
/// one exposes sync and async twins and the other only the async surface.
/// </summary>
public abstract class SpotClientBase : IAsyncDisposable
{
    private readonly SpotClientCore _core = null!;

    /// <summary>For mocking only.</summary>
    protected SpotClientBase()
    {
    }

    private protected SpotClientBase(SpotClientCore core) => _core = core;

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
    /// The events of the local history in state.db that match <paramref name="query"/> (what <c>rsspot watch</c> and the
    /// webhook receiver recorded), oldest first. Reads state.db only; nothing is sent.
    /// </summary>
    /// <param name="query">Filters; null for the most recent 1000 events.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="SpotConfigurationException">The client keeps no state (<see cref="SpotClientOptions.UseStateStore"/> is false).</exception>
    public virtual Task<IReadOnlyList<SpotEvent>> QueryEventsAsync(EventQuery? query = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_core.EventStore.Query(query ?? new EventQuery()));
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
