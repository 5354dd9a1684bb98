using Dapper;
using Newtonsoft.Json;
using RsSpot.Models;

namespace RsSpot.State;

/// <summary>
/// The event history (<c>events</c>) and watch checkpoints (<c>watch_checkpoints</c>) on the shared database: state.db
/// by default, PostgreSQL with <c>state.backend: postgres</c>, so several operators' watches fill one history. Queries
/// are plain SQL (<c>RETURNING</c>, <c>ON CONFLICT ... DO UPDATE</c>, <c>LIMIT</c>, filters built only from the values
/// given) that both run unchanged.
/// </summary>
internal sealed partial class SharedEventStore(SharedDatabase db, TimeProvider clock) : IEventStore
{
    private const string Columns =
        """
        id AS Id, occurred_at AS OccurredAt, type AS Type, source AS Source, profile AS Profile, org AS Org, region AS Region,
        cloudspace AS CloudSpace, pool AS Pool, server AS Server, message AS Message, data_json AS DataJson
        """;

    private const string InsertRow =
        """
        INSERT INTO events (occurred_at, type, source, profile, org, region, cloudspace, pool, server, message, data_json)
        VALUES (@OccurredAt, @Type, @Source, @Profile, @Org, @Region, @CloudSpace, @Pool, @Server, @Message, @DataJson)
        RETURNING id
        """;

    public IReadOnlyList<SpotEvent> Append(IReadOnlyList<SpotEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return events.Count == 0 ? [] : db.Write((c, tx) => Insert(c, tx, events));
    }

    public IReadOnlyList<SpotEvent> Query(EventQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1, nameof(query));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(query.Limit, EventQuery.MaxLimit, nameof(query));
        var filters = new List<string>();
        var parameters = new DynamicParameters(new { limit = query.Limit });
        Filter(filters, parameters, "occurred_at >= @since", "since", UnixTime.ToMs(query.Since));
        Filter(filters, parameters, "occurred_at < @until", "until", UnixTime.ToMs(query.Until));
        Filter(filters, parameters, "cloudspace = @cloudSpace", "cloudSpace", query.CloudSpace);
        // One JSON array parameter for any number of types: list parameters are expanded differently by each provider.
        Filter(filters, parameters, $"type IN ({db.JsonStrings("@types")})", "types", query.Types.Count > 0 ? JsonConvert.SerializeObject(query.Types) : null);
        var where = filters.Count == 0 ? "" : "WHERE " + string.Join(" AND ", filters);
        // The newest rows that match, handed back in the order they happened.
        return db.Read(c => c.Query<EventRow>(
            $"""
            SELECT * FROM (SELECT {Columns} FROM events {where} ORDER BY occurred_at DESC, id DESC LIMIT @limit) recent
            ORDER BY OccurredAt, Id
            """,
            parameters).Select(r => r.ToEvent()).ToList());
    }

    public IReadOnlyList<SpotEvent> LastPerPoolBefore(DateTimeOffset before, string? cloudSpace)
    {
        var parameters = new DynamicParameters(new { before = UnixTime.ToMs(before) });
        var filters = new List<string> { "occurred_at < @before", "pool IS NOT NULL", "source = 'watch'" };
        Filter(filters, parameters, "cloudspace = @cloudSpace", "cloudSpace", cloudSpace);
        return db.Read(c => c.Query<EventRow>(
            $"""
            SELECT {Columns} FROM events WHERE id IN (
                SELECT MAX(id) FROM events WHERE {string.Join(" AND ", filters)} GROUP BY cloudspace, pool)
            ORDER BY id
            """,
            parameters).Select(r => r.ToEvent()).ToList());
    }

    public long Count() => db.Read(c => c.ExecuteScalar<long>("SELECT COUNT(*) FROM events"));

    public int Prune(DateTimeOffset cutoff) =>
        db.Write((c, tx) => c.Execute("DELETE FROM events WHERE occurred_at < @cutoff", new { cutoff = UnixTime.ToMs(cutoff) }, tx));

    public IReadOnlyList<SpotEvent> Commit(string scope, Func<IReadOnlyDictionary<string, string>, WatchCommit> step)
    {
        ArgumentException.ThrowIfNullOrEmpty(scope);
        ArgumentNullException.ThrowIfNull(step);
        return db.Write((c, tx) =>
        {
            // Locking the scope's rows would not do: its first watch has none, and a row another watch adds meanwhile
            // stays out of a locking read begun before it. So the scope itself is locked, then its rows read afresh.
            c.Execute(db.LockName("@name"), new { name = $"watch:{scope}" }, tx);
            var stored = c.Query<(string CloudSpace, string State)>(
                "SELECT cloudspace, state_json FROM watch_checkpoints WHERE scope = @scope", new { scope }, tx)
                .ToDictionary(r => r.CloudSpace, r => r.State, StringComparer.Ordinal);
            var commit = step(stored);
            var now = UnixTime.ToMs(clock.GetUtcNow());
            foreach (var (cloudSpace, state) in commit.Checkpoints)
            {
                c.Execute(
                    """
                    INSERT INTO watch_checkpoints (scope, cloudspace, state_json, updated_at) VALUES (@scope, @cloudSpace, @state, @now)
                    ON CONFLICT (scope, cloudspace) DO UPDATE SET state_json = excluded.state_json, updated_at = excluded.updated_at
                    """,
                    new { scope, cloudSpace, state, now },
                    tx);
            }

            foreach (var cloudSpace in commit.Forget)
            {
                c.Execute("DELETE FROM watch_checkpoints WHERE scope = @scope AND cloudspace = @cloudSpace", new { scope, cloudSpace }, tx);
            }

            return Insert(c, tx, commit.Events);
        });
    }

    private static List<SpotEvent> Insert(System.Data.IDbConnection c, System.Data.IDbTransaction tx, IReadOnlyList<SpotEvent> events) =>
        [.. events.Select(e => e with { Id = c.ExecuteScalar<long>(InsertRow, EventRow.From(e), tx) })];

    private static void Filter(List<string> filters, DynamicParameters parameters, string clause, string name, object? value)
    {
        if (value is not null)
        {
            filters.Add(clause);
            parameters.Add(name, value);
        }
    }
}
