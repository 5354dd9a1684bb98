using System.Text.RegularExpressions;
using RsSpot.Internal;
using RsSpot.Internal.Mapping;
using RsSpot.Internal.Waiting;
using RsSpot.Models;
using Wire = RsSpot.Api;

namespace RsSpot.Operations;

/// <summary>Cloudspaces: managed Kubernetes clusters (async surface).</summary>
public interface IAsyncCloudSpacesOperations
{
    /// <summary>Lists the cloudspaces of an organization.</summary>
    /// <param name="org">Organization name, id or namespace; null for the configured one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<IReadOnlyList<CloudSpace>> ListAsync(string? org = null, CancellationToken cancellationToken = default);

    /// <summary>Gets one cloudspace.</summary>
    /// <param name="name">Cloudspace name.</param>
    /// <param name="org">Organization; null for the configured one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="SpotNotFoundException">No such cloudspace.</exception>
    Task<CloudSpace> GetAsync(string name, string? org = null, CancellationToken cancellationToken = default);

    /// <summary>Creates a cloudspace; it starts in phase Provisioning (see <see cref="WaitUntilReadyAsync"/>).</summary>
    /// <param name="request">What to create.</param>
    /// <param name="org">Organization; null for the configured one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="SpotConflictException">The name is taken.</exception>
    Task<CloudSpace> CreateAsync(CreateCloudSpaceRequest request, string? org = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Changes a cloudspace. Only the fields set in <paramref name="request"/> are sent (merge patch). With
    /// <paramref name="ifResourceVersion"/> the update is conditional: it fails with <see cref="SpotConflictException"/>
    /// if the cloudspace changed since that version was read.
    /// </summary>
    /// <param name="name">Cloudspace name.</param>
    /// <param name="request">Fields to change.</param>
    /// <param name="ifResourceVersion">Expected current resourceVersion, or null for an unconditional update.</param>
    /// <param name="org">Organization; null for the configured one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<CloudSpace> UpdateAsync(string name, UpdateCloudSpaceRequest request, string? ifResourceVersion = null, string? org = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes a cloudspace (its pools go with it).</summary>
    /// <param name="name">Cloudspace name.</param>
    /// <param name="org">Organization; null for the configured one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task DeleteAsync(string name, string? org = null, CancellationToken cancellationToken = default);

    /// <summary>Generates a kubeconfig (YAML text) for a cloudspace. Needs the refresh token.</summary>
    /// <param name="name">Cloudspace name.</param>
    /// <param name="org">Organization; null for the configured one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<string> GetKubeconfigAsync(string name, string? org = null, CancellationToken cancellationToken = default);

    /// <summary>Polls a cloudspace until it is Ready, reporting each observation; fails on phase Error or after the timeout.</summary>
    /// <param name="name">Cloudspace name.</param>
    /// <param name="timeout">Longest wait (default 30 minutes).</param>
    /// <param name="progress">Receives every observed state.</param>
    /// <param name="org">Organization; null for the configured one.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    Task<CloudSpace> WaitUntilReadyAsync(string name, TimeSpan? timeout = null, IProgress<CloudSpace>? progress = null, string? org = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Polls a cloudspace until it is Ready or in a state that will not resolve by waiting (Error, NoWinningBids,
    /// SpeedBump Hit, SubscriptionSuspended, Deleting), or the timeout passes. Every ending is a result, not an
    /// exception; only failures to ask (network, authentication, no such cloudspace) and cancellation throw.
    /// </summary>
    /// <param name="name">Cloudspace name.</param>
    /// <param name="timeout">Longest wait (default 30 minutes).</param>
    /// <param name="progress">Receives every observed state.</param>
    /// <param name="org">Organization; null for the configured one.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    Task<WaitResult<CloudSpace>> WaitAsync(string name, TimeSpan? timeout = null, IProgress<CloudSpace>? progress = null, string? org = null, CancellationToken cancellationToken = default);
}

/// <summary>Cloudspaces: managed Kubernetes clusters.</summary>
public partial class CloudSpacesOperations : IAsyncCloudSpacesOperations
{
    private readonly SpotClientCore _core = null!;

    /// <summary>For mocking only.</summary>
    protected CloudSpacesOperations()
    {
    }

    internal CloudSpacesOperations(SpotClientCore core) => _core = core;

    /// <summary>Lists the cloudspaces of an organization.</summary>
    /// <param name="org">Organization name, id or namespace; null for the configured one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [SpotOperation("CloudSpaces_List")]
    public virtual IReadOnlyList<CloudSpace> List(string? org = null, CancellationToken cancellationToken = default) => SyncOverAsync.Run(ct => ListAsync(org, ct), cancellationToken);

    /// <inheritdoc />
    [SpotOperation("CloudSpaces_List")]
    public virtual Task<IReadOnlyList<CloudSpace>> ListAsync(string? org = null, CancellationToken cancellationToken = default) =>
        _core.CallAsync<IReadOnlyList<CloudSpace>>(async ct =>
        {
            var ns = await _core.Orgs.NamespaceAsync(org, ct).ConfigureAwait(false);
            return (await _core.CloudSpaces.ListAsync(ns, null, ct).ConfigureAwait(false)).Items.Select(c => c.ToModel()).OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        }, cancellationToken);

    /// <summary>Gets one cloudspace.</summary>
    /// <param name="name">Cloudspace name.</param>
    /// <param name="org">Organization; null for the configured one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="SpotNotFoundException">No such cloudspace.</exception>
    [SpotOperation("CloudSpaces_Get")]
    public virtual CloudSpace Get(string name, string? org = null, CancellationToken cancellationToken = default) => SyncOverAsync.Run(ct => GetAsync(name, org, ct), cancellationToken);

    /// <inheritdoc />
    [SpotOperation("CloudSpaces_Get")]
    public virtual Task<CloudSpace> GetAsync(string name, string? org = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return _core.CallAsync(async ct =>
        {
            var ns = await _core.Orgs.NamespaceAsync(org, ct).ConfigureAwait(false);
            return (await _core.CloudSpaces.GetAsync(ns, name, ct).ConfigureAwait(false)).ToModel();
        }, cancellationToken);
    }

    /// <summary>Creates a cloudspace; it starts in phase Provisioning (see <see cref="WaitUntilReady"/>).</summary>
    /// <param name="request">What to create.</param>
    /// <param name="org">Organization; null for the configured one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="SpotConflictException">The name is taken.</exception>
    [SpotOperation("CloudSpaces_Create")]
    public virtual CloudSpace Create(CreateCloudSpaceRequest request, string? org = null, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(ct => CreateAsync(request, org, ct), cancellationToken);

    /// <inheritdoc />
    [SpotOperation("CloudSpaces_Create")]
    public virtual Task<CloudSpace> CreateAsync(CreateCloudSpaceRequest request, string? org = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        _core.RefuseWhenReadOnly($"creating cloudspace '{request.Name}'");
        if (!DnsLabel().IsMatch(request.Name))
        {
            throw new SpotValidationException($"invalid cloudspace name '{request.Name}': use lowercase letters, digits and '-', at most 63 characters, starting and ending with a letter or digit");
        }

        var webhook = Webhook(request.Webhook) ?? "";
        return _core.CallAsync(async ct =>
        {
            var ns = await _core.Orgs.NamespaceAsync(org, ct).ConfigureAwait(false);
            Wire.CloudSpace Body(string name) => new()
            {
                ApiVersion = ResourceMapping.ApiVersion,
                Kind = "CloudSpace",
                Metadata = new Wire.ObjectMeta { Name = name, Namespace = ns, Annotations = new Dictionary<string, string>() },
                Spec = new Wire.CloudSpaceSpec
                {
                    Region = request.Region,
                    KubernetesVersion = request.KubernetesVersion,
                    Cni = request.Cni,
                    Cloud = request.Cloud,
                    DeploymentType = request.DeploymentType,
                    Webhook = webhook,
                    HAControlPlane = request.HAControlPlane,
                    GpuEnabled = request.GpuEnabled,
                },
            };
            var created = await _core.Creates.CreateAsync(
                new CreateOperation<Wire.CloudSpace>
                {
                    Kind = "cloudspace",
                    Namespace = ns,
                    RequestedName = request.Name,
                    Body = Body,
                    Send = (cloudSpace, c) => _core.CloudSpaces.CreateAsync(ns, cloudSpace, c),
                    Get = (name, c) => _core.CloudSpaces.GetAsync(ns, name, c),
                },
                ct).ConfigureAwait(false);
            return created.ToModel();
        }, cancellationToken);
    }

    /// <summary>
    /// Changes a cloudspace. Only the fields set in <paramref name="request"/> are sent (merge patch). With
    /// <paramref name="ifResourceVersion"/> the update is conditional (PUT of the whole object at that version).
    /// </summary>
    /// <param name="name">Cloudspace name.</param>
    /// <param name="request">Fields to change.</param>
    /// <param name="ifResourceVersion">Expected current resourceVersion, or null for an unconditional update.</param>
    /// <param name="org">Organization; null for the configured one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [SpotOperation("CloudSpaces_Patch")]
    [SpotOperation("CloudSpaces_Replace")]
    public virtual CloudSpace Update(string name, UpdateCloudSpaceRequest request, string? ifResourceVersion = null, string? org = null, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(ct => UpdateAsync(name, request, ifResourceVersion, org, ct), cancellationToken);

    /// <inheritdoc />
    [SpotOperation("CloudSpaces_Patch")]
    [SpotOperation("CloudSpaces_Replace")]
    public virtual Task<CloudSpace> UpdateAsync(string name, UpdateCloudSpaceRequest request, string? ifResourceVersion = null, string? org = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(request);
        _core.RefuseWhenReadOnly($"updating cloudspace '{name}'");
        if (request.IsEmpty)
        {
            throw new SpotValidationException("nothing to update: set at least one field");
        }

        var patch = new Wire.CloudSpacePatch
        {
            Spec = new Wire.CloudSpacePatchSpec
            {
                KubernetesVersion = request.KubernetesVersion,
                HAControlPlane = request.HAControlPlane,
                GpuEnabled = request.GpuEnabled,
                Webhook = Webhook(request.Webhook),
            },
        };
        return _core.CallAsync(async ct =>
        {
            var ns = await _core.Orgs.NamespaceAsync(org, ct).ConfigureAwait(false);
            if (ifResourceVersion is null)
            {
                return (await _core.CloudSpaces.PatchAsync(ns, name, patch, ct).ConfigureAwait(false)).ToModel();
            }

            return (await ConditionalReplace.UpdateAsync(_core, new ConditionalUpdate<Api.CloudSpace>("cloudspace", name, patch, ifResourceVersion,
                c => _core.CloudSpaces.GetAsync(ns, name, c), (replacement, c) => _core.CloudSpaces.ReplaceAsync(ns, name, replacement, c)), ct).ConfigureAwait(false)).ToModel();
        }, cancellationToken);
    }

    /// <summary>Deletes a cloudspace (its pools go with it).</summary>
    /// <param name="name">Cloudspace name.</param>
    /// <param name="org">Organization; null for the configured one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [SpotOperation("CloudSpaces_Delete")]
    public virtual void Delete(string name, string? org = null, CancellationToken cancellationToken = default) => SyncOverAsync.Run(ct => DeleteAsync(name, org, ct), cancellationToken);

    /// <inheritdoc />
    [SpotOperation("CloudSpaces_Delete")]
    public virtual Task DeleteAsync(string name, string? org = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _core.RefuseWhenReadOnly($"deleting cloudspace '{name}'");
        return _core.CallAsync(async ct =>
        {
            var ns = await _core.Orgs.NamespaceAsync(org, ct).ConfigureAwait(false);
            return await _core.CloudSpaces.DeleteAsync(ns, name, ct).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <summary>Generates a kubeconfig (YAML text) for a cloudspace. Needs the refresh token.</summary>
    /// <param name="name">Cloudspace name.</param>
    /// <param name="org">Organization; null for the configured one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    [SpotOperation("Kubeconfig_Generate")]
    public virtual string GetKubeconfig(string name, string? org = null, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(ct => GetKubeconfigAsync(name, org, ct), cancellationToken);

    /// <inheritdoc />
    [SpotOperation("Kubeconfig_Generate")]
    public virtual Task<string> GetKubeconfigAsync(string name, string? org = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var refreshToken = _core.Settings.RefreshToken
            ?? throw new SpotAuthenticationException("generating a kubeconfig needs the refresh token (the API authenticates that call with it); run 'rsspot configure --refresh-token <token>'");
        return _core.CallAsync(async ct =>
        {
            var orgName = await _core.Orgs.NameAsync(org, ct).ConfigureAwait(false);
            var response = await _core.Kubeconfig.GenerateAsync(
                new Wire.KubeconfigRequest { Organization_name = orgName, Cloudspace_name = name, Refresh_token = refreshToken }, ct).ConfigureAwait(false);
            return response.Data?.Kubeconfig is { Length: > 0 } kubeconfig
                ? kubeconfig
                : throw new SpotException($"the server returned no kubeconfig for cloudspace '{name}'");
        }, cancellationToken);
    }

    /// <summary>Polls a cloudspace until it is Ready, reporting each observation; fails on any other ending of <see cref="Wait"/>.</summary>
    /// <param name="name">Cloudspace name.</param>
    /// <param name="timeout">Longest wait (default 30 minutes).</param>
    /// <param name="progress">Receives every observed state.</param>
    /// <param name="org">Organization; null for the configured one.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="SpotException">The wait ended another way (its message says how and what to do).</exception>
    [SpotOperation("CloudSpaces_Get")]
    public virtual CloudSpace WaitUntilReady(string name, TimeSpan? timeout = null, IProgress<CloudSpace>? progress = null, string? org = null, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(ct => WaitUntilReadyAsync(name, timeout, progress, org, ct), cancellationToken);

    /// <inheritdoc />
    [SpotOperation("CloudSpaces_Get")]
    public virtual async Task<CloudSpace> WaitUntilReadyAsync(string name, TimeSpan? timeout = null, IProgress<CloudSpace>? progress = null, string? org = null, CancellationToken cancellationToken = default)
    {
        var result = await WaitAsync(name, timeout, progress, org, cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? result.Resource! : throw new SpotException($"{result.Message}: {result.Advice}");
    }

    /// <summary>
    /// Polls a cloudspace until it is Ready or in a state that will not resolve by waiting (Error, NoWinningBids,
    /// SpeedBump Hit, SubscriptionSuspended, Deleting), or the timeout passes. Every ending is a result, not an
    /// exception; only failures to ask (network, authentication, no such cloudspace) and cancellation throw.
    /// </summary>
    /// <param name="name">Cloudspace name.</param>
    /// <param name="timeout">Longest wait (default 30 minutes).</param>
    /// <param name="progress">Receives every observed state.</param>
    /// <param name="org">Organization; null for the configured one.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    [SpotOperation("CloudSpaces_Get")]
    public virtual WaitResult<CloudSpace> Wait(string name, TimeSpan? timeout = null, IProgress<CloudSpace>? progress = null, string? org = null, CancellationToken cancellationToken = default) =>
        SyncOverAsync.Run(ct => WaitAsync(name, timeout, progress, org, ct), cancellationToken);

    /// <inheritdoc />
    [SpotOperation("CloudSpaces_Get")]
    public virtual Task<WaitResult<CloudSpace>> WaitAsync(string name, TimeSpan? timeout = null, IProgress<CloudSpace>? progress = null, string? org = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var target = new WaitTarget<CloudSpace>("cloudspace", name, "ready", ct => GetAsync(name, org, ct), WaitRules.Read);
        return ResourceWaiter.WaitAsync(_core, target, timeout, progress, cancellationToken);
    }

    /// <summary>A pre-emption webhook is an absolute http(s) URL (Spot POSTs notices to it), or empty for none.</summary>
    private static string? Webhook(string? url) =>
        string.IsNullOrEmpty(url) || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
            ? url
            : throw new SpotValidationException($"invalid webhook '{url}': use an absolute http(s) URL (see 'rsspot webhook serve'), or \"\" for none");

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")]
    private static partial Regex DnsLabel();
}
