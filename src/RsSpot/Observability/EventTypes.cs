namespace RsSpot.Observability;

/// <summary>The <see cref="Models.SpotEvent.Type"/> and <see cref="Models.SpotEvent.Source"/> values rsspot records (docs/observability.md lists them).</summary>
internal static class EventTypes
{
    public const string CloudSpaceSeen = "cloudspace-seen";
    public const string CloudSpaceRemoved = "cloudspace-removed";
    public const string PhaseChanged = "phase-changed";
    public const string EndpointChanged = "endpoint-changed";
    public const string PoolSeen = "pool-seen";
    public const string PoolAdded = "pool-added";
    public const string PoolRemoved = "pool-removed";
    public const string BidStatusChanged = "bid-status-changed";
    public const string WonCountChanged = "won-count-changed";
    public const string ServerAdded = "server-added";
    public const string ServerRemoved = "server-removed";
    public const string PriceChanged = "price-changed";
    public const string PriceAboveBid = "price-above-bid";
    public const string PriceBelowBid = "price-below-bid";
    public const string CapacityAtRisk = "capacity-at-risk";
    public const string WatchError = "watch-error";
    public const string WatchRecovered = "watch-recovered";
    public const string PreemptionNotice = "preemption-notice";

    /// <summary>Every type, in the order the documentation lists them.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        CloudSpaceSeen, CloudSpaceRemoved, PhaseChanged, EndpointChanged, PoolSeen, PoolAdded, PoolRemoved, BidStatusChanged,
        WonCountChanged, ServerAdded, ServerRemoved, PriceChanged, PriceAboveBid, PriceBelowBid, CapacityAtRisk, WatchError,
        WatchRecovered, PreemptionNotice,
    ];

    /// <summary>Recorded by <c>rsspot watch</c>.</summary>
    public const string WatchSource = "watch";

    /// <summary>Recorded by <c>rsspot webhook serve</c>.</summary>
    public const string WebhookSource = "webhook";
}
