using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace RsSpot.Observability.Watching;

/// <summary>
/// What one look saw of one cloudspace (or VM cloudspace): phase, endpoint, pools with their counts and prices, and
/// the servers assigned. It is both what a watch compares and its checkpoint in state.db (as JSON).
/// </summary>
internal sealed record CloudSpaceState
{
    public const string Kubernetes = "kubernetes";
    public const string Vm = "vm";

    private static readonly JsonSerializerSettings Json = new()
    {
        FloatParseHandling = FloatParseHandling.Decimal,
        DateParseHandling = DateParseHandling.None,
        NullValueHandling = NullValueHandling.Ignore,
    };

    public required string Name { get; init; }

    /// <summary><see cref="Kubernetes"/> or <see cref="Vm"/>.</summary>
    public required string Kind { get; init; }

    public string? Region { get; init; }

    public string? Phase { get; init; }

    public string? Reason { get; init; }

    /// <summary>The state in the words of the waits (<c>phase Ready</c>, <c>phase Error (SpeedBump Hit)</c>).</summary>
    public string? Description { get; init; }

    /// <summary>A blocking state a wait would end on (<c>NoWinningBids</c>, <c>Failed</c>...), if any.</summary>
    public string? Blocking { get; init; }

    public string? Endpoint { get; init; }

    public Dictionary<string, PoolState> Pools { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The servers assigned, by name; null when the server did not say (never read as "every server left").</summary>
    public Dictionary<string, ServerState>? Servers { get; init; }

    /// <summary>The checkpoint key: VM cloudspaces may share a name with a Kubernetes one.</summary>
    public string Key => KeyOf(Kind, Name);

    public static string KeyOf(string kind, string name) => kind == Vm ? $"vm/{name}" : name;

    public string ToJson() => JsonConvert.SerializeObject(this, Json);

    public static CloudSpaceState FromJson(string json) => JsonConvert.DeserializeObject<CloudSpaceState>(json, Json)!;
}

/// <summary>One pool as seen: status, counts and the prices that decide what it costs and whether it keeps its servers.</summary>
internal sealed record PoolState
{
    public const string Spot = "spot";
    public const string OnDemand = "ondemand";

    public required string Name { get; init; }

    /// <summary><see cref="Spot"/> or <see cref="OnDemand"/> (VM pools included).</summary>
    public required string Kind { get; init; }

    public string? ServerClass { get; init; }

    /// <summary>Bid status (spot) or reservation status (on-demand).</summary>
    public string? Status { get; init; }

    /// <summary>A blocking status a wait would end on (<c>Lost</c>...), if any.</summary>
    public string? Blocking { get; init; }

    public int Won { get; init; }

    public int Desired { get; init; }

    public decimal? Bid { get; init; }

    public decimal? MarketPrice { get; init; }

    public decimal? MinimumBid { get; init; }

    public decimal? OnDemandPrice { get; init; }

    /// <summary>The market price is above the bid: the pool's servers go.</summary>
    public bool AboveBid => Kind == Spot && Bid is { } bid && MarketPrice > bid;

    /// <summary>The market price is within <paramref name="margin"/> (a fraction) of the bid, not yet above it.</summary>
    public bool AtRisk(decimal margin) => Kind == Spot && !AboveBid && Bid is { } bid && MarketPrice >= bid * (1 - margin);

    /// <summary>What the pool's servers cost per server-hour: the market price, never below the class's minimum bid; on-demand pools pay their fixed price.</summary>
    public decimal? UnitPrice => Kind == OnDemand ? OnDemandPrice : MarketPrice is { } market ? Math.Max(market, MinimumBid ?? 0m) : null;

    /// <summary>The pool as event data: what spend integration reads back.</summary>
    public JObject ToData() => new()
    {
        ["kind"] = Kind,
        ["server_class"] = ServerClass,
        ["status"] = Status,
        ["won"] = Won,
        ["desired"] = Desired,
        ["bid"] = Bid,
        ["market_price"] = MarketPrice,
        ["minimum_bid"] = MinimumBid,
        ["on_demand_price"] = OnDemandPrice,
    };

    /// <summary>Reads <see cref="ToData"/> back (a pool-removed event reads as 0 servers).</summary>
    public static PoolState FromData(string name, JObject data) => new()
    {
        Name = name,
        Kind = data.Value<string>("kind") ?? Spot,
        ServerClass = data.Value<string>("server_class"),
        Status = data.Value<string>("status"),
        Won = data.Value<int?>("won") ?? 0,
        Desired = data.Value<int?>("desired") ?? 0,
        Bid = data.Value<decimal?>("bid"),
        MarketPrice = data.Value<decimal?>("market_price"),
        MinimumBid = data.Value<decimal?>("minimum_bid"),
        OnDemandPrice = data.Value<decimal?>("on_demand_price"),
    };
}

/// <summary>One assigned server: its pool when the server names it (VM cloudspaces), its class and type.</summary>
internal sealed record ServerState(string? Pool, string? ServerClass, string? Type);
