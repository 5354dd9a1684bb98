namespace RsSpot.State;

/// <summary>
/// Moves the shared parts of a local state.db into a PostgreSQL database (<c>rsspot state migrate --to postgres</c>):
/// the registration ledger, the event history and the watch checkpoints, each as a <see cref="CopyableTable{TRow}"/>
/// (one transaction per table that adds what is missing, skips what is already there unchanged and refuses, writing
/// nothing, when a row there differs; then both sides counted).
/// </summary>
internal static class SharedStateMigration
{
    /// <summary>Copies <paramref name="store"/>'s shared tables (always the ones in its state.db) to the database of <paramref name="connectionString"/>, one result per table.</summary>
    public static IReadOnlyList<SharedTableCopy> ToPostgres(StateStore store, string connectionString)
    {
        var source = new SqliteSharedDatabase(store);
        using var target = new PostgresSharedDatabase(connectionString, store.Clock);
        var ledger = (From: new RegistrationLedger(source, store.Clock), To: new RegistrationLedger(target, store.Clock));
        var events = (From: new SharedEventStore(source, store.Clock), To: new SharedEventStore(target, store.Clock));
        return
        [
            ledger.From.Copyable().CopyInto(ledger.To.Copyable()),
            events.From.CopyableHistory().CopyInto(events.To.CopyableHistory()),
            events.From.CopyableCheckpoints().CopyInto(events.To.CopyableCheckpoints()),
        ];
    }
}

/// <summary>What copying one shared table did, with the counts of both sides.</summary>
/// <param name="Table">The table.</param>
/// <param name="Target">Where it was copied to (password masked).</param>
/// <param name="SourceRows">Rows in state.db.</param>
/// <param name="Copied">Rows added to the target.</param>
/// <param name="AlreadyPresent">Rows the target already had, unchanged.</param>
/// <param name="Differing">Identities (keys) the target holds with other contents; when any, nothing of this table was copied.</param>
/// <param name="SourceRowsInTarget">How many of state.db's rows the target holds after the copy.</param>
/// <param name="TargetRows">Rows in the target table after the copy (other machines' included).</param>
internal sealed record SharedTableCopy(
    string Table, string Target, int SourceRows, int Copied, int AlreadyPresent, IReadOnlyList<string> Differing, int SourceRowsInTarget, long TargetRows)
{
    /// <summary>Every row of state.db is in the target.</summary>
    public bool Complete => Differing.Count == 0 && SourceRowsInTarget == SourceRows;
}
