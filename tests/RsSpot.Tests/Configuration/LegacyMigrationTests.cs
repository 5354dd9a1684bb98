using System.Runtime.Versioning;
using RsSpot.Configuration;

namespace RsSpot.Tests.Configuration;

[TestFixture]
public sealed class LegacyMigrationTests : TempHomeFixture
{
    private string CanonicalPath => Path.Combine(Home.ConfigDirectory, "config.yml");

    [TestCase("org: sparkai\nrefreshToken: rt-legacy-123\nregion: us-central-dfw-1\n")]
    [TestCase("org = \"sparkai\"\nrefreshToken = \"rt-legacy-123\"\nregion = \"us-central-dfw-1\"\n")]
    [TestCase("{\"org\": \"sparkai\", \"refreshToken\": \"rt-legacy-123\", \"region\": \"us-central-dfw-1\"}")]
    public void FlatLegacyFileIsMigratedWithItsTokenIntact(string legacyText)
    {
        Home.Write(".spot_config", legacyText);

        var loaded = Home.Load();
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
        Home.Write(".spot_config", LegacyText);
        var legacyBytes = File.ReadAllBytes(Home.LegacyPath);

        var config = Home.Load().Config;

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
            Assert.That(File.ReadAllBytes(Home.LegacyPath), Is.EqualTo(legacyBytes));
        });
    }

    [Test]
    public void ProfiledLegacyFileKeepsItsProfiles()
    {
        Home.Write(".spot_config", "activeProfile = \"b\"\n[profiles.a]\nrefreshToken = \"rt-a\"\n[profiles.b]\norg = \"b-org\"\n");

        var config = Home.Load().Config;

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
        Home.Write(".spot_config", "refreshToken: rt\n");

        Home.Load();

        Assert.That(File.GetUnixFileMode(CanonicalPath), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
    }

    [Test]
    public void LegacyFileIsNeverReadAgainAfterMigration()
    {
        Home.Write(".spot_config", "refreshToken: first\n");
        Home.Load();
        Home.Write(".spot_config", "refreshToken: changed-later\n");

        var second = Home.Load();

        Assert.Multiple(() =>
        {
            Assert.That(second.Source, Is.EqualTo(ConfigSource.DefaultPath));
            Assert.That(second.Config.Profiles["default"].RefreshToken, Is.EqualTo("first"));
        });
    }

    [Test]
    public void MalformedLegacyFileIsReportedAndNothingIsWritten()
    {
        Home.Write(".spot_config", "{ this is : [ not valid\n");

        var error = Assert.Throws<SpotConfigurationException>(() => Home.Load());

        Assert.Multiple(() =>
        {
            Assert.That(error!.Path, Is.EqualTo(Home.LegacyPath));
            Assert.That(error.Message, Does.Contain(Home.LegacyPath));
            Assert.That(File.Exists(CanonicalPath), Is.False);
        });
    }

    [Test]
    public void MigrationRefusesToOverwriteAnExistingTarget()
    {
        var legacy = Home.Write(".spot_config", "org: a\n");
        var target = Home.Write("existing.yml", "org: b\n");

        Assert.That(LegacyMigrator.MigrateUnlessDone(legacy, target), Is.Null);
        Assert.That(File.ReadAllText(target), Is.EqualTo("org: b\n"));
    }
}
