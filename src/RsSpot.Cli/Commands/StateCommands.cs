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
                    ["events"] = shared.Read(c => c.ExecuteScalar<long>("SELECT COUNT(*) FROM events")),
                },
            },
        });
    }

    [Command("migrate", Description = "Copy the shared parts of state.db (the registration ledger) into PostgreSQL; repeatable, refuses to overwrite rows that differ")]
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
        var copy = SharedStateMigration.ToPostgres(context.State, target);
        if (copy.Differing.Count > 0)
        {
            throw new SpotException($"{copy.Differing.Count} {copy.Table} row(s) in {copy.Target} differ from state.db (first: {copy.Differing[0]}); nothing was copied");
        }

        if (!copy.Complete)
        {
            throw new SpotException($"{copy.Table}: only {copy.SourceRowsInTarget} of the {copy.SourceRows} rows of state.db are in {copy.Target} after the copy");
        }

        context.Acknowledge(
            $"{copy.Table}: {copy.SourceRows} rows in state.db, {copy.Copied} copied, {copy.AlreadyPresent} already there; " +
            $"{copy.SourceRowsInTarget} of {copy.SourceRows} now in {copy.Target} ({copy.TargetRows} rows there). " +
            "Use it with state.backend: postgres and state.connection_string (or RSSPOT_STATE_CONNECTION).",
            copy);
    }
}
