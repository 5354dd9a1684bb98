using RsSpot.State;

namespace RsSpot.Tests.State;

public sealed class CommandHistoryTests
{
    // Reference test 16.
    [Test]
    public void Add_ThenCount_AndListReturnsCommandAndProfile()
    {
        using var store = StateStore.OpenInMemory();

        store.History.Add(new HistoryEntry { Argv = ["rsspot", "regions", "list"], Profile = "default" });

        var row = store.History.List().Single();
        Assert.Multiple(() =>
        {
            Assert.That(store.History.Count(), Is.EqualTo(1));
            Assert.That(row.Command, Is.EqualTo("rsspot regions list"));
            Assert.That(row.Profile, Is.EqualTo("default"));
        });
    }

    // Reference test 17.
    [Test]
    public void Add_PrunesOldestBeyondCap_NewestFirst()
    {
        using var store = StateStore.OpenInMemory();
        store.History.MaxEntries = 3;

        for (var i = 0; i < 6; i++)
        {
            store.History.Add(new HistoryEntry { Argv = ["rsspot", "cmd", $"{i}"] });
        }

        Assert.Multiple(() =>
        {
            Assert.That(store.History.Count(), Is.EqualTo(3));
            Assert.That(store.History.List().Select(r => r.Command), Is.EqualTo(Seq.Of("rsspot cmd 5", "rsspot cmd 4", "rsspot cmd 3")));
        });
    }

    [Test]
    public void Add_RecordsOutcomeContextAndRedactedArgv()
    {
        var clock = new ManualTimeProvider();
        using var store = StateStore.OpenInMemory(clock);
        var started = clock.GetUtcNow().AddSeconds(-3);

        store.History.Add(new HistoryEntry
        {
            Argv = ["rsspot", "-p", "prod", "--refresh-token", "secret-value", "cloudspaces", "list", "--name", "it's mine"],
            Profile = "prod",
            Org = "acme",
            Region = "us-east-iad-1",
            ExitCode = 4,
            Duration = TimeSpan.FromMilliseconds(1250),
            StartedAt = started,
        });

        var row = store.History.List().Single();
        Assert.Multiple(() =>
        {
            Assert.That(row.Argv, Is.EqualTo(Seq.Of("rsspot", "-p", "prod", "--refresh-token", "<redacted>", "cloudspaces", "list", "--name", "it's mine")));
            Assert.That(row.Command, Is.EqualTo("rsspot -p prod --refresh-token '<redacted>' cloudspaces list --name 'it'\\''s mine'"));
            Assert.That(row.Command, Does.Not.Contain("secret-value"));
            Assert.That((row.Org, row.Region, row.ExitCode), Is.EqualTo(("acme", "us-east-iad-1", (int?)4)));
            Assert.That(row.Duration, Is.EqualTo(TimeSpan.FromMilliseconds(1250)));
            Assert.That(row.StartedAt, Is.EqualTo(started));
        });
    }

    [Test]
    public void Search_IsCaseInsensitiveSubstring_AndClearEmpties()
    {
        using var store = StateStore.OpenInMemory();
        store.History.Add(new HistoryEntry { Argv = ["rsspot", "cloudspaces", "list"] });
        store.History.Add(new HistoryEntry { Argv = ["rsspot", "pricing", "build", "--nodes", "5"] });
        store.History.Add(new HistoryEntry { Argv = ["rsspot", "CloudSpaces", "get", "web"] });

        var found = store.History.Search("cloudspaces");

        Assert.Multiple(() =>
        {
            Assert.That(found.Select(r => r.Command), Is.EqualTo(Seq.Of("rsspot CloudSpaces get web", "rsspot cloudspaces list")));
            Assert.That(store.History.Search("50%"), Is.Empty, "search text is literal, not a LIKE pattern");
            Assert.That(store.History.Info(), Is.EqualTo(new HistoryInfo(3, CommandHistory.DefaultMaxEntries)));
            Assert.That(store.History.Clear(), Is.EqualTo(3));
            Assert.That(store.History.Count(), Is.Zero);
        });
    }

    [Test]
    public void MaxEntries_BelowOne_IsRejected()
    {
        using var store = StateStore.OpenInMemory();

        Assert.Throws<ArgumentOutOfRangeException>(() => store.History.MaxEntries = 0);
    }
}
