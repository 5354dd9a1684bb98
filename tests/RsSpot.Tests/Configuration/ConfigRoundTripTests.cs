using RsSpot.Configuration;

namespace RsSpot.Tests.Configuration;

[TestFixture]
public sealed class ConfigRoundTripTests : TempHomeFixture
{
    [TestCase("config.yml")]
    [TestCase("config.yaml")]
    [TestCase("config.toml")]
    [TestCase("config.json")]
    [TestCase("spot_config")]
    public void EveryFieldSurvivesASaveAndLoad(string fileName)
    {
        var path = Path.Combine(Home.Root, fileName);
        var original = SampleConfigs.Full();

        ConfigWriter.Save(original, path);
        var loaded = ConfigSerializer.ReadFile(path);

        Assert.Multiple(() =>
        {
            Assert.That(SampleConfigs.Canonical(loaded), Is.EqualTo(SampleConfigs.Canonical(original)));
            Assert.That(loaded.Profiles["prod"].RefreshToken, Is.EqualTo(SampleConfigs.RefreshToken), "a token saved is the token loaded (W1)");
            Assert.That(loaded.Profiles["prod"].AccessToken, Is.EqualTo(SampleConfigs.AccessToken));
            Assert.That(File.ReadAllText(path), Does.Not.Contain("*****"));
        });
    }

    [Test]
    public void ExtensionlessFileIsWrittenAsYamlAndLoadsBack()
    {
        var path = Path.Combine(Home.Root, "spot_config");
        var config = new SpotConfig { DefaultProfile = "prod" };
        config.Profiles["prod"] = new ProfileConfig { RefreshToken = "rt-1" };

        ConfigWriter.Save(config, path);

        var text = File.ReadAllText(path);
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("default_profile: prod"));
            Assert.That(text, Does.Contain("version: \"2\""));
            Assert.That(ConfigSerializer.ReadFile(path).DefaultProfile, Is.EqualTo("prod"));
            Assert.That(ConfigSerializer.ReadFile(path).Profiles["prod"].RefreshToken, Is.EqualTo("rt-1"));
        });
    }

    [TestCase("readme.yml")]
    [TestCase("readme.toml")]
    [TestCase("readme.json")]
    public void TheDocumentedExamplesParseToTheSameModel(string fixture)
    {
        var expected = ConfigSerializer.ReadFile(Fixture("readme.yml"));
        var actual = ConfigSerializer.ReadFile(Fixture(fixture));

        Assert.Multiple(() =>
        {
            Assert.That(SampleConfigs.Canonical(actual), Is.EqualTo(SampleConfigs.Canonical(expected)));
            Assert.That(actual.Profiles["prod"].Org, Is.EqualTo("sparkai"));
            Assert.That(actual.Profiles["prod"].RequestTimeoutSeconds, Is.EqualTo(30));
            Assert.That(actual.Cache!.Backend, Is.EqualTo("sqlite"));
            Assert.That(actual.Preferences.DefaultRegion, Is.EqualTo("us-central-dfw-1"));
        });
    }

    [TestCase("Yaml", "profiles:\n  p:\n    refreshToken: rt\n    clientId: cid\n    baseUrl: https://b.test\n    orgId: org-1\n    oauthUrl: https://o.test\n    requestTimeoutSeconds: 9\n    verifySsl: false\n    maxRetries: 1\n    retryBackoffFactor: 0.5\n    organization: acme\n    default_region: r1\n    accessToken: at\nactiveProfile: p\n")]
    [TestCase("Toml", "activeProfile = \"p\"\n[profiles.p]\nrefreshToken = \"rt\"\nclientId = \"cid\"\nbaseUrl = \"https://b.test\"\norganizationId = \"org-1\"\nauthUrl = \"https://o.test\"\nrequestTimeoutSeconds = 9\nverifySsl = false\nmaxRetries = 1\nretryBackoffFactor = 0.5\norganization = \"acme\"\ndefault_region = \"r1\"\naccessToken = \"at\"\n")]
    [TestCase("Json", "{\"activeProfile\":\"p\",\"profiles\":{\"p\":{\"refreshToken\":\"rt\",\"clientId\":\"cid\",\"baseUrl\":\"https://b.test\",\"organization_id\":\"org-1\",\"auth_url\":\"https://o.test\",\"requestTimeoutSeconds\":9,\"verifySsl\":false,\"maxRetries\":1,\"retryBackoffFactor\":0.5,\"organization\":\"acme\",\"default_region\":\"r1\",\"accessToken\":\"at\"}}}")]
    public void AliasesAreAcceptedAndSavedAsSnakeCase(string formatName, string text)
    {
        var format = Enum.Parse<ConfigFormat>(formatName);
        var config = ConfigSerializer.Parse(text, format, "aliases");
        var profile = config.Profiles["p"];

        Assert.Multiple(() =>
        {
            Assert.That(config.ActiveProfile, Is.EqualTo("p"));
            Assert.That(profile.RefreshToken, Is.EqualTo("rt"));
            Assert.That(profile.AccessToken, Is.EqualTo("at"));
            Assert.That(profile.ClientId, Is.EqualTo("cid"));
            Assert.That(profile.BaseUrl, Is.EqualTo("https://b.test"));
            Assert.That(profile.OAuthUrl, Is.EqualTo("https://o.test"));
            Assert.That(profile.OrgId, Is.EqualTo("org-1"));
            Assert.That(profile.Org, Is.EqualTo("acme"));
            Assert.That(profile.Region, Is.EqualTo("r1"));
            Assert.That(profile.RequestTimeoutSeconds, Is.EqualTo(9));
            Assert.That(profile.VerifySsl, Is.False);
            Assert.That(profile.MaxRetries, Is.EqualTo(1));
            Assert.That(profile.RetryBackoffFactor, Is.EqualTo(0.5));
            Assert.That(profile.ExtraKeys, Is.Empty, "aliases are fields, not unknown keys");
        });

        var saved = ConfigSerializer.Serialize(config, ConfigFormat.Yaml);
        Assert.That(saved, Does.Contain("refresh_token: rt").And.Contain("active_profile: p").And.Not.Contain("refreshToken"));
    }

    [TestCase("Yaml", "future_key:\n  a: [1, 2]\nprofiles:\n  p:\n    shiny: true\n")]
    [TestCase("Toml", "[future_key]\na = [1, 2]\n[profiles.p]\nshiny = true\n")]
    [TestCase("Json", "{\"future_key\":{\"a\":[1,2]},\"profiles\":{\"p\":{\"shiny\":true}}}")]
    public void UnknownKeysArePreservedOnSave(string formatName, string text)
    {
        var format = Enum.Parse<ConfigFormat>(formatName);
        var config = ConfigSerializer.Parse(text, format, "unknown");

        foreach (var target in Enum.GetValues<ConfigFormat>())
        {
            var reread = ConfigSerializer.Parse(ConfigSerializer.Serialize(config, target), target, "reread");
            Assert.Multiple(() =>
            {
                Assert.That(reread.ExtraKeys["future_key"], Is.EqualTo(new Dictionary<string, object?> { ["a"] = new List<object?> { 1L, 2L } }), target.ToString());
                Assert.That(reread.Profiles["p"].ExtraKeys["shiny"], Is.EqualTo(true), target.ToString());
            });
        }
    }

    [Test]
    public void StringsThatLookLikeOtherTypesKeepTheirType()
    {
        var config = new SpotConfig();
        config.Profiles["p"] = new ProfileConfig { Org = "123", Region = "true", RefreshToken = "null", ClientId = "" };

        foreach (var format in Enum.GetValues<ConfigFormat>())
        {
            var profile = ConfigSerializer.Parse(ConfigSerializer.Serialize(config, format), format, "types").Profiles["p"];
            Assert.Multiple(() =>
            {
                Assert.That(profile.Org, Is.EqualTo("123"), format.ToString());
                Assert.That(profile.Region, Is.EqualTo("true"), format.ToString());
                Assert.That(profile.RefreshToken, Is.EqualTo("null"), format.ToString());
                Assert.That(profile.ClientId, Is.EqualTo(string.Empty), format.ToString());
            });
        }
    }

    [TestCase("  padded ")]
    [TestCase("#not-a-comment")]
    [TestCase("*alias-like")]
    [TestCase("&anchor-like")]
    [TestCase("key: value")]
    [TestCase("- dash")]
    [TestCase("multi\nline")]
    [TestCase("unicode \u2713 \u00e9")]
    [TestCase("quotes ' and \"")]
    [TestCase("@at")]
    [TestCase("%percent")]
    [TestCase("yes")]
    [TestCase("off")]
    [TestCase("~")]
    [TestCase("0x1F")]
    [TestCase("1e3")]
    [TestCase("12:30")]
    [TestCase(".inf")]
    [TestCase("tab\tinside")]
    [TestCase("[brackets]")]
    public void TrickyStringsRoundTripInEveryFormat(string value)
    {
        var config = new SpotConfig();
        config.Profiles["p"] = new ProfileConfig { RefreshToken = value };

        foreach (var format in Enum.GetValues<ConfigFormat>())
        {
            var text = ConfigSerializer.Serialize(config, format);
            Assert.That(ConfigSerializer.Parse(text, format, "tricky").Profiles["p"].RefreshToken, Is.EqualTo(value), $"{format}:\n{text}");
        }
    }

    private static string Fixture(string name) => Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "config", name);
}
