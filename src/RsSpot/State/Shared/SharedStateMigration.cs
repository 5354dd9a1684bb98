namespace RsSpot.State;

/// <summary>
/// Moves the shared parts of a local state.db into a PostgreSQL database (<c>rsspot state migrate --to postgres</c>):
/// per table, one transaction that adds what is missing, skips what is already there unchanged and refuses (writing
/// nothing) when a row there differs; then counts both sides. The event history joins as another table when it lands.
/// </summary>
internal static class SharedStateMigration
{
    /// <summary>Copies <paramref name="store"/>'s ledger (always the one in its state.db) to the database of <paramref name="connectionString"/>.</summary>
    public static SharedTableCopy ToPostgres(StateStore store, string connectionString)
    {
        var source = new RegistrationLedger(new SqliteSharedDatabase(store), store.Clock);
        using var database = new PostgresSharedDatabase(connectionString, store.Clock);
        var target = new RegistrationLedger(database, store.Clock);
        var rows = source.All();
        var import = target.Import(rows);
        return new SharedTableCopy(
            "registration_ledger",
            database.Location,
            rows.Count,
            import.Copied,
            import.AlreadyPresent,
            import.Differing,
            target.CountPresent([.. rows.Select(row => row.Key)]),
            target.Count().Rows);
    }
}

/// <summary>What copying one shared table did, with the counts of both sides.</summary>
/// <param name="Table">The table.</param>
/// <param name="Target">Where it was copied to (password masked).</param>
/// <param name="SourceRows">Rows in state.db.</param>
/// <param name="Copied">Rows added to the target.</param>
/// <param name="AlreadyPresent">Rows the target already had, unchanged.</param>
/// <param name="Differing">Keys the target holds with other contents; when any, nothing was copied.</param>
/// <param name="SourceRowsInTarget">How many of state.db's rows the target holds after the copy.</param>
/// <param name="TargetRows">Rows in the target table after the copy (other machines' included).</param>
internal sealed record SharedTableCopy(
    string Table, string Target, int SourceRows, int Copied, int AlreadyPresent, IReadOnlyList<string> Differing, int SourceRowsInTarget, long TargetRows)
{
    /// <summary>Every row of state.db is in the target.</summary>
    public bool Complete => Differing.Count == 0 && SourceRowsInTarget == SourceRows;
}
