using Npgsql;
using RsSpot.Cli.Tests.Support;
using RsSpot.State;
using RsSpot.Testing;

namespace RsSpot.Cli.Tests;

/// <summary>
/// <c>rsspot state info|migrate</c> and the state backend settings: the shared ledger on sqlite or PostgreSQL, the
/// copy from state.db into PostgreSQL, and a connection string never shown, logged or recorded with its password.
/// </summary>
public class StateCommandsTests : CliTestBase
{
    private TestSchema? _schema;

    private TestSchema Schema => _schema ??= TestPostgres.CreateSchema();

    private string Password => new NpgsqlConnectionStringBuilder(Schema.ConnectionString).Password!;

    [TearDown]
    public void DropSchema()
    {
        _schema?.Dispose();
        _schema = null;
    }

    [Test]
    public async Task Info_shows_the_state_db_backend_its_schema_and_row_counts()
    {
        await Sandbox("registration", "discover", "--cluster", "omni-lab");

        var info = (await Run("state", "info")).Json;

        Assert.Multiple(() =>
        {
            Assert.That((string?)info["backend"], Is.EqualTo("sqlite"));
            Assert.That((string?)info["local"]!["path"], Is.EqualTo(Path.Combine(ConfigDirectory, "state.db")));
            Assert.That((int)info["local"]!["schema_version"]!, Is.EqualTo(StateSchema.LatestVersion));
            Assert.That((string?)info["shared"]!["location"], Is.EqualTo((string?)info["local"]!["path"]));
            Assert.That((long)info["shared"]!["rows"]!["registration_ledger"]!, Is.EqualTo(3));
            Assert.That((long)info["shared"]!["rows"]!["events"]!, Is.EqualTo(0), "no watch ran");
            Assert.That((long)info["local"]!["rows"]!["command_history"]!, Is.EqualTo(1), "the discover run");
        });
    }

    [Test]
    public async Task On_postgres_the_ledger_lives_on_the_server_and_info_masks_the_password()
    {
        Variables["RSSPOT_STATE_CONNECTION"] = Schema.ConnectionString;
        var discover = await Sandbox("registration", "discover", "--cluster", "omni-lab");

        var info = await Run("state", "info");
        var shared = info.Json["shared"]!;

        Assert.Multiple(() =>
        {
            Assert.That(discover.ExitCode, Is.Zero, discover.ToString());
            Assert.That((string?)info.Json["backend"], Is.EqualTo("postgres"));
            Assert.That((string?)info.Json["backend_source"], Is.EqualTo("env:RSSPOT_STATE_CONNECTION"));
            Assert.That((string?)shared["location"], Does.Contain("password=***"));
            Assert.That((int)shared["schema_version"]!, Is.EqualTo(PostgresSchema.LatestVersion));
            Assert.That((long)shared["rows"]!["registration_ledger"]!, Is.EqualTo(3));
            Assert.That(Schema.Scalar<long>("SELECT COUNT(*) FROM registration_ledger"), Is.EqualTo(3));
            Assert.That(info.Out + info.Error + discover.Out + discover.Error, Does.Not.Contain(Password));
        });
    }

    [Test]
    public async Task Migrate_copies_the_ledger_once_compares_counts_and_refuses_rows_that_differ()
    {
        var discovered = (await Sandbox("registration", "discover", "--cluster", "omni-lab", "-o", "json")).Json;

        var first = await Run("state", "migrate", "--to", "postgres", "--connection", Schema.ConnectionString);
        var again = (await Run("state", "migrate", "--to", "postgres", "--connection", Schema.ConnectionString, "-o", "json")).Json;
        await Run("registration", "mark", (string)discovered[0]!["key"]!, "--status", "skipped");
        var conflict = await Run("state", "migrate", "--to", "postgres", "--connection", Schema.ConnectionString);
        var history = await Run("history", "list", "-o", "json");

        Assert.Multiple(() =>
        {
            Assert.That(first.ExitCode, Is.Zero, first.ToString());
            Assert.That(first.Out, Does.Contain("3 rows in state.db, 3 copied, 0 already there; 3 of 3 now in").And.Contain("password=***"));
            Assert.That(((int)again[0]!["copied"]!, (int)again[0]!["already_present"]!, (int)again[0]!["source_rows_in_target"]!), Is.EqualTo((0, 3, 3)), "repeatable");
            Assert.That(Schema.Scalar<long>("SELECT COUNT(*) FROM registration_ledger WHERE status = 'discovered'"), Is.EqualTo(3), "nothing overwritten");
            Assert.That(history.Out, Does.Contain("--connection '<redacted>'").Or.Contain("<redacted>"));
            Assert.That(first.Out + first.Error + history.Out, Does.Not.Contain(Password));
        });
        AssertOneLineError(conflict, 1, $"1 registration_ledger row(s) in host=127.0.0.1");
        Assert.That(conflict.Error, Does.Contain("differ from state.db").And.Contain("nothing of registration_ledger was copied").And.Not.Contain(Password));
        Assert.That(conflict.Error, Does.Contain("events: 0 copied, all 0 there; watch_checkpoints: 0 copied, all 0 there"), "what the other tables did");
    }

    [Test]
    public async Task Migrate_copies_the_event_history_and_the_watch_checkpoints_too()
    {
        var watch = await Sandbox("watch", "--count", "1", "-o", "jsonl");
        var recorded = watch.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;

        var first = await Run("state", "migrate", "--to", "postgres", "--connection", Schema.ConnectionString);
        var again = (await Run("state", "migrate", "--to", "postgres", "--connection", Schema.ConnectionString, "-o", "json")).Json;
        Variables["RSSPOT_STATE_CONNECTION"] = Schema.ConnectionString;
        var info = (await Run("state", "info")).Json;

        Assert.Multiple(() =>
        {
            Assert.That(watch.ExitCode, Is.Zero, watch.ToString());
            Assert.That(recorded, Is.GreaterThan(0));
            Assert.That(first.ExitCode, Is.Zero, first.ToString());
            Assert.That(first.Out, Does.Contain($"events: {recorded} rows in state.db, {recorded} copied, 0 already there; {recorded} of {recorded} now in"));
            Assert.That(first.Out, Does.Match(@"watch_checkpoints: (\d+) rows in state.db, \1 copied, 0 already there; \1 of \1 now in"));
            Assert.That(again.Select(copy => ((string?)copy["table"], (int)copy["copied"]!, (int)copy["already_present"]! > 0)),
                Is.EqualTo(new[] { ("registration_ledger", 0, false), ("events", 0, true), ("watch_checkpoints", 0, true) }));
            Assert.That((long)info["shared"]!["rows"]!["events"]!, Is.EqualTo(recorded), "state info counts the server's events");
        });
    }

    [Test]
    public async Task Migrate_needs_postgres_and_a_connection_string()
    {
        AssertOneLineError(await Run("state", "migrate", "--to", "mysql"), 2, "invalid --to 'mysql'");
        AssertOneLineError(await Run("state", "migrate", "--to", "postgres"), 2, "needs a connection string");
    }

    [Test]
    public async Task The_state_block_is_validated_and_its_connection_string_shown_masked()
    {
        Directory.CreateDirectory(ConfigDirectory);
        var config = Path.Combine(ConfigDirectory, "config.yml");
        await File.WriteAllTextAsync(config, "state:\n  backend: postgres\n");
        var missing = await Run("state", "info");
        await File.WriteAllTextAsync(config, "state:\n  backend: mysql\n");
        var invalid = await Run("state", "info");
        await File.WriteAllTextAsync(config, "state:\n  backend: sqlite\n  connection_string: Host=db.example;Username=fleet;Password=hunter2\n");
        var shown = await Run("config", "info");

        AssertOneLineError(missing, 2, "state.backend is postgres (config:state.backend) but no connection string is set");
        AssertOneLineError(invalid, 2, "state.backend: must be 'sqlite' or 'postgres'");
        Assert.That(shown.Out, Does.Contain("password=***").And.Not.Contain("hunter2"), shown.ToString());
    }
}
