using Dapper;
using Newtonsoft.Json.Linq;
using RsSpot.Models;
using RsSpot.State;
using RsSpot.Testing;

namespace RsSpot.Tests.State;

/// <summary>
/// The event history on each shared backend (state.db, and the PostgreSQL test server in a schema of its own): filters,
/// order, limits, pruning and the atomic watch step.
/// </summary>
[TestFixture(SharedBackend.Sqlite)]
[TestFixture(SharedBackend.Postgres)]
public sealed class EventStoreTests(SharedBackend backend)
{
    private TestSchema? _schema;

    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [OneTimeSetUp]
    public void CreateSchema() => _schema = backend == SharedBackend.Postgres ? TestPostgres.CreateSchema() : null;

    [OneTimeTearDown]
    public void DropSchema() => _schema?.Dispose();

    /// <summary>A store whose event history is empty, on this fixture's backend.</summary>
    private StateStore Open()
    {
        var store = StateStore.OpenInMemory(_schema is null ? SharedStateSettings.Local : SharedStateSettings.OnPostgres(_schema.ConnectionString, "test"));
        store.Shared.Write((c, tx) => c.Execute("DELETE FROM events; DELETE FROM watch_checkpoints", transaction: tx));
        return store;
    }

    [Test]
    public void Events_come_back_oldest_first_with_ids_and_decimal_data_intact()
    {
        using var store = Open();

        var stored = store.Events.Append([Event(T0.AddMinutes(2), "won-count-changed", "demo", price: 0.012345678m), Event(T0, "phase-changed", "demo")]);
        var listed = store.Events.Query(new EventQuery());

        Assert.Multiple(() =>
        {
            Assert.That(stored.Select(e => e.Id), Is.All.GreaterThan(0));
            Assert.That(stored.Select(e => e.Id), Is.Unique);
            Assert.That(listed.Select(e => e.Type), Is.EqualTo(new[] { "phase-changed", "won-count-changed" }));
            Assert.That(listed[1].Data!["market_price"]!.Value<decimal>(), Is.EqualTo(0.012345678m));
            Assert.That(listed[1].Data!["at"]!.Type, Is.EqualTo(JTokenType.String), "text stays text");
            Assert.That(listed[1].OccurredAt, Is.EqualTo(T0.AddMinutes(2)));
        });
    }

    [Test]
    public void Filters_combine_and_the_limit_keeps_the_most_recent()
    {
        using var store = Open();
        store.Events.Append(
        [
            Event(T0, "server-removed", "a"),
            Event(T0.AddHours(1), "server-added", "a"),
            Event(T0.AddHours(2), "server-removed", "b"),
            Event(T0.AddHours(3), "capacity-at-risk", "a"),
            Event(T0.AddHours(4), "server-removed", "a"),
        ]);

        IEnumerable<string> Times(EventQuery query) => store.Events.Query(query).Select(e => $"{e.CloudSpace}+{(e.OccurredAt - T0).TotalHours}");

        Assert.Multiple(() =>
        {
            Assert.That(Times(new EventQuery { CloudSpace = "a" }), Is.EqualTo(new[] { "a+0", "a+1", "a+3", "a+4" }));
            Assert.That(Times(new EventQuery { Types = ["server-removed"] }), Is.EqualTo(new[] { "a+0", "b+2", "a+4" }));
            Assert.That(Times(new EventQuery { Types = ["server-removed", "capacity-at-risk"], CloudSpace = "a", Since = T0.AddHours(1) }), Is.EqualTo(new[] { "a+3", "a+4" }));
            Assert.That(Times(new EventQuery { Until = T0.AddHours(2) }), Is.EqualTo(new[] { "a+0", "a+1" }));
            Assert.That(Times(new EventQuery { Limit = 2 }), Is.EqualTo(new[] { "a+3", "a+4" }));
        });
    }

    [Test]
    public void Prune_deletes_only_what_is_older_than_the_cutoff()
    {
        using var store = Open();
        store.Events.Append([Event(T0, "a", "x"), Event(T0.AddDays(10), "b", "x"), Event(T0.AddDays(40), "c", "x")]);

        var removed = store.Events.Prune(T0.AddDays(10));

        Assert.That((removed, store.Events.Query(new EventQuery()).Select(e => e.Type).ToList(), store.Events.Count()), Is.EqualTo((1, new List<string> { "b", "c" }, 2L)));
    }

    [Test]
    public void The_last_event_of_each_pool_before_an_instant_starts_an_integration()
    {
        using var store = Open();
        store.Events.Append(
        [
            Event(T0, "won-count-changed", "a", pool: "p1"),
            Event(T0.AddHours(1), "price-changed", "a", pool: "p1"),
            Event(T0.AddHours(1), "pool-added", "b", pool: "p2"),
            Event(T0.AddHours(5), "won-count-changed", "a", pool: "p1"),
            Event(T0.AddHours(2), "phase-changed", "a"),
        ]);

        var last = store.Events.LastPerPoolBefore(T0.AddHours(3), null);
        var onlyA = store.Events.LastPerPoolBefore(T0.AddHours(3), "a");

        Assert.Multiple(() =>
        {
            Assert.That(last.Select(e => $"{e.Pool}:{e.Type}"), Is.EquivalentTo(new[] { "p1:price-changed", "p2:pool-added" }));
            Assert.That(onlyA.Select(e => e.Pool), Is.EqualTo(new[] { "p1" }));
        });
    }

    [Test]
    public void A_watch_step_reads_and_writes_its_checkpoints_atomically()
    {
        using var store = Open();

        store.Events.Commit("scope", stored => new WatchCommit([Event(T0, "cloudspace-seen", "a")], new Dictionary<string, string> { ["a"] = "{\"v\":1}", ["b"] = "{}" }, []));
        IReadOnlyDictionary<string, string>? seen = null;
        var second = store.Events.Commit("scope", stored =>
        {
            seen = stored;
            return new WatchCommit([], new Dictionary<string, string> { ["a"] = "{\"v\":2}" }, ["b"]);
        });
        IReadOnlyDictionary<string, string>? third = null;
        store.Events.Commit("scope", stored => (third = stored) is null ? null! : new WatchCommit([], new Dictionary<string, string>(), []));
        IReadOnlyDictionary<string, string>? other = null;
        store.Events.Commit("other", stored => (other = stored) is null ? null! : new WatchCommit([], new Dictionary<string, string>(), []));

        Assert.Multiple(() =>
        {
            Assert.That(seen, Is.EquivalentTo(new Dictionary<string, string> { ["a"] = "{\"v\":1}", ["b"] = "{}" }));
            Assert.That(second, Is.Empty);
            Assert.That(third, Is.EquivalentTo(new Dictionary<string, string> { ["a"] = "{\"v\":2}" }));
            Assert.That(other, Is.Empty, "scopes are separate");
            Assert.That(store.Events.Query(new EventQuery()).Single().Type, Is.EqualTo("cloudspace-seen"));
        });
    }

    [Test]
    public void The_first_watch_steps_of_a_scope_run_one_after_the_other()
    {
        using var store = Open();
        using var firstReading = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var first = Task.Run(() => store.Events.Commit("new-scope", stored =>
        {
            firstReading.Set();
            release.Wait(TimeSpan.FromSeconds(30));
            return FirstSight(stored);
        }));
        Assert.That(firstReading.Wait(TimeSpan.FromSeconds(30)), Is.True);

        IReadOnlyDictionary<string, string>? seenBySecond = null;
        var second = Task.Run(() => store.Events.Commit("new-scope", stored => FirstSight(seenBySecond = stored)));
        // Long enough for the second step to run if nothing held it back.
        Thread.Sleep(500);
        release.Set();
        Task.WaitAll(first, second);

        Assert.Multiple(() =>
        {
            Assert.That(seenBySecond, Is.EquivalentTo(new Dictionary<string, string> { ["a"] = "{}" }), "the second step saw the first one's checkpoint");
            Assert.That(store.Events.Count(), Is.EqualTo(1), "the cloudspace was seen once");
        });

        static WatchCommit FirstSight(IReadOnlyDictionary<string, string> stored) => stored.ContainsKey("a")
            ? new WatchCommit([], new Dictionary<string, string>(), [])
            : new WatchCommit([Event(T0, "cloudspace-seen", "a")], new Dictionary<string, string> { ["a"] = "{}" }, []);
    }

    [Test]
    public void A_watch_step_that_fails_records_nothing()
    {
        using var store = Open();

        Assert.Throws<InvalidOperationException>(() => store.Events.Commit("scope", _ => throw new InvalidOperationException("boom")));

        Assert.That(store.Events.Query(new EventQuery()), Is.Empty);
    }

    private static SpotEvent Event(DateTimeOffset at, string type, string cloudSpace, string? pool = null, decimal price = 0.01m) => new()
    {
        OccurredAt = at,
        Type = type,
        Source = "watch",
        CloudSpace = cloudSpace,
        Pool = pool,
        Message = $"{type} {cloudSpace}",
        Data = new JObject { ["market_price"] = price, ["at"] = "2026-03-01T12:00:00Z" },
    };
}
