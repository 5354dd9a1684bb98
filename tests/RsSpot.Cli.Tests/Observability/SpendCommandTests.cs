using Newtonsoft.Json.Linq;
using RsSpot.Models;
using RsSpot.State;

namespace RsSpot.Cli.Tests.Observability;

/// <summary><c>rsspot spend</c>: the run-rate from known prices, the on-demand equivalent and savings, csv for finance tools, and spend integrated from the history.</summary>
public class SpendCommandTests : EmulatedOrganizationTestBase
{
    [Test]
    public async Task The_run_rate_is_won_servers_times_the_market_price_with_on_demand_and_savings()
    {
        var onDemand = (await Expect(Run("server-classes", "get", ServerClass))).Json["on_demand_price_per_hour"]!.ToObject<decimal>();

        var run = await Expect(Run("-o", "json", "spend", "--cloudspace", CloudSpaceName));

        var pool = run.Json["pools"]!.Single();
        Assert.Multiple(() =>
        {
            Assert.That(pool["pool"]!.ToString(), Is.EqualTo(Pool));
            Assert.That(pool["servers"]!.ToObject<int>(), Is.EqualTo(2));
            Assert.That(pool["price_per_server_hour"]!.ToObject<decimal>(), Is.EqualTo(0.02m));
            Assert.That(pool["hourly"]!.ToObject<decimal>(), Is.EqualTo(2 * 0.02m));
            Assert.That(pool["monthly"]!.ToObject<decimal>(), Is.EqualTo(2 * 0.02m * 730));
            Assert.That(pool["on_demand_hourly"]!.ToObject<decimal>(), Is.EqualTo(2 * onDemand));
            Assert.That(pool["savings_hourly"]!.ToObject<decimal>(), Is.EqualTo((2 * onDemand) - (2 * 0.02m)));
            Assert.That(run.Json["total"]!["hourly"]!.ToObject<decimal>(), Is.EqualTo(2 * 0.02m));
            Assert.That(run.Json["currency"]!.ToString(), Is.EqualTo("USD"));
        });
    }

    [Test]
    public async Task Csv_has_a_row_per_pool_and_a_total_row()
    {
        var run = await Expect(Run("-o", "csv", "spend"));
        var lines = run.Out.TrimEnd('\n').Split('\n');

        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Is.EqualTo("cloud_space,pool,kind,server_class,servers,market_price,minimum_bid,price_per_server_hour,hourly,monthly,on_demand_hourly,on_demand_monthly,savings_hourly,savings_monthly,savings_percent"));
            Assert.That(lines, Has.Some.StartWith($"{CloudSpaceName},{Pool},spot,{ServerClass},2,0.02,"));
            Assert.That(lines[^1], Does.StartWith("TOTAL,,,,"));
        });
    }

    [Test]
    public async Task From_events_integrates_the_recorded_states_of_each_pool()
    {
        var now = DateTimeOffset.UtcNow;
        using (var store = StateStore.Open(StatePath))
        {
            // 2 servers for 6 h, then 1 for 2 h, then the pool is removed: 2×6×0.02 + 1×2×0.02 = 0.28.
            store.Events.Append(
            [
                PoolState("pool-seen", now.AddHours(-10), won: 2),
                PoolState("won-count-changed", now.AddHours(-4), won: 1),
                PoolState("pool-removed", now.AddHours(-2), won: 0),
            ]);
        }

        Emulator.ClearJournal();
        var run = await Expect(Run("-o", "json", "spend", "--from-events", "--since", "24h"));

        var line = run.Json["pools"]!.Single(p => p["pool"]!.ToString() == "history-pool");
        Assert.Multiple(() =>
        {
            Assert.That(line["spent"]!.ToObject<decimal>(), Is.EqualTo(0.28m));
            Assert.That(line["server_hours"]!.ToObject<decimal>(), Is.EqualTo(14m));
            Assert.That(line["on_demand_equivalent"]!.ToObject<decimal>(), Is.EqualTo(14m * 0.062m));
            Assert.That(run.Json["total"]!["spent"]!.ToObject<decimal>(), Is.EqualTo(0.28m));
            Assert.That(Emulator.Journal, Is.Empty, "--from-events reads state.db only");
        });
    }

    [Test]
    public async Task A_watch_then_spend_from_events_counts_the_live_pool_from_when_it_was_seen()
    {
        var watch = await Expect(Run("watch", "--count", "1", "--cloudspace", CloudSpaceName, "-o", "jsonl"));
        var seen = Lines(watch).Single(e => e["type"]!.ToString() == "pool-seen");

        var run = await Expect(Run("-o", "json", "spend", "--from-events", "--since", "1h", "--cloudspace", CloudSpaceName));

        var line = run.Json["pools"]!.Single();
        Assert.Multiple(() =>
        {
            Assert.That(line["pool"]!.ToString(), Is.EqualTo(Pool));
            Assert.That(line["observed_from"]!.ToString(), Is.EqualTo(seen["occurred_at"]!.ToString()));
            Assert.That(line["spent"]!.ToObject<decimal>(), Is.EqualTo(line["server_hours"]!.ToObject<decimal>() * 0.02m).Within(0.0001m), "2 servers at the market price since they were seen");
        });
    }

    private static SpotEvent PoolState(string type, DateTimeOffset at, int won) => new()
    {
        OccurredAt = at,
        Type = type,
        Source = "watch",
        CloudSpace = "history",
        Pool = "history-pool",
        Message = type,
        Data = new JObject
        {
            ["kind"] = "spot",
            ["server_class"] = ServerClass,
            ["won"] = won,
            ["desired"] = 2,
            ["bid"] = 0.05m,
            ["market_price"] = 0.02m,
            ["minimum_bid"] = 0.005m,
            ["on_demand_price"] = 0.062m,
        },
    };
}
