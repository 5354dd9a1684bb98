using Newtonsoft.Json.Linq;

namespace RsSpot.Models;

/// <summary>
/// One event of the local history in state.db: a transition <c>rsspot watch</c> saw (a phase or bid status change, a
/// server added or removed, the market price crossing a bid, capacity at risk), a pre-emption notice the webhook
/// receiver accepted, or an API error the watch met. Read them with <see cref="SpotClient.QueryEvents"/>.
/// </summary>
public sealed record SpotEvent
{
    /// <summary>Row id; increases with insertion order (0 until stored).</summary>
    public long Id { get; init; }

    /// <summary>When it happened (when the watch saw it, or when the notice arrived).</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>
    /// What happened: <c>cloudspace-seen</c>, <c>cloudspace-removed</c>, <c>phase-changed</c>, <c>endpoint-changed</c>,
    /// <c>pool-added</c>, <c>pool-removed</c>, <c>bid-status-changed</c>, <c>won-count-changed</c>,
    /// <c>server-added</c>, <c>server-removed</c>, <c>price-changed</c>, <c>price-above-bid</c>,
    /// <c>price-below-bid</c>, <c>capacity-at-risk</c>, <c>watch-error</c>, <c>watch-recovered</c> or
    /// <c>preemption-notice</c> (see docs/observability.md).
    /// </summary>
    public required string Type { get; init; }

    /// <summary>What recorded it: <c>watch</c> or <c>webhook</c>.</summary>
    public required string Source { get; init; }

    /// <summary>Profile of the run that recorded it.</summary>
    public string? Profile { get; init; }

    /// <summary>Organization (namespace) it concerns.</summary>
    public string? Org { get; init; }

    /// <summary>Region it concerns, when known.</summary>
    public string? Region { get; init; }

    /// <summary>Cloudspace (or VM cloudspace) it concerns.</summary>
    public string? CloudSpace { get; init; }

    /// <summary>Node pool (or VM pool) it concerns.</summary>
    public string? Pool { get; init; }

    /// <summary>Server it concerns.</summary>
    public string? Server { get; init; }

    /// <summary>One line for people.</summary>
    public required string Message { get; init; }

    /// <summary>The details for machines (before/after values, the pool's prices and counts, the notice as received).</summary>
    public JObject? Data { get; init; }
}

/// <summary>Which recorded events a query of the event history returns: every filter set must match.</summary>
internal sealed record EventQuery
{
    /// <summary>Largest <see cref="Limit"/> accepted.</summary>
    public const int MaxLimit = 100_000;

    /// <summary>Only events at or after this instant.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Only events before this instant.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>Only events of this cloudspace.</summary>
    public string? CloudSpace { get; init; }

    /// <summary>Only events of these types (any of them); empty for every type.</summary>
    public IReadOnlyList<string> Types { get; init; } = [];

    /// <summary>How many events at most: the most recent ones that match, returned oldest first (1 to <see cref="MaxLimit"/>).</summary>
    public int Limit { get; init; } = 1000;
}
