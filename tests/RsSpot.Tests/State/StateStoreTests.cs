using System.Runtime.Versioning;
using Dapper;
using RsSpot.Configuration;
using RsSpot.State;

namespace RsSpot.Tests.State;

public sealed class StateStoreTests
{
    private string _dir = "";

    [SetUp]
    public void SetUp() => _dir = Directory.CreateTempSubdirectory("rsspot-state-").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_dir, recursive: true);

    [Test]
    [Platform(Exclude = "Win")]
    [UnsupportedOSPlatform("windows")]
    public void Open_CreatesPrivateFileAndDirectory_AndMigratesToLatest()
    {
        var path = Path.Combine(_dir, "nested", "state.db");
        using var store = StateStore.Open(path);
        store.Preferences.Set(PreferenceKeys.DefaultRegion, "us-east-iad-1");

        Assert.Multiple(() =>
        {
            Assert.That(store.RecoveryNotice, Is.Null);
            Assert.That(store.Read(c => c.ExecuteScalar<long>("SELECT MAX(version) FROM schema_version")), Is.EqualTo(StateSchema.LatestVersion));
            Assert.That(store.Read(c => c.ExecuteScalar<string>("PRAGMA journal_mode")), Is.EqualTo("wal"));
        });
        Assert.Multiple(() =>
        {
            Assert.That(File.GetUnixFileMode(path), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
            Assert.That(File.GetUnixFileMode(Path.GetDirectoryName(path)!), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute));
        });
    }

    [Test]
    [Platform(Exclude = "Win")]
    [UnsupportedOSPlatform("windows")]
    public void Open_TightensWalAndShmCompanions()
    {
        var path = Path.Combine(_dir, "state.db");
        using (var first = StateStore.Open(path))
        {
            first.History.Add(new HistoryEntry { Argv = ["rsspot", "regions", "list"] });
            foreach (var companion in new[] { path + "-wal", path + "-shm" }.Where(File.Exists))
            {
                File.SetUnixFileMode(companion, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            }

            using var second = StateStore.Open(path);
            var companions = new[] { path + "-wal", path + "-shm" }.Where(File.Exists).ToList();

            Assert.That(companions, Is.Not.Empty, "WAL mode keeps -wal/-shm while connections are open");
            Assert.That(companions.Select(File.GetUnixFileMode), Is.All.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        }
    }

    [Test]
    public void Reopen_KeepsData_AndHasNoNotice()
    {
        var path = Path.Combine(_dir, "state.db");
        using (var store = StateStore.Open(path))
        {
            store.Preferences.Set(PreferenceKeys.DefaultOrg, "acme");
        }

        using var reopened = StateStore.Open(path);

        Assert.Multiple(() =>
        {
            Assert.That(reopened.RecoveryNotice, Is.Null);
            Assert.That(reopened.Preferences.Get(PreferenceKeys.DefaultOrg), Is.EqualTo("acme"));
        });
    }

    [Test]
    public void Open_CorruptFile_IsMovedAsideAndRecovered()
    {
        var path = Path.Combine(_dir, "state.db");
        var garbage = new byte[8192];
        new Random(42).NextBytes(garbage);
        File.WriteAllBytes(path, garbage);
        var clock = new ManualTimeProvider();

        using var store = StateStore.Open(path, clock);
        store.Preferences.Set(PreferenceKeys.DefaultProfile, "prod");

        var kept = Path.Combine(_dir, "state.db.corrupt-20260115T120000Z");
        Assert.Multiple(() =>
        {
            Assert.That(store.RecoveryNotice, Does.Contain(kept).And.Contain("could not be read").And.Contain("not a sqlite database"));
            Assert.That(File.ReadAllBytes(kept), Is.EqualTo(garbage), "the unreadable file is kept byte for byte");
            Assert.That(store.Preferences.Get(PreferenceKeys.DefaultProfile), Is.EqualTo("prod"));
        });

        using var reopened = StateStore.Open(path, clock);
        Assert.That(reopened.RecoveryNotice, Is.Null, "recovery happens once, not on every run");
    }

    [Test]
    public void Open_SqliteHeaderWithDamagedPages_IsMovedAside()
    {
        var path = Path.Combine(_dir, "state.db");
        using (var store = StateStore.Open(path))
        {
            for (var i = 0; i < 200; i++)
            {
                store.History.Add(new HistoryEntry { Argv = ["rsspot", "cmd", new string('x', 200)] });
            }
        }

        // Keep the 100-byte header, scribble over everything after it.
        var bytes = File.ReadAllBytes(path);
        new Random(7).NextBytes(bytes.AsSpan(100));
        File.WriteAllBytes(path, bytes);

        using var recovered = StateStore.Open(path);

        Assert.Multiple(() =>
        {
            Assert.That(recovered.RecoveryNotice, Does.Contain("state.db.corrupt-"));
            Assert.That(recovered.History.Count(), Is.Zero);
            Assert.That(Directory.GetFiles(_dir, "state.db.corrupt-*").Where(f => !f.EndsWith("-wal", StringComparison.Ordinal) && !f.EndsWith("-shm", StringComparison.Ordinal)), Has.Exactly(1).Items);
        });
    }

    [Test]
    public void Open_DamagedDataPage_IsCheckedWhenVerifiedOrAfterAnUncleanClose()
    {
        var path = Path.Combine(_dir, "state.db");
        using (var store = StateStore.Open(path))
        {
            for (var i = 0; i < 200; i++)
            {
                store.History.Add(new HistoryEntry { Argv = ["rsspot", "cmd", new string('x', 200)] });
            }
        }

        // The last page holds history rows only: the schema a routine open reads is intact.
        var bytes = File.ReadAllBytes(path);
        new Random(7).NextBytes(bytes.AsSpan(bytes.Length - 4096));
        File.WriteAllBytes(path, bytes);

        using (var routine = StateStore.Open(path))
        {
            Assert.That(routine.RecoveryNotice, Is.Null, "a cleanly closed, current store is not read page by page");
        }

        File.WriteAllBytes(path + "-wal", []);
        using (var afterCrash = StateStore.Open(path))
        {
            Assert.That(afterCrash.RecoveryNotice, Does.Contain("state.db.corrupt-").And.Contain("integrity check failed"), "a log left behind is a crash sign");
        }

        File.Copy(Directory.GetFiles(_dir, "state.db.corrupt-*").Single(f => !f.EndsWith("-wal", StringComparison.Ordinal)), path, overwrite: true);
        using var verified = StateStore.Open(path, SharedStateSettings.Local, verify: true);
        Assert.That(verified.RecoveryNotice, Does.Contain("integrity check failed"));
    }

    [Test]
    public void Open_ForeignSqliteDatabase_IsNotWrittenInto()
    {
        var path = Path.Combine(_dir, "state.db");
        using (var foreign = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
        {
            foreign.Open();
            foreign.Execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO users (name) VALUES ('alice');");
        }

        using var store = StateStore.Open(path);

        var kept = Directory.GetFiles(_dir, "state.db.corrupt-*").Single();
        using var check = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={kept};Pooling=False");
        check.Open();
        Assert.Multiple(() =>
        {
            Assert.That(store.RecoveryNotice, Does.Contain("not an RsSpot state store"));
            Assert.That(check.ExecuteScalar<string>("SELECT name FROM users"), Is.EqualTo("alice"));
            Assert.That(check.ExecuteScalar<long>("SELECT COUNT(*) FROM sqlite_master WHERE name = 'schema_version'"), Is.Zero);
        });
    }

    [Test]
    public void OpenInMemory_IsIsolatedPerStore()
    {
        using var first = StateStore.OpenInMemory();
        using var second = StateStore.OpenInMemory();
        first.Preferences.Set(PreferenceKeys.DefaultOrg, "one");

        Assert.Multiple(() =>
        {
            Assert.That(first.Path, Is.Null);
            Assert.That(second.Preferences.Get(PreferenceKeys.DefaultOrg), Is.Null);
        });
    }


}
