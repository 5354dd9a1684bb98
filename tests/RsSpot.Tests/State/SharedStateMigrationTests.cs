using Newtonsoft.Json.Linq;
using RsSpot.Models;
using RsSpot.State;
using RsSpot.Testing;

namespace RsSpot.Tests.State;

/// <summary>
/// <c>state migrate --to postgres</c> below the CLI: the event history and the watch checkpoints of a state.db copied
/// into a fresh PostgreSQL schema, counted on both sides, repeatable, never overwriting.
/// </summary>
public sealed class SharedStateMigrationTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private TestSchema _schema = null!;

    private StateStore _local = null!;

    [SetUp]
    public void Open()
    {
        _schema = TestPostgres.CreateSchema();
        _local = StateStore.OpenInMemory();
    }

    [TearDown]
    public void Close()
    {
        // Both are still null when the set-up skipped the test (no PostgreSQL server outside CI).
        _local?.Dispose();
        _schema?.Dispose();
    }

    [Test]
    public void Events_and_checkpoints_are_copied_once_with_both_sides_counted()
    {
        // Two equal events (one instant, one pool) stay two.
        _local.Events.Append([Event(T0, "pool-seen", "p1", price: 0.0100m), Event(T0, "pool-seen", "p1", price: 0.0100m), Event(T0.AddMinutes(1), "price-changed", "p1")]);
        _local.Events.Commit("scope", _ => new WatchCommit([Event(T0.AddMinutes(2), "pool-seen", "p2")], new Dictionary<string, string> { ["demo"] = "{\"v\":1}" }, []));

        var first = Copies();
        var again = Copies();
        using var server = OnServer();

        Assert.Multiple(() =>
        {
            Assert.That(Counts(first["events"]), Is.EqualTo((4, 4, 0, 4, 4L)));
            Assert.That(Counts(first["watch_checkpoints"]), Is.EqualTo((1, 1, 0, 1, 1L)));
            Assert.That(Counts(again["events"]), Is.EqualTo((4, 0, 4, 4, 4L)), "a repeated copy adds nothing");
            Assert.That(Counts(again["watch_checkpoints"]), Is.EqualTo((1, 0, 1, 1, 1L)));
            Assert.That(first.Values.Concat(again.Values).Select(copy => copy.Complete), Is.All.True);
            Assert.That(server.Events.Query(new EventQuery()).Select(e => (e.Type, e.Pool, e.Message)), Is.EqualTo(_local.Events.Query(new EventQuery()).Select(e => (e.Type, e.Pool, e.Message))));
            Assert.That(_schema.Scalar<string>("SELECT data_json FROM events WHERE type = 'price-changed'"), Does.Contain("0.01"), "data as stored");
            Assert.That(_schema.Scalar<string>("SELECT data_json FROM events WHERE pool = 'p1' AND type = 'pool-seen' LIMIT 1"), Does.Contain("0.0100"), "text kept byte for byte");
        });

        // The copied checkpoint is what the next watch of the scope on the server compares with.
        IReadOnlyDictionary<string, string>? seen = null;
        server.Events.Commit("scope", stored => (seen = stored) is null ? null! : new WatchCommit([], new Dictionary<string, string>(), []));
        Assert.That(seen, Is.EquivalentTo(new Dictionary<string, string> { ["demo"] = "{\"v\":1}" }));
    }

    [Test]
    public void Events_recorded_on_the_server_meanwhile_stay_and_are_not_taken_for_copies()
    {
        _local.Events.Append([Event(T0, "price-changed", "p1")]);
        using (var server = OnServer())
        {
            server.Events.Append([Event(T0, "price-changed", "p1", price: 0.02m), Event(T0.AddDays(1), "pool-added", "p9")]);
        }

        var copy = Copies()["events"];

        Assert.That(Counts(copy), Is.EqualTo((1, 1, 0, 1, 3L)), "same instant and pool, other contents: another event");
    }

    [Test]
    public void A_checkpoint_the_server_moved_on_is_refused_and_nothing_of_that_table_written()
    {
        _local.Events.Commit("scope", _ => new WatchCommit([Event(T0, "pool-seen", "p1")], new Dictionary<string, string> { ["a"] = "{\"v\":1}", ["b"] = "{}" }, []));
        using (var server = OnServer())
        {
            server.Events.Commit("scope", _ => new WatchCommit([], new Dictionary<string, string> { ["a"] = "{\"v\":2}" }, []));
        }

        var copies = Copies();

        Assert.Multiple(() =>
        {
            Assert.That(copies["watch_checkpoints"].Differing, Is.EqualTo(new[] { "scope a" }));
            Assert.That(Counts(copies["watch_checkpoints"]), Is.EqualTo((2, 0, 0, 0, 1L)), "b was not copied either");
            Assert.That(copies["watch_checkpoints"].Complete, Is.False);
            Assert.That(_schema.Scalar<string>("SELECT state_json FROM watch_checkpoints WHERE cloudspace = 'a'"), Is.EqualTo("{\"v\":2}"), "not overwritten");
            Assert.That(copies["events"].Complete, Is.True, "each table is its own transaction");
        });
    }

    [Test]
    public async Task Two_migrations_at_once_copy_each_event_once()
    {
        _local.Events.Append([.. Enumerable.Range(0, 200).Select(i => Event(T0.AddSeconds(i), "pool-seen", $"p{i}"))]);

        var copies = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(Copies)));

        Assert.Multiple(() =>
        {
            Assert.That(copies.Sum(copy => copy["events"].Copied), Is.EqualTo(200), "one of them copied each event");
            Assert.That(copies.Select(copy => copy["events"].Complete), Is.All.True);
            Assert.That(_schema.Scalar<long>("SELECT COUNT(*) FROM events"), Is.EqualTo(200L));
        });
    }

    private static (int Source, int Copied, int AlreadyPresent, int SourceRowsInTarget, long TargetRows) Counts(SharedTableCopy copy) =>
        (copy.SourceRows, copy.Copied, copy.AlreadyPresent, copy.SourceRowsInTarget, copy.TargetRows);

    private Dictionary<string, SharedTableCopy> Copies() =>
        SharedStateMigration.ToPostgres(_local, _schema.ConnectionString).ToDictionary(copy => copy.Table, StringComparer.Ordinal);

    private StateStore OnServer() => StateStore.OpenInMemory(SharedStateSettings.OnPostgres(_schema.ConnectionString, "test"));

    private static SpotEvent Event(DateTimeOffset at, string type, string pool, decimal price = 0.01m) => new()
    {
        OccurredAt = at,
        Type = type,
        Source = "watch",
        CloudSpace = "demo",
        Pool = pool,
        Message = $"{type} {pool}",
        Data = new JObject { ["market_price"] = price },
    };
}
