using System.Runtime.Versioning;
using RsSpot.Configuration;

namespace RsSpot.Tests.Configuration;

[TestFixture]
public sealed class ProfileManagerTests
{
    private TempHome _home = null!;
    private string _path = null!;
    private ProfileManager _manager = null!;

    [SetUp]
    public void SetUp()
    {
        _home = new TempHome();
        _path = Path.Combine(_home.ConfigDirectory, "config.yml");
        _manager = new ProfileManager(_path);
    }

    [TearDown]
    public void TearDown() => _home.Dispose();

    [Test]
    public void FirstUpsertCreatesTheFileAndSelectsTheProfile()
    {
        _manager.Upsert("prod", new ProfileUpdate { RefreshToken = "rt-prod", Region = "us-east-iad-1" });

        var stored = ConfigSerializer.ReadFile(_path);
        Assert.Multiple(() =>
        {
            Assert.That(stored.ActiveProfile, Is.EqualTo("prod"));
            Assert.That(stored.DefaultProfile, Is.EqualTo("prod"));
            Assert.That(stored.Profiles["prod"].RefreshToken, Is.EqualTo("rt-prod"));
        });
    }

    [Test]
    [UnsupportedOSPlatform("windows")]
    public void SavedFileIsPrivate()
    {
        _manager.Upsert("prod", new ProfileUpdate { RefreshToken = "rt" });

        Assert.That(File.GetUnixFileMode(_path), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
    }

    [Test]
    public void UpsertMergesSoReconfiguringTheRegionKeepsTheToken()
    {
        _manager.Upsert("prod", new ProfileUpdate { RefreshToken = "rt-keep", Org = "acme", Region = "old" });

        _manager.Upsert("prod", new ProfileUpdate { Region = "new" });

        var profile = _manager.Load().Profiles["prod"];
        Assert.Multiple(() =>
        {
            Assert.That(profile.Region, Is.EqualTo("new"));
            Assert.That(profile.RefreshToken, Is.EqualTo("rt-keep"), "W11: configure never wipes the token");
            Assert.That(profile.Org, Is.EqualTo("acme"));
        });
    }

    [Test]
    public void UpsertActivatesOnlyWhenAsked()
    {
        _manager.Upsert("a", new ProfileUpdate { Org = "a" });
        _manager.Upsert("b", new ProfileUpdate { Org = "b" });
        Assert.That(_manager.List().ActiveProfile, Is.EqualTo("a"));

        _manager.Upsert("b", new ProfileUpdate(), activate: true);

        var listing = _manager.List();
        Assert.Multiple(() =>
        {
            Assert.That(listing.ActiveProfile, Is.EqualTo("b"));
            Assert.That(listing.DefaultProfile, Is.EqualTo("b"));
        });
    }

    [Test]
    public void UpsertPreservesUnknownKeysAndOtherSections()
    {
        _home.Write(Path.Combine(".config", "rsspot", "config.yml"), "custom: 1\nretry:\n  max_attempts: 8\nprofiles:\n  a:\n    org: a\n    note: hi\n");

        _manager.Upsert("a", new ProfileUpdate { Region = "r" });

        var stored = ConfigSerializer.ReadFile(_path);
        Assert.Multiple(() =>
        {
            Assert.That(stored.ExtraKeys["custom"], Is.EqualTo(1L));
            Assert.That(stored.Retry!.MaxAttempts, Is.EqualTo(8));
            Assert.That(stored.Profiles["a"].ExtraKeys["note"], Is.EqualTo("hi"));
        });
    }

    [Test]
    public void ListIsSortedAndTheFirstProfileIsSelected()
    {
        _manager.Upsert("zeta", new ProfileUpdate { Org = "z" });
        _manager.Upsert("alpha", new ProfileUpdate { Org = "a" });

        Assert.Multiple(() =>
        {
            Assert.That(_manager.List().Profiles, Is.EqualTo(new List<string> { "alpha", "zeta" }));
            Assert.That(_manager.List().ActiveProfile, Is.EqualTo("zeta"));
            Assert.That(_manager.List().DefaultProfile, Is.EqualTo("zeta"));
            Assert.That(_manager.Load().Profiles["alpha"].Org, Is.EqualTo("a"));
        });
    }

    [Test]
    public void MissingProfilesAreErrorsWithAHint()
    {
        _manager.Upsert("a", new ProfileUpdate { Org = "a" });

        foreach (var action in new Action[] { () => _manager.Use("nope"), () => _manager.Delete("nope") })
        {
            var error = Assert.Throws<ProfileNotFoundException>(() => action());
            Assert.That(error!.Message, Does.Contain("'nope'").And.Contain(_path).And.Contain("rsspot configure --profile nope"));
        }
    }

    [Test]
    public void UseSelectsTheProfileEverywhereItIsRecorded()
    {
        _home.Write(Path.Combine(".config", "rsspot", "config.yml"), "default_profile: a\nactive_profile: a\npreferences:\n  default_profile: a\nprofiles:\n  a: {}\n  b: {}\n");
        var state = new FakePreferences();
        state.SetPreference(PreferenceKeys.DefaultProfile, "a");

        _manager.Use("b", state);

        var stored = ConfigSerializer.ReadFile(_path);
        Assert.Multiple(() =>
        {
            Assert.That(stored.ActiveProfile, Is.EqualTo("b"));
            Assert.That(stored.DefaultProfile, Is.EqualTo("b"));
            Assert.That(stored.Preferences.DefaultProfile, Is.EqualTo("b"));
            Assert.That(state.GetPreference(PreferenceKeys.DefaultProfile), Is.Null);
        });
    }

    [Test]
    public void DeletingTheActiveProfileActivatesTheFirstRemaining()
    {
        _manager.Upsert("a", new ProfileUpdate { Org = "a" });
        _manager.Upsert("b", new ProfileUpdate { Org = "b" });
        _manager.Upsert("c", new ProfileUpdate { Org = "c" }, activate: true);
        var state = new FakePreferences();
        state.SetPreference(PreferenceKeys.DefaultProfile, "c");
        state.SetPreference(PreferenceKeys.ProfileOrg("c"), "c-org");

        var saved = _manager.Delete("c", state);

        Assert.Multiple(() =>
        {
            Assert.That(saved.Profiles.Keys, Is.EqualTo(new List<string> { "a", "b" }));
            Assert.That(saved.ActiveProfile, Is.EqualTo("a"));
            Assert.That(saved.DefaultProfile, Is.EqualTo("a"));
            Assert.That(state.Values, Is.Empty, "stale state preferences of the deleted profile are removed");
        });
    }

    [Test]
    public void DeletingTheLastProfileClearsTheSelection()
    {
        _manager.Upsert("only", new ProfileUpdate { Org = "o" });

        var saved = _manager.Delete("only");

        Assert.Multiple(() =>
        {
            Assert.That(saved.Profiles, Is.Empty);
            Assert.That(saved.ActiveProfile, Is.Null);
            Assert.That(saved.DefaultProfile, Is.Null);
        });
    }

    [Test]
    public void AFileThatFailsToParseIsNeverOverwritten()
    {
        var path = _home.Write(Path.Combine(".config", "rsspot", "config.yml"), "profiles: [broken\nrefresh_token: keep-me\n");
        var before = File.ReadAllBytes(path);

        Assert.Throws<SpotConfigurationException>(() => _manager.Upsert("x", new ProfileUpdate { Org = "x" }));

        Assert.That(File.ReadAllBytes(path), Is.EqualTo(before));
    }

    [TestCase("")]
    [TestCase(" padded ")]
    public void InvalidProfileNamesAreRejected(string name) =>
        Assert.Throws<SpotConfigurationException>(() => _manager.Upsert(name, new ProfileUpdate()));
}
