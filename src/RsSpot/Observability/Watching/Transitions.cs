using System.Globalization;
using Newtonsoft.Json.Linq;
using RsSpot.Internal.Waiting;
using RsSpot.Models;
using static RsSpot.Observability.EventTypes;

namespace RsSpot.Observability.Watching;

/// <summary>One transition between two looks at a cloudspace, before it becomes a <see cref="SpotEvent"/>.</summary>
internal sealed record Change(string Type, string Message, string? Pool = null, string? Server = null, JObject? Data = null);

/// <summary>
/// What changed between two looks at one cloudspace: phase, endpoint, pools (added, removed, bid status, won count,
/// market price, the price crossing the bid, capacity at risk) and servers (added, removed). A server that leaves a
/// spot pool that still wants it is a likely pre-emption; one that leaves with its pool, a smaller pool, an on-demand
/// pool or a cloudspace being deleted is not. Pure: the watch decides what the looks are.
/// </summary>
internal static class Transitions
{
    /// <summary>A cloudspace seen for the first time: a summary, each pool's state (where spend integration starts), and any risk already there.</summary>
    public static IEnumerable<Change> FirstSight(CloudSpaceState now, decimal margin)
    {
        var servers = now.Servers is { } known ? $", {known.Count} servers" : "";
        yield return new(CloudSpaceSeen, $"{Noun(now)} {now.Name} seen: {now.Description}, {Count(now.Pools.Count, "pool")}{servers}", Data: new JObject
        {
            ["kind"] = now.Kind,
            ["phase"] = now.Phase,
            ["reason"] = now.Reason,
            ["endpoint"] = now.Endpoint,
            ["pools"] = now.Pools.Count,
            ["servers"] = now.Servers?.Count,
        });
        foreach (var pool in Ordered(now.Pools))
        {
            yield return PoolChange(PoolSeen, pool, $"{PoolNoun(pool)} {pool.Name} seen: {Describe(pool)}");
            foreach (var risk in PriceRisk(null, pool, margin))
            {
                yield return risk;
            }
        }
    }

    /// <summary>A cloudspace that is gone: each of its pools, then the cloudspace itself.</summary>
    public static IEnumerable<Change> Removed(CloudSpaceState before)
    {
        foreach (var pool in Ordered(before.Pools))
        {
            yield return PoolGone(pool, $"{PoolNoun(pool)} {pool.Name} removed with {Noun(before)} {before.Name}");
        }

        yield return new(CloudSpaceRemoved, $"{Noun(before)} {before.Name} is gone", Data: new JObject { ["kind"] = before.Kind, ["last_phase"] = before.Phase });
    }

    /// <summary>Every transition from <paramref name="before"/> to <paramref name="now"/>, cloudspace first, then pools, then servers.</summary>
    public static IEnumerable<Change> Between(CloudSpaceState before, CloudSpaceState now, decimal margin)
    {
        if (before.Phase != now.Phase || before.Reason != now.Reason)
        {
            var advice = now.Blocking is { } blocking && Enum.TryParse<WaitOutcome>(blocking, out var outcome) ? $": {WaitRules.Advice(outcome, Noun(now))}" : "";
            yield return new(PhaseChanged, $"{Noun(now)} {now.Name}: {before.Description} -> {now.Description}{advice}", Data: new JObject
            {
                ["from"] = before.Phase,
                ["to"] = now.Phase,
                ["reason"] = now.Reason,
                ["blocking"] = now.Blocking,
            });
        }

        if (before.Endpoint != now.Endpoint)
        {
            yield return new(EndpointChanged, $"{Noun(now)} {now.Name}: API endpoint {before.Endpoint ?? "(none)"} -> {now.Endpoint ?? "(none)"}",
                Data: new JObject { ["from"] = before.Endpoint, ["to"] = now.Endpoint });
        }

        foreach (var change in Ordered(before.Pools).Where(p => !now.Pools.ContainsKey(p.Name)).Select(p => PoolGone(p, $"{PoolNoun(p)} {p.Name} removed")))
        {
            yield return change;
        }

        foreach (var pool in Ordered(now.Pools))
        {
            var changes = before.Pools.TryGetValue(pool.Name, out var was)
                ? PoolChanges(was, pool, margin)
                : PriceRisk(null, pool, margin).Prepend(PoolChange(PoolAdded, pool, $"{PoolNoun(pool)} {pool.Name} added: {Describe(pool)}"));
            foreach (var change in changes)
            {
                yield return change;
            }
        }

        // Only two looks that both listed the servers are compared: "not listed" is not "gone".
        if (before.Servers is not { } earlier || now.Servers is not { } later)
        {
            yield break;
        }

        foreach (var (name, server) in earlier.Where(s => !later.ContainsKey(s.Key)).OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            yield return ServerGone(before, now, name, server);
        }

        foreach (var (name, server) in later.Where(s => !earlier.ContainsKey(s.Key)).OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            yield return new(ServerAdded, $"server {name} joined {Noun(now)} {now.Name}{Of(server)}", server.Pool, name, ServerData(server));
        }
    }

    private static IEnumerable<Change> PoolChanges(PoolState was, PoolState pool, decimal margin)
    {
        var noun = $"{PoolNoun(pool)} {pool.Name}";
        if (was.Status != pool.Status)
        {
            var advice = pool.Blocking is { } blocking && Enum.TryParse<WaitOutcome>(blocking, out var outcome) ? $": {WaitRules.Advice(outcome, PoolNoun(pool))}" : "";
            yield return PoolChange(BidStatusChanged, pool, $"{noun}: {(pool.Kind == PoolState.Spot ? "bid" : "reservation")} status {was.Status ?? "(none)"} -> {pool.Status ?? "(none)"}{advice}", was.Status, pool.Status);
        }

        if (was.Won != pool.Won)
        {
            yield return PoolChange(WonCountChanged, pool, $"{noun}: {was.Won} -> {pool.Won} of {pool.Desired} servers {(pool.Kind == PoolState.Spot ? "won" : "reserved")}", was.Won, pool.Won);
        }

        if (pool.Kind == PoolState.Spot && pool.MarketPrice is { } price && was.MarketPrice != price)
        {
            yield return PoolChange(PriceChanged, pool, $"{noun}: market price of {pool.ServerClass} {Money(was.MarketPrice)} -> {Money(price)} (bid {Money(pool.Bid)})", was.MarketPrice, price);
        }

        foreach (var risk in PriceRisk(was, pool, margin))
        {
            yield return risk;
        }
    }

    /// <summary>The market price crossing the bid either way, and entering the margin below it (the early warning).</summary>
    private static IEnumerable<Change> PriceRisk(PoolState? was, PoolState pool, decimal margin)
    {
        var noun = $"{PoolNoun(pool)} {pool.Name}";
        if (!(was?.AboveBid ?? false) && pool.AboveBid)
        {
            yield return PoolChange(PriceAboveBid, pool, $"{noun}: market price {Money(pool.MarketPrice)} of {pool.ServerClass} is above the bid {Money(pool.Bid)}; its servers will be pre-empted");
        }
        else if ((was?.AboveBid ?? false) && !pool.AboveBid)
        {
            yield return PoolChange(PriceBelowBid, pool, $"{noun}: market price {Money(pool.MarketPrice)} of {pool.ServerClass} is back at or below the bid {Money(pool.Bid)}");
        }

        if (!(was?.AtRisk(margin) ?? false) && pool.AtRisk(margin))
        {
            var change = PoolChange(CapacityAtRisk, pool, $"{noun}: market price {Money(pool.MarketPrice)} of {pool.ServerClass} is within {Money(margin * 100)}% of the bid {Money(pool.Bid)}; raise the bid to keep its servers");
            change.Data!["margin"] = margin;
            yield return change;
        }
    }

    private static Change ServerGone(CloudSpaceState before, CloudSpaceState now, string name, ServerState server)
    {
        var candidates = server.Pool is { } named
            ? before.Pools.Values.Where(p => p.Name == named).ToList()
            : [.. before.Pools.Values.Where(p => p.Kind == PoolState.Spot && p.ServerClass == server.ServerClass)];
        var pool = candidates.Count == 1 ? candidates[0] : null;
        // Explained by what the user did or the cloudspace's end; a spot server leaving a pool that still wants it is not.
        var why = string.Equals(server.Type, PoolState.OnDemand, StringComparison.OrdinalIgnoreCase) ? "on-demand servers are never pre-empted"
            : now.Blocking == nameof(WaitOutcome.Deleted) ? $"the {Noun(now)} is being deleted"
            : candidates.Count > 0 && candidates.All(c => !now.Pools.ContainsKey(c.Name)) ? "its pool was removed"
            : candidates.Count > 0 && candidates.All(c => now.Pools.TryGetValue(c.Name, out var after) && after.Desired < c.Desired) ? "its pool was scaled down"
            : null;
        var data = ServerData(server);
        data["likely_preemption"] = why is null;
        if (why is not null)
        {
            data["explained_by"] = why;
        }

        var priced = pool is not null && now.Pools.TryGetValue(pool.Name, out var current) && current.AboveBid ? " (the market price is above the bid)" : "";
        return new(ServerRemoved, $"server {name} left {Noun(now)} {now.Name}{Of(server, pool?.Name)}: {(why is null ? $"likely pre-empted{priced}" : why)}", server.Pool ?? pool?.Name, name, data);
    }

    private static Change PoolGone(PoolState pool, string message)
    {
        var change = PoolChange(PoolRemoved, pool with { Won = 0 }, message);
        change.Data!["last_won"] = pool.Won;
        return change;
    }

    private static Change PoolChange(string type, PoolState pool, string message, JToken? from = null, JToken? to = null)
    {
        var data = pool.ToData();
        if (from is not null || to is not null)
        {
            data["from"] = from;
            data["to"] = to;
        }

        return new(type, message, pool.Name, Data: data);
    }

    private static JObject ServerData(ServerState server) => new() { ["pool"] = server.Pool, ["server_class"] = server.ServerClass, ["server_type"] = server.Type };

    private static string Describe(PoolState pool) =>
        $"{pool.ServerClass}, {(pool.Status is { } status ? $"status {status}, " : "")}{pool.Won}/{pool.Desired} servers"
        + (pool.Kind == PoolState.Spot ? $", bid {Money(pool.Bid)}, market {Money(pool.MarketPrice)}" : "");

    private static string Of(ServerState server, string? pool = null) =>
        (server.Pool ?? pool) is { } name ? $" (pool {name})" : server.ServerClass is { } serverClass ? $" ({serverClass})" : "";

    private static IEnumerable<PoolState> Ordered(Dictionary<string, PoolState> pools) => pools.Values.OrderBy(p => p.Name, StringComparer.Ordinal);

    private static string Noun(CloudSpaceState cloudSpace) => cloudSpace.Kind == CloudSpaceState.Vm ? "VM cloudspace" : "cloudspace";

    private static string PoolNoun(PoolState pool) => pool.Kind == PoolState.Spot ? "spot pool" : "on-demand pool";

    private static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";

    private static string Money(decimal? amount) => amount is { } value ? Pricing.Money.Normalize(value).ToString(CultureInfo.InvariantCulture) : "unknown";
}
