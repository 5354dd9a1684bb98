using Newtonsoft.Json.Linq;
using RsSpot.Http;
using RsSpot.Internal.Waiting;
using RsSpot.Models;
using RsSpot.Pricing;

namespace RsSpot.Observability.Watching;

/// <summary>
/// Reads what an organization runs, fresh from the API (never the HTTP cache): its cloudspaces with their spot and
/// on-demand pools, its VM cloudspaces with their VM pools and servers, and the prices of every class used. States
/// are read in the waits' words (<see cref="WaitRules"/>). Any failure throws: a partial look is never returned, so
/// a failed call can never read as servers gone.
/// </summary>
internal sealed class FleetReader(SpotClient client)
{
    /// <summary>Every cloudspace of <paramref name="org"/> (namespace), or only the one named <paramref name="cloudSpace"/> (empty when it does not exist).</summary>
    public async Task<IReadOnlyList<CloudSpaceState>> ReadAsync(string? cloudSpace, string org, CancellationToken cancellationToken)
    {
        using var fresh = DiagnosticsHandler.BeginCacheBypass();
        var classes = (await client.ServerClasses.ListAsync(null, onlyAvailable: false, cancellationToken).ConfigureAwait(false))
            .ToDictionary(c => c.Name, StringComparer.Ordinal);
        var clusters = cloudSpace is null
            ? await client.CloudSpaces.ListAsync(org, cancellationToken).ConfigureAwait(false)
            : await OneAsync(() => client.CloudSpaces.GetAsync(cloudSpace, org, cancellationToken)).ConfigureAwait(false);
        var spot = await client.SpotNodePools.ListAsync(cloudSpace, org, cancellationToken).ConfigureAwait(false);
        var onDemand = await client.OnDemandNodePools.ListAsync(cloudSpace, org, cancellationToken).ConfigureAwait(false);
        var vms = await OptionalAsync(() => cloudSpace is null
            ? client.Inventory.ListVmCloudSpacesAsync(org, cancellationToken)
            : OneAsync(() => client.Inventory.GetVmCloudSpaceAsync(cloudSpace, org, cancellationToken))).ConfigureAwait(false);
        IReadOnlyList<VmPool> vmPools = vms.Count == 0 ? [] : await OptionalAsync(() => client.Inventory.ListVmPoolsAsync(cloudSpace, org, cancellationToken)).ConfigureAwait(false);

        var pools = spot.Select(p => (p.CloudSpace, State: Spot(p, classes)))
            .Concat(onDemand.Select(p => (p.CloudSpace, State: OnDemand(p, classes))))
            .ToLookup(p => p.CloudSpace ?? "", p => p.State, StringComparer.Ordinal);
        var vmPoolsBySpace = vmPools.ToLookup(p => p.VmCloudSpace ?? "", p => Vm(p, classes), StringComparer.Ordinal);
        return
        [
            .. clusters.Select(c => Cluster(c, pools[c.Name])),
            .. vms.Select(v => VmSpace(v, vmPoolsBySpace[v.Name])),
        ];
    }

    private static CloudSpaceState Cluster(CloudSpace c, IEnumerable<PoolState> pools)
    {
        var state = WaitRules.Read(c);
        return new CloudSpaceState
        {
            Name = c.Name,
            Kind = CloudSpaceState.Kubernetes,
            Region = c.Region,
            Phase = c.Phase,
            Reason = Text(c.Reason),
            Description = state.Description,
            Blocking = state.Outcome is { } outcome and not WaitOutcome.Reached ? outcome.ToString() : null,
            Endpoint = Text(c.ApiServerEndpoint),
            Pools = pools.ToDictionary(p => p.Name, StringComparer.Ordinal),
            Servers = c.Raw?["status"]?["assignedServers"] is JObject
                ? c.AssignedServers.ToDictionary(s => s.Name, s => new ServerState(null, s.ServerClass, s.ServerType), StringComparer.Ordinal)
                : null,
        };
    }

    private static CloudSpaceState VmSpace(VmCloudSpace v, IEnumerable<PoolState> pools) => new()
    {
        Name = v.Name,
        Kind = CloudSpaceState.Vm,
        Region = v.Region,
        Phase = v.Phase,
        Description = $"phase {v.Phase ?? "unknown"}",
        Pools = pools.ToDictionary(p => p.Name, StringComparer.Ordinal),
        Servers = v.Raw?["status"]?["assignedServers"] is JObject
            ? v.Servers.ToDictionary(s => s.ServerName, s => new ServerState(s.VmPool, s.ServerClass, s.ServerType), StringComparer.Ordinal)
            : null,
    };

    private static PoolState Spot(SpotNodePool p, IReadOnlyDictionary<string, ServerClass> classes) =>
        Priced(p.Name, PoolState.Spot, p.ServerClass, p.BidStatus, WaitRules.Read(p, null).Outcome, p.WonCount, p.Desired, p.BidPrice, classes);

    private static PoolState OnDemand(OnDemandNodePool p, IReadOnlyDictionary<string, ServerClass> classes) =>
        Priced(p.Name, PoolState.OnDemand, p.ServerClass, p.ReservedStatus, WaitRules.Read(p, null).Outcome, p.ReservedCount, p.Desired, null, classes);

    private static PoolState Vm(VmPool p, IReadOnlyDictionary<string, ServerClass> classes) =>
        Priced(p.Name, string.Equals(p.PoolType, PoolState.OnDemand, StringComparison.OrdinalIgnoreCase) ? PoolState.OnDemand : PoolState.Spot,
            p.ServerClass, p.BidStatus, null, p.WonCount, p.Desired, p.BidPrice, classes);

    private static PoolState Priced(string name, string kind, string? serverClass, string? status, WaitOutcome? outcome, int won, int desired, string? bid, IReadOnlyDictionary<string, ServerClass> classes)
    {
        var prices = serverClass is null ? null : classes.GetValueOrDefault(serverClass);
        return new PoolState
        {
            Name = name,
            Kind = kind,
            ServerClass = serverClass,
            Status = Text(status),
            Blocking = outcome is { } o and not WaitOutcome.Reached ? o.ToString() : null,
            Won = won,
            Desired = desired,
            Bid = PriceParser.ParsePrice(bid),
            MarketPrice = prices?.MarketPricePerHour,
            MinimumBid = prices?.MinBidPricePerHour,
            OnDemandPrice = prices?.OnDemandPricePerHour,
        };
    }

    /// <summary>One object as a list: empty when it does not exist.</summary>
    private static async Task<IReadOnlyList<T>> OneAsync<T>(Func<Task<T>> get)
    {
        try
        {
            return [await get().ConfigureAwait(false)];
        }
        catch (SpotNotFoundException)
        {
            return [];
        }
    }

    /// <summary>VM inventory is not offered to every organization: a 404 or 403 there means "none", not a failed look.</summary>
    private static async Task<IReadOnlyList<T>> OptionalAsync<T>(Func<Task<IReadOnlyList<T>>> list)
    {
        try
        {
            return await list().ConfigureAwait(false);
        }
        catch (SpotException e) when (e is SpotNotFoundException || e.StatusCode == System.Net.HttpStatusCode.Forbidden)
        {
            return [];
        }
    }

    private static string? Text(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
