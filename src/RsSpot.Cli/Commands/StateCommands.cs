using Cocona;
using Dapper;
using RsSpot.Cli.Infrastructure;
using RsSpot.Configuration;
using RsSpot.State;

namespace RsSpot.Cli.Commands;

/// <summary>
/// <c>rsspot state info|migrate</c>: where the state lives (state.db, and the shared parts on sqlite or PostgreSQL),
/// its schema versions and sizes, and moving the shared parts to PostgreSQL. Connection strings are only ever shown
/// with their password masked.
/// </summary>
internal sealed class StateCommands(CliContext context)
{
    // The per-user tables; the shared ones are counted on the shared database.
    private static readonly string[] LocalTables = ["preferences", "http_cache", "token_cache", "command_history", "pending_creates"];

    [Command("info", Description = "Backend, location (password masked), schema version and row counts of the local and shared state")]
    public void Info()
    {
        var state = context.State;
        var shared = state.Shared;
        var (ledgerRows, claimed) = state.Ledger.Count();
        context.Output.Write(new OrderedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["backend"] = shared.Backend,
            ["backend_source"] = state.SharedSettings.Source,
            ["local"] = new OrderedDictionary<string, object?>(StringComparer.Ordinal)
            {
                ["path"] = state.Path,
                ["schema_version"] = state.Read(StateSchema.CurrentVersion),
                ["latest_schema_version"] = StateSchema.LatestVersion,
                ["rows"] = LocalTables.ToDictionary(table => table, table => state.Read(c => c.ExecuteScalar<long>($"SELECT COUNT(*) FROM {table}")), StringComparer.Ordinal),
            },
            ["shared"] = new OrderedDictionary<string, object?>(StringComparer.Ordinal)
            {
                ["backend"] = shared.Backend,
                ["location"] = shared.Location,
                ["schema_version"] = shared.SchemaVersion(),
                ["latest_schema_version"] = shared.LatestSchemaVersion,
                ["rows"] = new OrderedDictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["registration_ledger"] = ledgerRows,
                    ["registration_ledger_claimed"] = claimed,
                    ["events"] = state.Events.Count(),
                },
            },
        });
    }

    [Command("migrate", Description = "Copy the shared parts of state.db (registration ledger, events, watch checkpoints) into PostgreSQL; repeatable, refuses to overwrite rows that differ")]
    public void Migrate(
        [Option("to", Description = "Target backend: postgres")] string to,
        [Option("connection", Description = "PostgreSQL connection string (default: RSSPOT_STATE_CONNECTION or state.connection_string)")] string? connection = null)
    {
        if (!string.Equals(to, SharedStateSettings.Postgres, StringComparison.Ordinal))
        {
            throw new UsageException($"invalid --to '{to}': the shared parts move from state.db to postgres");
        }

        var target = connection ?? ConfigResolver.StateConnectionFor(context.LoadConfig(allowMissingFile: true), context.ConfigEnvironment)
            ?? throw new UsageException("--to postgres needs a connection string: --connection, RSSPOT_STATE_CONNECTION or state.connection_string");
        var copies = SharedStateMigration.ToPostgres(context.State, target);
        var failed = copies.Where(copy => !copy.Complete).ToList();
        if (failed.Count > 0)
        {
            // Each table is its own transaction: the error also says what the other tables did.
            var copied = copies.Except(failed).Select(copy => $"{copy.Table}: {copy.Copied} copied, all {copy.SourceRows} there");
            throw new SpotException(string.Join("; ", failed.Select(Failure).Concat(copied)));
        }

        context.Acknowledge(
            string.Join(Environment.NewLine, copies.Select(copy =>
                $"{copy.Table}: {copy.SourceRows} rows in state.db, {copy.Copied} copied, {copy.AlreadyPresent} already there; " +
                $"{copy.SourceRowsInTarget} of {copy.SourceRows} now in {copy.Target} ({copy.TargetRows} rows there).")) + Environment.NewLine +
            "Use it with state.backend: postgres and state.connection_string (or RSSPOT_STATE_CONNECTION).",
            copies);
    }

    private static string Failure(SharedTableCopy copy) => copy.Differing.Count > 0
        ? $"{copy.Differing.Count} {copy.Table} row(s) in {copy.Target} differ from state.db (first: {copy.Differing[0]}); nothing of {copy.Table} was copied"
        : $"{copy.Table}: only {copy.SourceRowsInTarget} of the {copy.SourceRows} rows of state.db are in {copy.Target} after the copy";
}
