using Newtonsoft.Json.Linq;
using RsSpot.Emulator;
using RsSpot.Models;
using RsSpot.Observability.Watching;
using RsSpot.Tests.Support;

namespace RsSpot.Tests.Observability;

/// <summary>
/// The watch against the emulator while the test drives it: a server vanishing, the market price crossing a bid, and
/// an API outage that must not read as pre-emptions. Events are read back through <c>QueryEvents</c> (both twins).
/// </summary>
public class WatchTests(bool isAsync) : ClientTestBase(isAsync)
{
    private const string Region = "us-central-dfw-1";
    private const string ServerClass = "gp.vs1.medium-dfw";
    private const string Bid = "0.050";

    private SpotEmulator _emulator = null!;
    private HttpMessageHandler _transport = null!;
    private string _directory = null!;
    private string _pool = null!;

    [SetUp]
    public async Task ReadyPool()
    {
        _directory = Directory.CreateTempSubdirectory("rsspot-watch-").FullName;
        _emulator = new SpotEmulator(new SpotEmulatorOptions { Clock = Clock, ProvisioningDelay = TimeSpan.Zero });
        _transport = _emulator.CreateHandler();
        // A fixed price: the auction would otherwise move it whenever a retry delay moves the clock.
        _emulator.SetMarketPrice(ServerClass, 0.020m);
        UseClient(Options(o =>
        {
            o.Sandbox = true;
            o.Transport = _transport;
            o.UseStateStore = true;
            o.StatePath = Path.Combine(_directory, "state.db");
        }));
        await Client.CloudSpaces.CreateAsync(new CreateCloudSpaceRequest { Name = "watched", Region = Region });
        _pool = (await Client.SpotNodePools.CreateAsync(new CreateSpotNodePoolRequest { CloudSpace = "watched", ServerClass = ServerClass, BidPrice = Bid, Desired = 2 })).Name;
    }

    [TearDown]
    public void DeleteState()
    {
        Client.Dispose();
        _transport.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Test]
    public async Task The_first_look_records_what_is_there_and_a_second_look_with_no_change_records_nothing()
    {
        var watcher = new Watcher(Client, new WatchOptions());

        var all = await watcher.PollAsync(default);
        var second = await watcher.PollAsync(default);
        var first = all.Where(e => e.CloudSpace == "watched").ToList();
        var recorded = await Call(() => Client.QueryEventsAsync(null, null, "watched", null, 1000, default));

        Assert.Multiple(() =>
        {
            Assert.That(first.Select(e => e.Type), Is.EqualTo(new[] { "cloudspace-seen", "pool-seen" }));
            Assert.That(all.Where(e => e.Type == "cloudspace-seen").Select(e => e.Message), Has.Some.StartWith("VM cloudspace "), "the seeded VM inventory is watched too");
            Assert.That(first[0].Message, Is.EqualTo("cloudspace watched seen: phase Ready, 1 pool, 2 servers"));
            Assert.That(first[1].Data!["won"]!.Value<int>(), Is.EqualTo(2));
            Assert.That(first[1].Data!["market_price"]!.Value<decimal>(), Is.EqualTo(0.02m));
            Assert.That(second, Is.Empty);
            Assert.That(recorded.Select(e => e.Id), Is.EqualTo(first.Select(e => e.Id)));
            Assert.That(recorded.Select(e => (e.Source, e.Org, e.Region)), Is.All.EqualTo(("watch", "org-xy3kq9lmn2pr7stu", Region)));
        });
    }

    [Test]
    public async Task A_server_that_vanishes_from_a_pool_that_still_wants_it_is_a_likely_pre_emption()
    {
        var watcher = new Watcher(Client, new WatchOptions());
        await watcher.PollAsync(default);

        var taken = _emulator.Preempt(_pool).Single();
        var events = await watcher.PollAsync(default);

        var removed = events.Single(e => e.Type == "server-removed");
        Assert.Multiple(() =>
        {
            Assert.That(events.Select(e => e.Type), Is.EqualTo(new[] { "bid-status-changed", "won-count-changed", "server-removed" }));
            Assert.That(events[0].Message, Is.EqualTo($"spot pool {_pool}: bid status Fulfilled -> Partial"));
            Assert.That(events[1].Message, Is.EqualTo($"spot pool {_pool}: 2 -> 1 of 2 servers won"));
            Assert.That(removed.Server, Is.EqualTo(taken));
            Assert.That(removed.Pool, Is.EqualTo(_pool));
            Assert.That(removed.Data!["likely_preemption"]!.Value<bool>(), Is.True);
            Assert.That(removed.Message, Is.EqualTo($"server {taken} left cloudspace watched (pool {_pool}): likely pre-empted"));
        });
    }

    [Test]
    public async Task Servers_that_leave_because_the_pool_was_scaled_down_are_not_pre_emptions()
    {
        var watcher = new Watcher(Client, new WatchOptions());
        await watcher.PollAsync(default);

        await Client.SpotNodePools.UpdateAsync(_pool, new UpdateSpotNodePoolRequest { Desired = 1 });
        var removed = (await watcher.PollAsync(default)).Single(e => e.Type == "server-removed");

        Assert.That(removed.Data!["likely_preemption"]!.Value<bool>(), Is.False);
        Assert.That(removed.Message, Does.EndWith(": its pool was scaled down"));
    }

    [Test]
    public async Task The_market_price_nearing_then_crossing_the_bid_warns_first_then_says_the_servers_go()
    {
        var watcher = new Watcher(Client, new WatchOptions(RiskMargin: 0.10m));
        await watcher.PollAsync(default);

        _emulator.SetMarketPrice(ServerClass, 0.046m);
        var nearing = await watcher.PollAsync(default);
        _emulator.SetMarketPrice(ServerClass, 0.080m);
        var crossed = await watcher.PollAsync(default);
        _emulator.SetMarketPrice(ServerClass, 0.030m);
        var back = await watcher.PollAsync(default);

        Assert.Multiple(() =>
        {
            Assert.That(nearing.Select(e => e.Type), Is.EqualTo(new[] { "price-changed", "capacity-at-risk" }));
            Assert.That(nearing[1].Message, Is.EqualTo($"spot pool {_pool}: market price 0.046 of {ServerClass} is within 10% of the bid 0.05; raise the bid to keep its servers"));
            Assert.That(crossed.Select(e => e.Type), Is.EqualTo(new[] { "bid-status-changed", "won-count-changed", "price-changed", "price-above-bid", "server-removed", "server-removed" }));
            Assert.That(crossed.Where(e => e.Type == "server-removed").Select(e => e.Message), Is.All.EndsWith("likely pre-empted (the market price is above the bid)"));
            Assert.That(back.Select(e => e.Type), Is.EqualTo(new[] { "bid-status-changed", "won-count-changed", "price-changed", "price-below-bid", "server-added", "server-added" }));
        });
    }

    [Test]
    public async Task An_api_outage_is_recorded_once_as_an_error_and_never_as_servers_removed()
    {
        var watcher = new Watcher(Client, new WatchOptions());
        await watcher.PollAsync(default);

        _emulator.Faults.Add(new FaultRule { StatusCode = 503 });
        var during = await watcher.PollAsync(default);
        var stillDown = await watcher.PollAsync(default);
        _emulator.Faults.Clear();
        var after = await watcher.PollAsync(default);
        var history = await Call(() => Client.QueryEventsAsync(null, null, null, null, 1000, default));

        Assert.Multiple(() =>
        {
            Assert.That(during.Single().Type, Is.EqualTo("watch-error"));
            Assert.That(during.Single().Message, Does.StartWith("the API failed, nothing was compared: "));
            Assert.That(during.Single().Data!["status"]!.Value<int>(), Is.EqualTo(503));
            Assert.That(stillDown, Is.Empty, "one error per outage, not one per look");
            Assert.That(after.Select(e => e.Type), Is.EqualTo(new[] { "watch-recovered" }));
            Assert.That(history.Select(e => e.Type), Has.None.EqualTo("server-removed").And.None.EqualTo("cloudspace-removed").And.None.EqualTo("pool-removed"));
        });
    }

    [Test]
    public async Task A_deleted_cloudspace_is_recorded_with_its_pools_and_a_filtered_watch_sees_only_its_own()
    {
        await Client.CloudSpaces.CreateAsync(new CreateCloudSpaceRequest { Name = "other", Region = Region });
        var all = new Watcher(Client, new WatchOptions());
        var one = new Watcher(Client, new WatchOptions(CloudSpace: "other"));
        var seenByAll = await all.PollAsync(default);
        var seenByOne = await one.PollAsync(default);

        await Client.CloudSpaces.DeleteAsync("watched");
        Clock.Advance(TimeSpan.FromHours(1));
        var afterDelete = await all.PollAsync(default);

        Assert.Multiple(() =>
        {
            Assert.That(seenByAll.Where(e => e.Type == "cloudspace-seen").Select(e => e.CloudSpace), Is.SupersetOf(new[] { "watched", "other" }));
            Assert.That(seenByOne, Is.Empty, "the filtered watch shares the checkpoint: 'other' was already seen");
            Assert.That(afterDelete.Where(e => e.CloudSpace == "watched").Select(e => e.Type), Is.EqualTo(new[] { "pool-removed", "cloudspace-removed" }));
            Assert.That(afterDelete.Single(e => e.Type == "pool-removed").Data!["won"]!.Value<int>(), Is.Zero);
        });
    }

    [Test]
    public void A_watch_of_a_cloudspace_that_does_not_exist_fails_at_once()
    {
        var watcher = new Watcher(Client, new WatchOptions(CloudSpace: "nowhere"));

        var error = Assert.ThrowsAsync<SpotNotFoundException>(() => watcher.PollAsync(default));

        Assert.That(error!.Message, Does.Contain("no cloudspace or VM cloudspace named 'nowhere'"));
    }
}
