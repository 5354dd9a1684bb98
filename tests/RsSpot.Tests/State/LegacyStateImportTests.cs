using Dapper;
using Microsoft.Data.Sqlite;
using RsSpot.State;

namespace RsSpot.Tests.State;

/// <summary>A state.db left by the Python rsspot (same default path) is kept aside and its contents imported.</summary>
public sealed class LegacyStateImportTests
{
    // The reference's schema, as its StateStore creates it.
    private const string PythonSchema =
        """
        CREATE TABLE preferences (key TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at REAL NOT NULL);
        CREATE TABLE http_cache (key TEXT PRIMARY KEY, payload TEXT NOT NULL, expires_at REAL NOT NULL, created_at REAL NOT NULL);
        CREATE TABLE command_history (id INTEGER PRIMARY KEY AUTOINCREMENT, created_at REAL NOT NULL, command TEXT NOT NULL,
            argv_json TEXT NOT NULL, profile TEXT, org TEXT, region TEXT);
        CREATE TABLE registration_ledger (registration_key TEXT PRIMARY KEY, vm_uid TEXT NOT NULL, org_id TEXT, vmcloudspace TEXT,
            vmpool TEXT, vm_name TEXT, omni_cluster TEXT, token_id TEXT, token_expires_at REAL, status TEXT NOT NULL,
            last_error TEXT, payload_json TEXT, updated_at REAL NOT NULL);
        """;

    private string _dir = "";

    [SetUp]
    public void SetUp() => _dir = Directory.CreateTempSubdirectory("rsspot-legacy-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void Open_PythonStateDb_ImportsPreferencesHistoryAndLedger_AndKeepsTheFile()
    {
        var path = Path.Combine(_dir, "state.db");
        using (var python = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            python.Open();
            python.Execute(PythonSchema);
            python.Execute(
                """
                INSERT INTO preferences VALUES ('default_org', 'acme', 1700000000.5), ('unrelated', 'x', 1700000000);
                INSERT INTO http_cache VALUES ('GET:/x:{}:{}', '{}', 1, 1);
                INSERT INTO command_history (created_at, command, argv_json, profile) VALUES
                    (1700000000.25, 'rsspot regions list', '["rsspot","regions","list"]', 'default'),
                    (1700000001, 'rsspot --refresh-token -abc', '["rsspot","--refresh-token","-abcdef"]', 'default');
                INSERT INTO registration_ledger VALUES ('vmreg-1', 'vm-uid-a', 'org-1', 'space', 'pool', 'vm-a', 'omni', 'tok-1',
                    1700003600, 'token_issued', NULL, '{"foo":"bar"}', 1700000002);
                """);
        }

        using var store = StateStore.Open(path);

        var kept = Directory.GetFiles(_dir, "state.db.python-*").Single();
        var record = store.Ledger.Get("vmreg-1")!;
        var history = store.History.List();
        Assert.Multiple(() =>
        {
            Assert.That(store.RecoveryNotice, Does.Contain(kept).And.Contain("were imported"));
            Assert.That(store.Preferences.List(), Is.EqualTo(new Dictionary<string, string> { ["default_org"] = "acme" }));
            Assert.That(history.Select(h => h.Command), Is.EqualTo(Seq.Of("rsspot --refresh-token '<redacted>'", "rsspot regions list")),
                "imported rows are re-redacted with the strict rules (the reference kept values starting with '-')");
            Assert.That(history[1].StartedAt, Is.EqualTo(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_250)));
            Assert.That((record.VmUid, record.TargetCluster, record.Status, record.TokenId), Is.EqualTo(("vm-uid-a", "omni", "token_issued", "tok-1")));
            Assert.That(record.TokenExpiresAt, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1_700_003_600)));
            Assert.That(record.PayloadJson, Is.EqualTo("""{"foo":"bar"}"""));
            Assert.That(store.HttpCache.GetStats().Entries, Is.Zero);
        });

        using var python2 = new SqliteConnection($"Data Source={kept};Pooling=False;Mode=ReadOnly");
        python2.Open();
        Assert.That(python2.ExecuteScalar<long>("SELECT COUNT(*) FROM command_history"), Is.EqualTo(2), "the Python file is left intact");
    }
}
