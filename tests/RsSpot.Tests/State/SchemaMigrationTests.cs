using Dapper;
using Microsoft.Data.Sqlite;
using RsSpot.State;
using RsSpot.Testing;

namespace RsSpot.Tests.State;

/// <summary>
/// Versioned migrations: each database gets exactly the versions it has not recorded, so state.db migrations written
/// on parallel branches (v3 for the event history, v4 for leases) merge without renumbering; PostgreSQL migrates once
/// however many processes start together.
/// </summary>
public sealed class SchemaMigrationTests
{
    private string _dir = "";

    private string StatePath => Path.Combine(_dir, "state.db");

    [SetUp]
    public void SetUp() => _dir = Directory.CreateTempSubdirectory("rsspot-schema-").FullName;

    [TearDown]
    public void TearDown()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Test]
    public void A_state_db_at_v2_gets_the_events_and_the_lease_columns()
    {
        Prepare(StateSchema.Migrations.Where(m => m.Version <= 2));

        using var store = StateStore.Open(StatePath);

        Assert.Multiple(() =>
        {
            Assert.That(Versions(store), Is.EqualTo(new long[] { 1, 2, 3, 4 }));
            Assert.That(Columns(store, "events"), Does.Contain("occurred_at"));
            Assert.That(Columns(store, "registration_ledger"), Does.Contain("claimed_by").And.Contain("lease_until"));
            Assert.That(store.Shared.SchemaVersion(), Is.EqualTo(StateSchema.LatestVersion));
        });
    }

    [Test]
    public void A_state_db_at_v3_gets_v4()
    {
        Prepare(StateSchema.Migrations.Where(m => m.Version <= 3));

        using var store = StateStore.Open(StatePath);

        Assert.Multiple(() =>
        {
            Assert.That(Versions(store), Is.EqualTo(new long[] { 1, 2, 3, 4 }));
            Assert.That(Columns(store, "registration_ledger"), Does.Contain("claimed_by"));
        });
    }

    /// <summary>The branches' real case: a store made by a build that had the leases (v4) but not the events (v3).</summary>
    [Test]
    public void A_state_db_at_v4_gets_v3_merged_in_later_and_nothing_twice()
    {
        Prepare(StateSchema.Migrations.Where(m => m.Version != 3));

        using (StateStore.Open(StatePath))
        {
        }

        using (var connection = new SqliteConnection($"Data Source={StatePath}"))
        {
            connection.Open();
            StateSchema.Migrate(connection, DateTimeOffset.UtcNow);
        }

        using var reopened = StateStore.Open(StatePath);
        Assert.Multiple(() =>
        {
            Assert.That(Versions(reopened), Is.EqualTo(new long[] { 1, 2, 3, 4 }));
            Assert.That(Columns(reopened, "events"), Does.Contain("occurred_at"));
        });
    }

    [Test]
    public void PostgreSQL_is_migrated_once_however_many_processes_start_together()
    {
        using var schema = TestPostgres.CreateSchema();

        var versions = Enumerable.Range(0, 6).AsParallel().WithDegreeOfParallelism(6).Select(_ =>
        {
            using var database = new PostgresSharedDatabase(schema.ConnectionString, TimeProvider.System);
            return database.SchemaVersion();
        }).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(versions, Is.All.EqualTo(PostgresSchema.LatestVersion));
            Assert.That(schema.Scalar<long>("SELECT COUNT(*) FROM schema_version"), Is.EqualTo(PostgresSchema.Migrations.Count), "each version recorded once");
            Assert.That(schema.Scalar<long>("SELECT COUNT(*) FROM registration_ledger"), Is.Zero);
        });
    }

    [Test]
    public void The_shared_database_is_named_without_its_password()
    {
        using var schema = TestPostgres.CreateSchema();
        using var store = StateStore.OpenWithPostgres(StatePath, schema.ConnectionString);

        Assert.Multiple(() =>
        {
            Assert.That(store.Shared.Backend, Is.EqualTo("postgres"));
            Assert.That(store.Shared.Location, Does.Contain("password=***").And.Contain("host=127.0.0.1"));
            Assert.That(store.Shared.Location, Does.Not.Contain(new Npgsql.NpgsqlConnectionStringBuilder(schema.ConnectionString).Password));
            Assert.That(store.SharedSettings.ToString(), Does.Not.Contain(new Npgsql.NpgsqlConnectionStringBuilder(schema.ConnectionString).Password));
        });
    }

    [TestCase("Host=db;Username=u;Password=s3cret;Database=d", "host=db;username=u;password=***;database=d")]
    [TestCase("Host=db;PWD=s3cret", "host=db;pwd=***")]
    [TestCase("Host=db;Password='a;b'", "host=db;password=***")]
    [TestCase("postgres://u:s3cret@db/d", "***")]
    public void A_connection_string_is_shown_with_its_password_masked(string connectionString, string shown) =>
        Assert.That(SharedStateSettings.Mask(connectionString), Is.EqualTo(shown));

    private void Prepare(IEnumerable<StateMigration> migrations)
    {
        using var connection = new SqliteConnection($"Data Source={StatePath}");
        connection.Open();
        StateSchema.Migrate(connection, DateTimeOffset.UtcNow, [.. migrations]);
    }

    private static long[] Versions(StateStore store) => [.. store.Read(c => c.Query<long>("SELECT version FROM schema_version ORDER BY version"))];

    private static string[] Columns(StateStore store, string table) => [.. store.Read(c => c.Query<string>($"SELECT name FROM pragma_table_info('{table}')"))];
}
