using Newtonsoft.Json.Linq;
using RsSpot.Models;
using RsSpot.Observability.Spend;
using RsSpot.Observability.Watching;

namespace RsSpot.Tests.Observability;

/// <summary>Spend arithmetic in decimal with known inputs: run-rates, the minimum bid, on-demand savings and integration over time.</summary>
public sealed class SpendTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Test]
    public void A_run_rate_is_won_servers_times_the_market_price_with_the_on_demand_equivalent_and_savings()
    {
        var rate = SpendEstimator.RunRate([Space("a", Spot("p", won: 2, market: 0.020m, minimum: 0.005m, onDemand: 0.062m))]).Single();

        Assert.Multiple(() =>
        {
            Assert.That(rate.Cost, Is.EqualTo(0.040m));
            Assert.That(rate.OnDemand, Is.EqualTo(0.124m));
            Assert.That(rate.Savings, Is.EqualTo(0.084m));
            Assert.That(rate.SavingsPercent, Is.EqualTo(67.74m));
        });
    }

    [Test]
    public void The_class_minimum_bid_is_what_a_server_costs_when_the_market_is_below_it()
    {
        var rate = SpendEstimator.RunRate([Space("a", Spot("p", won: 3, market: 0.004m, minimum: 0.007m, onDemand: 0.062m))]).Single();

        Assert.That((rate.Pool.UnitPrice, rate.Cost), Is.EqualTo((0.007m, 0.021m)));
    }

    [Test]
    public void On_demand_pools_pay_their_fixed_price_and_save_nothing_and_unknown_prices_stay_out_of_the_totals()
    {
        var rates = SpendEstimator.RunRate(
        [
            Space("b", OnDemandPool("o", reserved: 2, onDemand: 0.1m)),
            Space("a", Spot("p", won: 1, market: 0.02m, minimum: null, onDemand: 0.06m), Spot("q", won: 4, market: null, minimum: null, onDemand: 0.06m)),
        ]);
        var total = SpendTotal.Of(rates);

        Assert.Multiple(() =>
        {
            Assert.That(rates.Select(r => $"{r.CloudSpace}/{r.Pool.Name}"), Is.EqualTo(new[] { "a/p", "a/q", "b/o" }));
            Assert.That((rates[2].Cost, rates[2].Savings), Is.EqualTo((0.2m, 0m)));
            Assert.That(rates[1].Cost, Is.Null);
            Assert.That((total.Cost, total.OnDemand, total.Savings, total.Unpriced), Is.EqualTo((0.22m, 0.26m, 0.04m, 1)));
        });
    }

    [Test]
    public void Spend_integrates_the_recorded_states_over_time_from_the_state_before_the_period()
    {
        // Before the period: 2 servers at 0.02. At +6h one is pre-empted; at +9h the price moves to 0.03; the period ends at +12h.
        var before = new[] { State("won-count-changed", T0.AddHours(-5), won: 2, market: 0.02m) };
        var during = new[]
        {
            State("won-count-changed", T0.AddHours(6), won: 1, market: 0.02m),
            State("price-changed", T0.AddHours(9), won: 1, market: 0.03m),
        };

        var spent = SpendEstimator.Spent(before, during, T0, T0.AddHours(12)).Single();

        Assert.Multiple(() =>
        {
            // 2×6h×0.02 + 1×3h×0.02 + 1×3h×0.03 = 0.24 + 0.06 + 0.09
            Assert.That(spent.Cost, Is.EqualTo(0.39m));
            Assert.That(spent.ServerHours, Is.EqualTo(18m));
            Assert.That(spent.OnDemand, Is.EqualTo(18m * 0.062m));
            Assert.That(spent.ObservedFrom, Is.EqualTo(T0));
        });
    }

    [Test]
    public void A_pool_first_seen_in_the_period_counts_from_then_and_a_removed_pool_stops_counting()
    {
        var during = new[]
        {
            State("pool-seen", T0.AddMinutes(90), won: 2, market: 0.01m),
            State("pool-removed", T0.AddMinutes(150), won: 0, market: 0.01m),
        };

        var spent = SpendEstimator.Spent([], during, T0, T0.AddHours(10)).Single();

        Assert.That((spent.ServerHours, spent.Cost, spent.ObservedFrom), Is.EqualTo((2m, 0.02m, T0.AddMinutes(90))));
    }

    [Test]
    public void Fractions_of_an_hour_stay_exact()
    {
        var spent = SpendEstimator.Spent([State("pool-seen", T0, won: 3, market: 0.013m)], [], T0, T0.AddMinutes(20)).Single();

        Assert.That(spent.Cost, Is.EqualTo(0.013m), "3 servers for a third of an hour at 0.013");
    }

    [Test]
    public void A_pool_gone_before_the_period_and_silent_in_it_is_not_reported()
    {
        var spent = SpendEstimator.Spent([State("pool-removed", T0.AddDays(-3), won: 0, market: 0.01m)], [], T0, T0.AddHours(1));

        Assert.That(spent, Is.Empty);
    }

    private static CloudSpaceState Space(string name, params PoolState[] pools) =>
        new() { Name = name, Kind = CloudSpaceState.Kubernetes, Pools = pools.ToDictionary(p => p.Name) };

    private static PoolState Spot(string name, int won, decimal? market, decimal? minimum, decimal? onDemand) => new()
    {
        Name = name,
        Kind = PoolState.Spot,
        Won = won,
        Desired = won,
        MarketPrice = market,
        MinimumBid = minimum,
        OnDemandPrice = onDemand,
        Bid = 0.05m,
    };

    private static PoolState OnDemandPool(string name, int reserved, decimal onDemand) =>
        new() { Name = name, Kind = PoolState.OnDemand, Won = reserved, Desired = reserved, OnDemandPrice = onDemand };

    private static SpotEvent State(string type, DateTimeOffset at, int won, decimal market) => new()
    {
        OccurredAt = at,
        Type = type,
        Source = "watch",
        CloudSpace = "a",
        Pool = "p",
        Message = type,
        Data = (JObject)Spot("p", won, market, 0.005m, 0.062m).ToData(),
    };
}
