using RsSpot.Configuration;

namespace RsSpot.Tests.Configuration;

[TestFixture]
public sealed class ConfigResolverTests
{
    private const string Config = """
        default_profile: p
        profiles:
          p:
            org: profile-org
            region: profile-region
            client_id: profile-client
            refresh_token: profile-rt
            access_token: profile-at
            base_url: https://profile.test
            oauth_url: https://login.profile.test
            request_timeout_seconds: 11
            verify_ssl: false
          other:
            org: other-org
        preferences:
          default_org: pref-default-org
          default_region: pref-default-region
          profile_orgs:
            p: pref-profile-org
          profile_regions:
            p: pref-profile-region
        """;

    private TempHome _home = null!;
    private FakePreferences _state = null!;

    [SetUp]
    public void SetUp()
    {
        _home = new TempHome();
        _state = new FakePreferences();
    }

    [TearDown]
    public void TearDown() => _home.Dispose();

    // Layers from highest to lowest (docs/configuration.md, "Which value wins"); each row removes the layers above it.
    [TestCase(0, "arg-org", "argument")]
    [TestCase(1, "env-org", "env:RSSPOT_ORG")]
    [TestCase(2, "state-profile-org", "state:profile_org:p")]
    [TestCase(3, "pref-profile-org", "config:preferences.profile_orgs.p")]
    [TestCase(4, "profile-org", "profile:p")]
    [TestCase(5, "state-default-org", "state:default_org")]
    [TestCase(6, "pref-default-org", "config:preferences.default_org")]
    public void OrgPrecedence(int firstLayer, string expected, string source)
    {
        var resolved = ResolveLadder("org", firstLayer);

        Assert.Multiple(() =>
        {
            Assert.That(resolved.Org, Is.EqualTo(expected));
            Assert.That(resolved.Sources["org"], Is.EqualTo(source));
        });
    }

    [TestCase(0, "arg-region", "argument")]
    [TestCase(1, "env-region", "env:RSSPOT_REGION")]
    [TestCase(2, "state-profile-region", "state:profile_region:p")]
    [TestCase(3, "pref-profile-region", "config:preferences.profile_regions.p")]
    [TestCase(4, "profile-region", "profile:p")]
    [TestCase(5, "state-default-region", "state:default_region")]
    [TestCase(6, "pref-default-region", "config:preferences.default_region")]
    public void RegionPrecedence(int firstLayer, string expected, string source)
    {
        var resolved = ResolveLadder("region", firstLayer);

        Assert.Multiple(() =>
        {
            Assert.That(resolved.Region, Is.EqualTo(expected));
            Assert.That(resolved.Sources["region"], Is.EqualTo(source));
        });
    }

    [Test]
    public void AMachineWideDefaultOrgAppliesOnlyWhereTheProfileIsSilent()
    {
        WriteConfig("default_profile: p\nprofiles:\n  p:\n    org: own-org\n  bare: {}\n");
        _state.SetPreference("default_org", "machine-org");

        Assert.Multiple(() =>
        {
            Assert.That(Resolve().Org, Is.EqualTo("own-org"), "set-default-org never overrides the org a profile names");
            Assert.That(Resolve(new ResolveRequest { Profile = "bare" }).Org, Is.EqualTo("machine-org"));
            Assert.That(Resolve(new ResolveRequest { Profile = "bare" }).Sources["org"], Is.EqualTo("state:default_org"));
        });
    }

    [Test]
    public void FileWideDefaultOrgNoLongerOverridesTheProfilesOwnOrg()
    {
        WriteConfig("default_profile: p\nprofiles:\n  p:\n    org: own-org\n  bare: {}\npreferences:\n  default_org: file-default\n");

        Assert.Multiple(() =>
        {
            Assert.That(Resolve().Org, Is.EqualTo("own-org"));
            Assert.That(Resolve(new ResolveRequest { Profile = "bare" }).Org, Is.EqualTo("file-default"));
            Assert.That(Resolve(new ResolveRequest { Profile = "bare" }).Sources["org"], Is.EqualTo("config:preferences.default_org"));
        });
    }

    [Test]
    public void EnvironmentVariablesAreMatchedInOrderAndIgnoringCase()
    {
        WriteConfig(Config);
        _home.Variables["spot_org"] = "third";
        _home.Variables["Rackspace_Org"] = "second";

        var resolved = Resolve();

        Assert.Multiple(() =>
        {
            Assert.That(resolved.Org, Is.EqualTo("second"));
            Assert.That(resolved.Sources["org"], Is.EqualTo("env:RACKSPACE_ORG"));
        });
    }

    [Test]
    public void ScalarFieldsFollowArgumentThenEnvironmentThenProfileThenDefault()
    {
        WriteConfig(Config);
        _home.Variables["RXTSPOT_CLIENT_ID"] = "env-client";
        _home.Variables["RSSPOT_REFRESH_TOKEN"] = "env-rt";
        _home.Variables["SPOT_AUTH_URL"] = "https://login.env.test";
        _home.Variables["SPOT_REQUEST_TIMEOUT"] = "42.5";
        _home.Variables["RSSPOT_VERIFY_SSL"] = "yes";
        _home.Variables["RSSPOT_ORGID"] = "org-env";

        var resolved = Resolve(new ResolveRequest { AccessToken = "arg-at", BaseUrl = "https://arg.test" });

        Assert.Multiple(() =>
        {
            Assert.That(resolved.ClientId, Is.EqualTo("env-client"));
            Assert.That(resolved.RefreshToken, Is.EqualTo("env-rt"));
            Assert.That(resolved.AccessToken, Is.EqualTo("arg-at"));
            Assert.That(resolved.BaseUrl, Is.EqualTo("https://arg.test"));
            Assert.That(resolved.OAuthUrl, Is.EqualTo("https://login.env.test"));
            Assert.That(resolved.RequestTimeout, Is.EqualTo(TimeSpan.FromSeconds(42.5)));
            Assert.That(resolved.VerifySsl, Is.True);
            Assert.That(resolved.OrgId, Is.EqualTo("org-env"));
            Assert.That(resolved.Sources["client_id"], Is.EqualTo("env:RXTSPOT_CLIENT_ID"));
            Assert.That(resolved.Sources["access_token"], Is.EqualTo("argument"));
            Assert.That(resolved.Sources["verify_ssl"], Is.EqualTo("env:RSSPOT_VERIFY_SSL"));
        });
    }

    [Test]
    public void ProfileValuesAndBuiltInDefaultsFillTheRest()
    {
        WriteConfig(Config);

        var fromProfile = Resolve();
        var builtIn = Resolve(new ResolveRequest { Profile = "other" });

        Assert.Multiple(() =>
        {
            Assert.That(fromProfile.ClientId, Is.EqualTo("profile-client"));
            Assert.That(fromProfile.RefreshToken, Is.EqualTo("profile-rt"));
            Assert.That(fromProfile.RequestTimeout, Is.EqualTo(TimeSpan.FromSeconds(11)));
            Assert.That(fromProfile.VerifySsl, Is.False);
            Assert.That(fromProfile.Sources["verify_ssl"], Is.EqualTo("profile:p"));
            Assert.That(builtIn.ClientId, Is.EqualTo(SpotDefaults.ClientId));
            Assert.That(builtIn.BaseUrl, Is.EqualTo(SpotDefaults.BaseUrl));
            Assert.That(builtIn.OAuthUrl, Is.EqualTo(SpotDefaults.OAuthUrl));
            Assert.That(builtIn.RequestTimeout, Is.EqualTo(TimeSpan.FromSeconds(30)));
            Assert.That(builtIn.VerifySsl, Is.True);
            Assert.That(builtIn.RefreshToken, Is.Null);
            Assert.That(builtIn.Sources["refresh_token"], Is.EqualTo("unset"));
            Assert.That(builtIn.Sources["base_url"], Is.EqualTo("default"));
        });
    }

    [TestCase(0, "from-arg", "argument")]
    [TestCase(1, "from-env", "env:RSSPOT_PROFILE")]
    [TestCase(2, "from-state", "state:default_profile")]
    [TestCase(3, "from-prefs", "config:preferences.default_profile")]
    [TestCase(4, "from-default", "config:default_profile")]
    [TestCase(5, "from-active", "config:active_profile")]
    [TestCase(6, "default", "default")]
    public void ProfilePrecedence(int firstLayer, string expected, string source)
    {
        var names = new[] { "from-arg", "from-env", "from-state", "from-prefs", "from-default", "from-active" };
        var profiles = string.Concat(names.Select(name => $"  {name}:\n    org: {name}-org\n"));
        var selectors = (firstLayer <= 3 ? "preferences:\n  default_profile: from-prefs\n" : string.Empty)
            + (firstLayer <= 4 ? "default_profile: from-default\n" : string.Empty)
            + (firstLayer <= 5 ? "active_profile: from-active\n" : string.Empty);
        WriteConfig($"{selectors}profiles:\n{profiles}");
        SetIf(firstLayer <= 1, () => _home.Variables["RSSPOT_PROFILE"] = "from-env");
        SetIf(firstLayer <= 2, () => _state.SetPreference("default_profile", "from-state"));

        var resolved = Resolve(new ResolveRequest { Profile = firstLayer == 0 ? "from-arg" : null });

        Assert.Multiple(() =>
        {
            Assert.That(resolved.ProfileName, Is.EqualTo(expected));
            Assert.That(resolved.Sources["profile"], Is.EqualTo(source));
            Assert.That(resolved.Org, Is.EqualTo(expected == "default" ? null : $"{expected}-org"));
        });
    }

    [TestCase("argument")]
    [TestCase("env")]
    [TestCase("state")]
    [TestCase("file")]
    public void AMissingNamedProfileIsAnErrorWithTheFileAndAHint(string namedBy)
    {
        var path = WriteConfig((namedBy == "file" ? "default_profile: ghost\n" : string.Empty) + "profiles:\n  real:\n    org: x\n");
        SetIf(namedBy == "env", () => _home.Variables["SPOT_PROFILE"] = "ghost");
        SetIf(namedBy == "state", () => _state.SetPreference("default_profile", "ghost"));

        var error = Assert.Throws<ProfileNotFoundException>(() => Resolve(new ResolveRequest { Profile = namedBy == "argument" ? "ghost" : null }));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("'ghost'").And.Contain(path).And.Contain("run 'rsspot configure --profile ghost'"));
            Assert.That(error.Path, Is.EqualTo(path));
        });
    }

    [Test]
    public void DefaultProfileMayBeAbsentWhenTheFileHasNoProfiles()
    {
        _home.Variables["RSSPOT_REFRESH_TOKEN"] = "env-only";

        var resolved = ConfigResolver.Resolve(_home.Load(), new ResolveRequest { Profile = "default" }, null, _home.Environment);

        Assert.Multiple(() =>
        {
            Assert.That(resolved.ProfileName, Is.EqualTo("default"));
            Assert.That(resolved.RefreshToken, Is.EqualTo("env-only"));
            Assert.That(resolved.ConfigSource, Is.EqualTo("default-empty"));
        });
    }

    [Test]
    public void ProfilesUseWinsOverAnEarlierStateDefaultProfile()
    {
        var path = WriteConfig(Config);
        _state.SetPreference("default_profile", "p");

        new ProfileManager(path).Use("other", _state);
        var resolved = Resolve();

        Assert.Multiple(() =>
        {
            Assert.That(resolved.ProfileName, Is.EqualTo("other"));
            Assert.That(resolved.Warnings, Is.Empty);
            Assert.That(_state.GetPreference("default_profile"), Is.Null);
        });
    }

    [Test]
    public void AStateProfileOverridingTheActiveProfileIsReportedNotSilent()
    {
        WriteConfig(Config + "\nactive_profile: other\n");
        _state.SetPreference("default_profile", "p");

        var resolved = Resolve();

        Assert.Multiple(() =>
        {
            Assert.That(resolved.ProfileName, Is.EqualTo("p"));
            Assert.That(resolved.Warnings.Single(), Does.Contain("'p'").And.Contain("'other'").And.Contain("rsspot profiles use other"));
        });
    }

    [Test]
    public void InvalidEnvironmentValuesNameTheVariableButNotTheValue()
    {
        WriteConfig(Config);
        _home.Variables["RSSPOT_VERIFY_SSL"] = "sometimes-secret";

        var error = Assert.Throws<SpotConfigurationException>(() => Resolve());

        Assert.That(error!.Message, Does.Contain("RSSPOT_VERIFY_SSL").And.Contain("expected a boolean").And.Not.Contain("sometimes-secret"));
    }

    [Test]
    public void NonHttpUrlsAreRejectedWithTheirSource()
    {
        WriteConfig(Config);
        _home.Variables["RSSPOT_BASE_URL"] = "spot.rackspace.com";

        var error = Assert.Throws<SpotConfigurationException>(() => Resolve());

        Assert.That(error!.Message, Does.Contain("base_url").And.Contain("env:RSSPOT_BASE_URL"));
    }

    [Test]
    public void DescribeShowsEverySourceAndRedactsSecrets()
    {
        WriteConfig(Config);

        var described = Resolve().Describe();
        var text = Newtonsoft.Json.JsonConvert.SerializeObject(described);
        var refresh = (IDictionary<string, object?>)described["refresh_token"]!;

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Not.Contain("profile-rt").And.Not.Contain("profile-at"));
            Assert.That(refresh["value"], Is.EqualTo(ConfigRedactor.Placeholder));
            Assert.That(refresh["source"], Is.EqualTo("profile:p"));
            Assert.That(((IDictionary<string, object?>)described["org"]!)["value"], Is.EqualTo("pref-profile-org"));
            Assert.That(described.Keys, Does.Contain("retry.max_attempts").And.Contain("cache.default_ttl").And.Contain("state_path"));
        });
    }

    /// <summary>Sets every org/region layer from <paramref name="firstLayer"/> down (argument = 0) and resolves.</summary>
    private ResolvedSettings ResolveLadder(string key, int firstLayer)
    {
        var config = firstLayer > 3 ? Config.Replace($"  profile_{key}s:\n    p: pref-profile-{key}", string.Empty, StringComparison.Ordinal) : Config;
        config = firstLayer > 4 ? config.Replace($"    {key}: profile-{key}\n", string.Empty, StringComparison.Ordinal) : config;
        WriteConfig(config);
        SetIf(firstLayer <= 1, () => _home.Variables[$"RSSPOT_{key.ToUpperInvariant()}"] = $"env-{key}");
        SetIf(firstLayer <= 2, () => _state.SetPreference($"profile_{key}:p", $"state-profile-{key}"));
        SetIf(firstLayer <= 5, () => _state.SetPreference($"default_{key}", $"state-default-{key}"));
        return Resolve(new ResolveRequest { Org = firstLayer == 0 && key == "org" ? "arg-org" : null, Region = firstLayer == 0 && key == "region" ? "arg-region" : null });
    }

    private string WriteConfig(string yaml) => _home.Write(Path.Combine(".config", "rsspot", "config.yml"), yaml);

    private ResolvedSettings Resolve(ResolveRequest? arguments = null) =>
        ConfigResolver.Resolve(_home.Load(), arguments, _state, _home.Environment);

    private static void SetIf(bool condition, Action set)
    {
        if (condition)
        {
            set();
        }
    }
}
