using System.Data.Common;
using Dapper;
using Newtonsoft.Json;

namespace RsSpot.State;

/// <summary>Copying the event history and the watch checkpoints between databases (<c>rsspot state migrate --to postgres</c>).</summary>
internal sealed partial class SharedEventStore
{
    /// <summary>
    /// The event history as <c>state migrate</c> copies it. Events have no natural key (their ids are each database's
    /// own sequence, and two events may be equal in every column), so an event is known by all its columns but the id:
    /// one already in the target is skipped, and equal events are counted, so a repeated copy adds nothing and a source
    /// holding an event twice ends with it twice in the target. Events never differ, they are there or not.
    /// </summary>
    public CopyableTable<EventRow> CopyableHistory() => new History(db);

    /// <summary>The watch checkpoints as <c>state migrate</c> copies them: keyed by scope and cloudspace, so a scope the target's watches already moved on differs.</summary>
    public CopyableTable<WatchCheckpointRow> CopyableCheckpoints() => new Checkpoints(db);

    private sealed class History(SharedDatabase db) : CopyableTable<EventRow>(db)
    {
        public override string Name => "events";

        // Equal events happened at the same instant: the target's events of the source's time span are all it needs.
        protected override IReadOnlyList<EventRow> Select(DbConnection connection, DbTransaction? transaction, IReadOnlyList<EventRow>? like) =>
            like is { Count: 0 }
                ? []
                : connection.Query<EventRow>(
                    $"SELECT {Columns} FROM events {(like is null ? "" : "WHERE occurred_at BETWEEN @first AND @last")} ORDER BY id",
                    new { first = like?.Min(row => row.OccurredAt), last = like?.Max(row => row.OccurredAt) },
                    transaction)
                .Select(row => row with { Id = 0 })
                .ToList();

        protected override string Identity(EventRow row) => JsonConvert.SerializeObject(row);

        protected override int Insert(DbConnection connection, DbTransaction transaction, EventRow row)
        {
            connection.ExecuteScalar<long>(InsertRow, row, transaction);
            return 1;
        }
    }

    private sealed class Checkpoints(SharedDatabase db) : CopyableTable<WatchCheckpointRow>(db)
    {
        private const string CheckpointColumns = "scope AS Scope, cloudspace AS CloudSpace, state_json AS StateJson, updated_at AS UpdatedAt";

        public override string Name => "watch_checkpoints";

        protected override IReadOnlyList<WatchCheckpointRow> Select(DbConnection connection, DbTransaction? transaction, IReadOnlyList<WatchCheckpointRow>? like) =>
            connection.Query<WatchCheckpointRow>(
                like is null
                    ? $"SELECT {CheckpointColumns} FROM watch_checkpoints ORDER BY scope, cloudspace"
                    : $"SELECT {CheckpointColumns} FROM watch_checkpoints WHERE scope IN ({Database.JsonStrings("@scopes")})",
                new { scopes = JsonConvert.SerializeObject(like?.Select(row => row.Scope).Distinct(StringComparer.Ordinal)) },
                transaction)
            .ToList();

        protected override string Identity(WatchCheckpointRow row) => $"{row.Scope} {row.CloudSpace}";

        // A watch of the scope that commits meanwhile has its own checkpoint kept.
        protected override int Insert(DbConnection connection, DbTransaction transaction, WatchCheckpointRow row) => connection.Execute(
            """
            INSERT INTO watch_checkpoints (scope, cloudspace, state_json, updated_at) VALUES (@Scope, @CloudSpace, @StateJson, @UpdatedAt)
            ON CONFLICT (scope, cloudspace) DO NOTHING
            """,
            row,
            transaction);
    }
}
