using RsSpot.Configuration;

namespace RsSpot.Tests.Configuration;

[TestFixture]
public sealed class ConfigLoaderTests : TempHomeFixture
{
    [Test]
    public void RuntimeConfigWinsOverAnExistingExplicitPath()
    {
        var explicitPath = Home.Write("explicit.toml", "default_profile = \"explicit\"\n");
        var runtime = new SpotConfig { DefaultProfile = "runtime" };

        var loaded = Home.Load(new ConfigLoadRequest { Config = runtime, ConfigPath = explicitPath });

        Assert.Multiple(() =>
        {
            Assert.That(loaded.SourceName, Is.EqualTo("runtime"));
            Assert.That(loaded.Path, Is.Null);
            Assert.That(loaded.Config.DefaultProfile, Is.EqualTo("runtime"));
        });
    }

    [Test]
    public void ExplicitPathWinsOverTheEnvironment()
    {
        var explicitPath = Home.Write("explicit.toml", "default_profile = \"explicit\"\n");
        Home.Variables["RSSPOT_CONFIG"] = Home.Write("env.json", "{\"default_profile\": \"env\"}");

        var loaded = Home.Load(new ConfigLoadRequest { ConfigPath = explicitPath });

        Assert.Multiple(() =>
        {
            Assert.That(loaded.SourceName, Is.EqualTo("explicit-path"));
            Assert.That(loaded.Path, Is.EqualTo(explicitPath));
            Assert.That(loaded.Config.DefaultProfile, Is.EqualTo("explicit"));
        });
    }

    [TestCase("RSSPOT_CONFIG")]
    [TestCase("RSSPOT_CONFIG_FILE")]
    [TestCase("SPOT_CONFIG_FILE")]
    [TestCase("rsspot_config")]
    public void EnvironmentVariableNamesTheFile(string variable)
    {
        Home.Variables[variable] = Home.Write("env.yaml", "default_profile: env\n");
        Home.Write(".config/rsspot/config.yml", "default_profile: default-path\n");

        var loaded = Home.Load();

        Assert.Multiple(() =>
        {
            Assert.That(loaded.SourceName, Does.StartWith("env:"));
            Assert.That(loaded.SourceName, Does.EndWith(variable).IgnoreCase);
            Assert.That(loaded.Config.DefaultProfile, Is.EqualTo("env"));
        });
    }

    [Test]
    public void EnvironmentVariablesAreConsultedInOrder()
    {
        Home.Variables["SPOT_CONFIG_FILE"] = Home.Write("third.yml", "default_profile: third\n");
        Home.Variables["RSSPOT_CONFIG_FILE"] = Home.Write("second.yml", "default_profile: second\n");
        Home.Variables["RSSPOT_CONFIG"] = string.Empty;

        var loaded = Home.Load();

        Assert.Multiple(() =>
        {
            Assert.That(loaded.SourceName, Is.EqualTo("env:RSSPOT_CONFIG_FILE"), "an empty variable counts as unset");
            Assert.That(loaded.Config.DefaultProfile, Is.EqualTo("second"));
        });
    }

    [TestCase(new[] { "config.json", "config.toml" }, "config.toml")]
    [TestCase(new[] { "config.yaml", "config.yml" }, "config.yml")]
    [TestCase(new[] { "config.json", "config.yaml" }, "config.yaml")]
    [TestCase(new[] { "config.json" }, "config.json")]
    public void DefaultCandidatesAreSearchedInOrder(string[] present, string expected)
    {
        foreach (var name in present)
        {
            Home.Write(Path.Combine(".config", "rsspot", name), name.EndsWith(".json", StringComparison.Ordinal) ? "{\"default_profile\": \"x\"}" : name.EndsWith(".toml", StringComparison.Ordinal) ? "default_profile = \"x\"" : "default_profile: x");
        }

        var loaded = Home.Load();

        Assert.Multiple(() =>
        {
            Assert.That(loaded.Source, Is.EqualTo(ConfigSource.DefaultPath));
            Assert.That(Path.GetFileName(loaded.Path), Is.EqualTo(expected));
        });
    }

    [Test]
    public void DefaultPathWinsOverTheLegacyFile()
    {
        Home.Write(".config/rsspot/config.yml", "default_profile: current\n");
        Home.Write(".spot_config", "org: legacy\n");

        var loaded = Home.Load();

        Assert.Multiple(() =>
        {
            Assert.That(loaded.Source, Is.EqualTo(ConfigSource.DefaultPath));
            Assert.That(loaded.Config.DefaultProfile, Is.EqualTo("current"));
        });
    }

    [Test]
    public void NothingAnywhereGivesAnEmptyConfigBoundToTheDefaultFile()
    {
        var loaded = Home.Load();

        Assert.Multiple(() =>
        {
            Assert.That(loaded.SourceName, Is.EqualTo("default-empty"));
            Assert.That(loaded.Path, Is.EqualTo(Path.Combine(Home.ConfigDirectory, "config.yml")));
            Assert.That(loaded.Config.Profiles, Is.Empty);
            Assert.That(File.Exists(loaded.Path), Is.False, "loading never creates files");
        });
    }

    [Test]
    public void MissingExplicitPathIsAnErrorWithThePathAndAHint()
    {
        var missing = Path.Combine(Home.Root, "nope.yml");

        var error = Assert.Throws<SpotConfigurationException>(() => Home.Load(new ConfigLoadRequest { ConfigPath = missing }));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Path, Is.EqualTo(missing));
            Assert.That(error.Message, Does.Contain(missing).And.Contain("does not exist").And.Contain("rsspot configure"));
        });
    }

    [Test]
    public void MissingEnvironmentPathIsAnErrorNamingTheVariable()
    {
        var missing = Path.Combine(Home.Root, "gone.toml");
        Home.Variables["RSSPOT_CONFIG"] = missing;

        var error = Assert.Throws<SpotConfigurationException>(() => Home.Load());

        Assert.That(error!.Message, Does.Contain(missing).And.Contain("RSSPOT_CONFIG"));
    }

    [Test]
    public void MissingExplicitPathMayBeAllowedForCommandsThatCreateIt()
    {
        var missing = Path.Combine(Home.Root, "new.json");

        var loaded = Home.Load(new ConfigLoadRequest { ConfigPath = missing, AllowMissingFile = true });

        Assert.Multiple(() =>
        {
            Assert.That(loaded.Source, Is.EqualTo(ConfigSource.ExplicitPath));
            Assert.That(loaded.Path, Is.EqualTo(missing));
            Assert.That(loaded.Config.Profiles, Is.Empty);
        });
    }

    [Test]
    public void TildeInAnExplicitPathIsTheInjectedHome()
    {
        Home.Write("cfg/spot.yml", "default_profile: tilde\n");

        var loaded = Home.Load(new ConfigLoadRequest { ConfigPath = "~/cfg/spot.yml" });

        Assert.That(loaded.Config.DefaultProfile, Is.EqualTo("tilde"));
    }

    [Test]
    public void FlatSchemaIsNormalisedToTheDefaultProfile()
    {
        var path = Home.Write("flat.json", "{\"org\": \"sparkai\", \"region\": \"us-central-dfw-1\"}");

        var config = Home.Load(new ConfigLoadRequest { ConfigPath = path }).Config;

        Assert.Multiple(() =>
        {
            Assert.That(config.DefaultProfile, Is.EqualTo("default"));
            Assert.That(config.ActiveProfile, Is.EqualTo("default"));
            Assert.That(config.Profiles["default"].Org, Is.EqualTo("sparkai"));
            Assert.That(config.Profiles["default"].Region, Is.EqualTo("us-central-dfw-1"));
        });
    }
}
