using System.Runtime.Versioning;
using RsSpot.Configuration;

namespace RsSpot.Tests.Configuration;

[TestFixture]
public sealed class LegacyMigrationTests
{
    private TempHome _home = null!;

    [SetUp]
    public void SetUp() => _home = new TempHome();

    [TearDown]
    public void TearDown() => _home.Dispose();

    private string CanonicalPath => Path.Combine(_home.ConfigDirectory, "config.yml");

    [TestCase("org: sparkai\nrefreshToken: rt-legacy-123\nregion: us-central-dfw-1\n")]
    [TestCase("org = \"sparkai\"\nrefreshToken = \"rt-legacy-123\"\nregion = \"us-central-dfw-1\"\n")]
    [TestCase("{\"org\": \"sparkai\", \"refreshToken\": \"rt-legacy-123\", \"region\": \"us-central-dfw-1\"}")]
    public void FlatLegacyFileIsMigratedWithItsTokenIntact(string legacyText)
    {
        _home.Write(".spot_config", legacyText);

        var loaded = _home.Load();
        var reloaded = ConfigSerializer.ReadFile(CanonicalPath);

        Assert.Multiple(() =>
        {
            Assert.That(loaded.SourceName, Is.EqualTo("legacy-migrated"));
            Assert.That(loaded.Path, Is.EqualTo(CanonicalPath));
            Assert.That(loaded.Config.Profiles["default"].Org, Is.EqualTo("sparkai"));
            Assert.That(reloaded.Profiles["default"].RefreshToken, Is.EqualTo("rt-legacy-123"), "W1: the token is written for real");
            Assert.That(reloaded.Profiles["default"].Region, Is.EqualTo("us-central-dfw-1"));
            Assert.That(reloaded.Version, Is.EqualTo("2"));
            Assert.That(File.ReadAllText(CanonicalPath), Does.Not.Contain("*****"));
        });
    }

    [Test]
    public void MigrationKeepsEveryKeyAndTheLegacyFileUntouched()
    {
        const string LegacyText = "activeProfile: work\norg: acme\nrefresh_token: rt-work\nretry:\n  max_attempts: 7\npreferences:\n  default_region: uk-lon-1\nstate_path: ~/spot-state.db\ncustom_flag: 42\n";
        _home.Write(".spot_config", LegacyText);
        var legacyBytes = File.ReadAllBytes(_home.LegacyPath);

        var config = _home.Load().Config;

        Assert.Multiple(() =>
        {
            Assert.That(config.ActiveProfile, Is.EqualTo("work"), "W12: credentials stay under the selected profile");
            Assert.That(config.DefaultProfile, Is.EqualTo("work"));
            Assert.That(config.Profiles.Keys.Single(), Is.EqualTo("work"));
            Assert.That(config.Profiles["work"].RefreshToken, Is.EqualTo("rt-work"));
            Assert.That(config.Retry!.MaxAttempts, Is.EqualTo(7));
            Assert.That(config.Preferences.DefaultRegion, Is.EqualTo("uk-lon-1"));
            Assert.That(config.StatePath, Is.EqualTo("~/spot-state.db"));
            Assert.That(config.ExtraKeys["custom_flag"], Is.EqualTo(42L));
            Assert.That(File.ReadAllBytes(_home.LegacyPath), Is.EqualTo(legacyBytes));
        });
    }

    [Test]
    public void ProfiledLegacyFileKeepsItsProfiles()
    {
        _home.Write(".spot_config", "activeProfile = \"b\"\n[profiles.a]\nrefreshToken = \"rt-a\"\n[profiles.b]\norg = \"b-org\"\n");

        var config = _home.Load().Config;

        Assert.Multiple(() =>
        {
            Assert.That(config.ActiveProfile, Is.EqualTo("b"));
            Assert.That(config.Profiles["a"].RefreshToken, Is.EqualTo("rt-a"));
            Assert.That(config.Profiles["b"].Org, Is.EqualTo("b-org"));
        });
    }

    [Test]
    [UnsupportedOSPlatform("windows")]
    public void MigratedFileIsPrivate()
    {
        _home.Write(".spot_config", "refreshToken: rt\n");

        _home.Load();

        Assert.That(File.GetUnixFileMode(CanonicalPath), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
    }

    [Test]
    public void LegacyFileIsNeverReadAgainAfterMigration()
    {
        _home.Write(".spot_config", "refreshToken: first\n");
        _home.Load();
        _home.Write(".spot_config", "refreshToken: changed-later\n");

        var second = _home.Load();

        Assert.Multiple(() =>
        {
            Assert.That(second.Source, Is.EqualTo(ConfigSource.DefaultPath));
            Assert.That(second.Config.Profiles["default"].RefreshToken, Is.EqualTo("first"));
        });
    }

    [Test]
    public void MalformedLegacyFileIsReportedAndNothingIsWritten()
    {
        _home.Write(".spot_config", "{ this is : [ not valid\n");

        var error = Assert.Throws<SpotConfigurationException>(() => _home.Load());

        Assert.Multiple(() =>
        {
            Assert.That(error!.Path, Is.EqualTo(_home.LegacyPath));
            Assert.That(error.Message, Does.Contain(_home.LegacyPath));
            Assert.That(File.Exists(CanonicalPath), Is.False);
        });
    }

    [Test]
    public void MigrationRefusesToOverwriteAnExistingTarget()
    {
        var legacy = _home.Write(".spot_config", "org: a\n");
        var target = _home.Write("existing.yml", "org: b\n");

        Assert.Throws<SpotConfigurationException>(() => LegacyMigrator.Migrate(legacy, target));
        Assert.That(File.ReadAllText(target), Is.EqualTo("org: b\n"));
    }
}
