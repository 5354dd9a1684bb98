using RsSpot.Configuration;

namespace RsSpot.Tests.Configuration;

[TestFixture]
public sealed class ConfigLoaderTests
{
    private TempHome _home = null!;

    [SetUp]
    public void SetUp() => _home = new TempHome();

    [TearDown]
    public void TearDown() => _home.Dispose();

    [Test]
    public void RuntimeConfigWinsOverAnExistingExplicitPath()
    {
        var explicitPath = _home.Write("explicit.toml", "default_profile = \"explicit\"\n");
        var runtime = ConfigSerializer.FromDictionary(new Dictionary<string, object?> { ["default_profile"] = "runtime" });

        var loaded = _home.Load(new ConfigLoadRequest { Config = runtime, ConfigPath = explicitPath });

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
        var explicitPath = _home.Write("explicit.toml", "default_profile = \"explicit\"\n");
        _home.Variables["RSSPOT_CONFIG"] = _home.Write("env.json", "{\"default_profile\": \"env\"}");

        var loaded = _home.Load(new ConfigLoadRequest { ConfigPath = explicitPath });

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
        _home.Variables[variable] = _home.Write("env.yaml", "default_profile: env\n");
        _home.Write(".config/rsspot/config.yml", "default_profile: default-path\n");

        var loaded = _home.Load();

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
        _home.Variables["SPOT_CONFIG_FILE"] = _home.Write("third.yml", "default_profile: third\n");
        _home.Variables["RSSPOT_CONFIG_FILE"] = _home.Write("second.yml", "default_profile: second\n");
        _home.Variables["RSSPOT_CONFIG"] = string.Empty;

        var loaded = _home.Load();

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
            _home.Write(Path.Combine(".config", "rsspot", name), name.EndsWith(".json", StringComparison.Ordinal) ? "{\"default_profile\": \"x\"}" : name.EndsWith(".toml", StringComparison.Ordinal) ? "default_profile = \"x\"" : "default_profile: x");
        }

        var loaded = _home.Load();

        Assert.Multiple(() =>
        {
            Assert.That(loaded.Source, Is.EqualTo(ConfigSource.DefaultPath));
            Assert.That(Path.GetFileName(loaded.Path), Is.EqualTo(expected));
        });
    }

    [Test]
    public void DefaultPathWinsOverTheLegacyFile()
    {
        _home.Write(".config/rsspot/config.yml", "default_profile: current\n");
        _home.Write(".spot_config", "org: legacy\n");

        var loaded = _home.Load();

        Assert.Multiple(() =>
        {
            Assert.That(loaded.Source, Is.EqualTo(ConfigSource.DefaultPath));
            Assert.That(loaded.Config.DefaultProfile, Is.EqualTo("current"));
        });
    }

    [Test]
    public void NothingAnywhereGivesAnEmptyConfigBoundToTheDefaultFile()
    {
        var loaded = _home.Load();

        Assert.Multiple(() =>
        {
            Assert.That(loaded.SourceName, Is.EqualTo("default-empty"));
            Assert.That(loaded.Path, Is.EqualTo(Path.Combine(_home.ConfigDirectory, "config.yml")));
            Assert.That(loaded.Config.Profiles, Is.Empty);
            Assert.That(File.Exists(loaded.Path), Is.False, "loading never creates files");
        });
    }

    [Test]
    public void MissingExplicitPathIsAnErrorWithThePathAndAHint()
    {
        var missing = Path.Combine(_home.Root, "nope.yml");

        var error = Assert.Throws<SpotConfigurationException>(() => _home.Load(new ConfigLoadRequest { ConfigPath = missing }));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Path, Is.EqualTo(missing));
            Assert.That(error.Message, Does.Contain(missing).And.Contain("does not exist").And.Contain("rsspot configure"));
        });
    }

    [Test]
    public void MissingEnvironmentPathIsAnErrorNamingTheVariable()
    {
        var missing = Path.Combine(_home.Root, "gone.toml");
        _home.Variables["RSSPOT_CONFIG"] = missing;

        var error = Assert.Throws<SpotConfigurationException>(() => _home.Load());

        Assert.That(error!.Message, Does.Contain(missing).And.Contain("RSSPOT_CONFIG"));
    }

    [Test]
    public void MissingExplicitPathMayBeAllowedForCommandsThatCreateIt()
    {
        var missing = Path.Combine(_home.Root, "new.json");

        var loaded = _home.Load(new ConfigLoadRequest { ConfigPath = missing, AllowMissingFile = true });

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
        _home.Write("cfg/spot.yml", "default_profile: tilde\n");

        var loaded = _home.Load(new ConfigLoadRequest { ConfigPath = "~/cfg/spot.yml" });

        Assert.That(loaded.Config.DefaultProfile, Is.EqualTo("tilde"));
    }

    [Test]
    public void FlatSchemaIsNormalisedToTheDefaultProfile()
    {
        var path = _home.Write("flat.json", "{\"org\": \"sparkai\", \"region\": \"us-central-dfw-1\"}");

        var config = _home.Load(new ConfigLoadRequest { ConfigPath = path }).Config;

        Assert.Multiple(() =>
        {
            Assert.That(config.DefaultProfile, Is.EqualTo("default"));
            Assert.That(config.ActiveProfile, Is.EqualTo("default"));
            Assert.That(config.Profiles["default"].Org, Is.EqualTo("sparkai"));
            Assert.That(config.Profiles["default"].Region, Is.EqualTo("us-central-dfw-1"));
        });
    }
}
