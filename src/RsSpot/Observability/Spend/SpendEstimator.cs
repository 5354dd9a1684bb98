using RsSpot.Models;
using RsSpot.Observability.Watching;
using RsSpot.Pricing;

namespace RsSpot.Observability.Spend;

/// <summary>What servers cost against what the same servers would cost on demand (USD), and the difference.</summary>
internal abstract record SpendFigures
{
    /// <summary>What the servers cost (per hour for a run-rate, in total for a period); null when a price is unknown.</summary>
    public decimal? Cost { get; init; }

    /// <summary>What the same servers would cost on demand; null when the class has no on-demand price.</summary>
    public decimal? OnDemand { get; init; }

    public decimal? Savings => Cost is { } cost && OnDemand is { } onDemand ? onDemand - cost : null;

    public decimal? SavingsPercent => Money.SavingsPercent(Cost, OnDemand);
}

/// <summary>One pool's run-rate now: won servers × what one costs per hour (the market price, never below the minimum bid).</summary>
internal sealed record PoolRunRate : SpendFigures
{
    public required string CloudSpace { get; init; }

    public required PoolState Pool { get; init; }
}

/// <summary>One pool's spend over a period, integrated from the recorded history.</summary>
internal sealed record PoolSpend : SpendFigures
{
    public required string CloudSpace { get; init; }

    public required string Pool { get; init; }

    public string? Kind { get; init; }

    public string? ServerClass { get; init; }

    /// <summary>Servers × hours held.</summary>
    public decimal ServerHours { get; init; }

    /// <summary>When the history first knew the pool's state in the period.</summary>
    public DateTimeOffset ObservedFrom { get; init; }
}

/// <summary>The sum of the lines whose cost is known (<see cref="Unpriced"/> says how many are left out).</summary>
internal sealed record SpendTotal : SpendFigures
{
    public int Unpriced { get; init; }

    public static SpendTotal Of(IEnumerable<SpendFigures> lines)
    {
        var priced = lines.ToList();
        var known = priced.Where(l => l.Cost is not null).ToList();
        return new SpendTotal
        {
            Cost = known.Sum(l => l.Cost!.Value),
            OnDemand = known.All(l => l.OnDemand is not null) ? known.Sum(l => l.OnDemand!.Value) : null,
            Unpriced = priced.Count - known.Count,
        };
    }
}

/// <summary>
/// Spend in decimal arithmetic throughout: the run-rate of what runs now, and what was spent over a period, integrated
/// from the pool states the watch recorded (each state holds until the next one; a period starts from the last state
/// recorded before it).
/// </summary>
internal static class SpendEstimator
{
    /// <summary>The event types whose data is a whole pool state (see <see cref="PoolState.ToData"/>).</summary>
    public static IReadOnlyList<string> PoolStateTypes { get; } =
    [
        EventTypes.PoolSeen, EventTypes.PoolAdded, EventTypes.PoolRemoved, EventTypes.BidStatusChanged, EventTypes.WonCountChanged,
        EventTypes.PriceChanged, EventTypes.PriceAboveBid, EventTypes.PriceBelowBid, EventTypes.CapacityAtRisk,
    ];

    /// <summary>Per hour, for every pool of <paramref name="fleet"/>.</summary>
    public static IReadOnlyList<PoolRunRate> RunRate(IEnumerable<CloudSpaceState> fleet) =>
    [
        .. fleet.OrderBy(c => c.Name, StringComparer.Ordinal).SelectMany(c => c.Pools.Values.OrderBy(p => p.Name, StringComparer.Ordinal).Select(pool => new PoolRunRate
        {
            CloudSpace = c.Name,
            Pool = pool,
            Cost = pool.UnitPrice * pool.Won,
            OnDemand = pool.OnDemandPrice * pool.Won,
        })),
    ];

    /// <summary>
    /// What each pool cost from <paramref name="from"/> to <paramref name="until"/>: <paramref name="before"/> holds the
    /// last recorded state of each pool before the period, <paramref name="during"/> the states recorded in it (oldest first).
    /// </summary>
    public static IReadOnlyList<PoolSpend> Spent(IEnumerable<SpotEvent> before, IEnumerable<SpotEvent> during, DateTimeOffset from, DateTimeOffset until)
    {
        var states = before.Select(e => (At: from, Event: e)).Concat(during.Select(e => (At: e.OccurredAt, Event: e)))
            .Where(s => s.Event.Pool is not null && s.Event.Data is not null && PoolStateTypes.Contains(s.Event.Type))
            .GroupBy(s => (CloudSpace: s.Event.CloudSpace ?? "", Pool: s.Event.Pool!));
        var lines = new List<PoolSpend>();
        foreach (var pool in states.OrderBy(g => g.Key.CloudSpace, StringComparer.Ordinal).ThenBy(g => g.Key.Pool, StringComparer.Ordinal))
        {
            var timeline = pool.OrderBy(s => s.At).ThenBy(s => s.Event.Id).Select(s => (s.At, State: PoolState.FromData(pool.Key.Pool, s.Event.Data!))).ToList();
            decimal serverHours = 0, cost = 0, onDemand = 0;
            bool priced = true, comparable = true;
            for (var i = 0; i < timeline.Count; i++)
            {
                var (start, state) = timeline[i];
                var end = i + 1 < timeline.Count ? timeline[i + 1].At : until;
                var held = Hours(end - start) * state.Won;
                if (held <= 0)
                {
                    continue;
                }

                serverHours += held;
                (priced, cost) = state.UnitPrice is { } unit ? (priced, cost + (held * unit)) : (false, cost);
                (comparable, onDemand) = state.OnDemandPrice is { } fixedPrice ? (comparable, onDemand + (held * fixedPrice)) : (false, onDemand);
            }

            if (serverHours == 0 && timeline.All(s => s.At == from))
            {
                continue; // a pool gone (or empty) before the period and silent in it: nothing to report
            }

            var last = timeline[^1].State;
            lines.Add(new PoolSpend
            {
                CloudSpace = pool.Key.CloudSpace,
                Pool = pool.Key.Pool,
                Kind = last.Kind,
                ServerClass = last.ServerClass,
                ServerHours = serverHours,
                ObservedFrom = timeline[0].At,
                Cost = priced ? cost : null,
                OnDemand = comparable ? onDemand : null,
            });
        }

        return lines;
    }

    /// <summary>Exact hours of a span (ticks over ticks per hour, in decimal).</summary>
    private static decimal Hours(TimeSpan span) => span <= TimeSpan.Zero ? 0m : (decimal)span.Ticks / TimeSpan.TicksPerHour;
}
