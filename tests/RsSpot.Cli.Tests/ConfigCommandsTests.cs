using Newtonsoft.Json.Linq;
using RsSpot.Cli.Tests.Support;

namespace RsSpot.Cli.Tests;

public class ConfigCommandsTests : CliTestBase
{
    private const string RefreshToken = "rt-secretvalue-0123456789";

    [Test]
    public async Task Configure_then_profiles_then_config_info_round_trip()
    {
        var configure = await Run("configure", "--org", "acme", "--region", "us-central-dfw-1", "--refresh-token", RefreshToken);
        var list = await Run("profiles", "list");
        var show = await Run("profiles", "show");
        var info = await Run("config", "info");

        Assert.Multiple(() =>
        {
            Assert.That(configure.ExitCode, Is.Zero, configure.ToString());
            Assert.That(list.Json["profiles"]!.Select(p => p.ToString()), Is.EqualTo(new[] { "default" }));
            Assert.That(show.Json["settings"]!["region"]!.ToString(), Is.EqualTo("us-central-dfw-1"));
            Assert.That(info.ExitCode, Is.Zero, info.ToString());
            Assert.That(info.Json["_source"]!.ToString(), Is.EqualTo("default-path"));
            Assert.That(info.Json["_path"]!.ToString(), Is.EqualTo(Path.Combine(ConfigDirectory, "config.yml")));
            Assert.That(info.Json["profiles"]!["default"]!["org"]!.ToString(), Is.EqualTo("acme"));
            Assert.That(info.Json["profiles"]!["default"]!["refresh_token"]!.ToString(), Is.EqualTo("<redacted>"));
            Assert.That(info.Json["_state"]!["path"]!.ToString(), Is.EqualTo(Path.Combine(ConfigDirectory, "state.db")));
            Assert.That(info.Json["_state"]!["history_count"]!.Value<long>(), Is.EqualTo(3), "the three earlier commands were recorded");
            Assert.That(info.Json["_state"]!["history_max_entries"]!.Value<int>(), Is.EqualTo(2000));
        });
        foreach (var run in new[] { configure, list, show, info })
        {
            Assert.That(run.Out + run.Error, Does.Not.Contain("secretvalue"), run.ToString());
        }
    }

    [Test]
    public async Task A_legacy_spot_config_is_migrated_with_its_token_intact_but_shown_redacted()
    {
        await File.WriteAllTextAsync(Path.Combine(Home, ".spot_config"), $$"""{"org": "legacy-org", "region": "us-east-iad-1", "refreshToken": "{{RefreshToken}}"}""");

        var info = await Run("config", "info");

        Assert.That(info.ExitCode, Is.Zero, info.ToString());
        Assert.Multiple(() =>
        {
            Assert.That(info.Json["_source"]!.ToString(), Is.EqualTo("legacy-migrated"));
            Assert.That(info.Json["profiles"]!["default"]!["org"]!.ToString(), Is.EqualTo("legacy-org"));
            Assert.That(info.Json["profiles"]!["default"]!["refresh_token"]!.ToString(), Is.EqualTo("<redacted>"));
            Assert.That(info.Out + info.Error, Does.Not.Contain("secretvalue"));
            Assert.That(File.ReadAllText(Path.Combine(ConfigDirectory, "config.yml")), Does.Contain(RefreshToken), "the migrated file keeps the real token (W1)");
        });
    }

    [Test]
    public async Task Config_info_resolved_shows_each_value_with_its_source()
    {
        await Run("configure", "--org", "file-org", "--region", "file-region", "--refresh-token", RefreshToken);
        await Run("config", "set", "default_org", "machine-org");
        Variables["RSSPOT_REGION"] = "env-region";

        var run = await Run("config", "info", "--resolved");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var json = run.Json;
        Assert.Multiple(() =>
        {
            Assert.That(json["region"]!["value"]!.ToString(), Is.EqualTo("env-region"));
            Assert.That(json["region"]!["source"]!.ToString(), Is.EqualTo("env:RSSPOT_REGION"));
            Assert.That(json["org"]!["value"]!.ToString(), Is.EqualTo("file-org"), "a machine-wide default never overrides the profile's own org");
            Assert.That(json["org"]!["source"]!.ToString(), Is.EqualTo("profile:default"));
            Assert.That(json["profile"]!["value"]!.ToString(), Is.EqualTo("default"));
            Assert.That(json["refresh_token"]!["value"]!.ToString(), Is.EqualTo("<redacted>"));
            Assert.That(json["refresh_token"]!["source"]!.ToString(), Is.EqualTo("profile:default"));
            Assert.That(json["_config"]!["source"]!.ToString(), Is.EqualTo("default-path"));
            Assert.That(run.Out, Does.Not.Contain("secretvalue"));
        });
    }

    [Test]
    public async Task Set_get_and_unset_a_preference()
    {
        var set = await Run("config", "set", "profile_region:default", "uk-lon-1");
        var get = await Run("config", "get", "profile_region:default");
        var unset = await Run("config", "unset", "profile_region:default");
        var again = await Run("config", "get", "profile_region:default");
        var unsetAgain = await Run("config", "unset", "profile_region:default");

        Assert.Multiple(() =>
        {
            Assert.That(set.Out.Trim(), Is.EqualTo("profile_region:default set to uk-lon-1"), set.ToString());
            Assert.That(get.Json["value"]!.ToString(), Is.EqualTo("uk-lon-1"));
            Assert.That(unset.Out.Trim(), Is.EqualTo("profile_region:default unset"));
            Assert.That(again.Json["value"]!.Type, Is.EqualTo(JTokenType.Null));
            Assert.That(unsetAgain.Out.Trim(), Is.EqualTo("profile_region:default was not set"));
        });
    }

    [Test]
    public async Task Set_default_commands_echo_a_sentence_or_json_with_o()
    {
        await Run("configure", "--region", "r");

        var org = await Run("config", "set-default-org", "acme");
        var region = await Run("-o", "json", "config", "set-default-region", "uk-lon-1");
        var profile = await Run("config", "set-default-profile", "default");
        var info = await Run("config", "info");

        Assert.Multiple(() =>
        {
            Assert.That(org.Out.Trim(), Is.EqualTo("default org set to acme"), org.ToString());
            Assert.That(region.Json["key"]!.ToString(), Is.EqualTo("default_region"));
            Assert.That(region.Json["value"]!.ToString(), Is.EqualTo("uk-lon-1"));
            Assert.That(profile.Out.Trim(), Is.EqualTo("default profile set to default"));
            var preferences = info.Json["_state"]!["preferences"]!;
            Assert.That(preferences["default_org"]!.ToString(), Is.EqualTo("acme"));
            Assert.That(preferences["default_region"]!.ToString(), Is.EqualTo("uk-lon-1"));
            Assert.That(preferences["default_profile"]!.ToString(), Is.EqualTo("default"));
        });
    }

    [Test]
    public async Task Config_info_honours_c()
    {
        var file = Path.Combine(Home, "team.yml");
        await File.WriteAllTextAsync(file, "profiles:\n  team:\n    org: team-org\n");

        var run = await Run("config", "info", "-c", file);

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Json["_source"]!.ToString(), Is.EqualTo("explicit-path"));
        Assert.That(run.Json["profiles"]!["team"]!["org"]!.ToString(), Is.EqualTo("team-org"));
        Assert.That(run.Json["_state"]!["path"]!.ToString(), Does.StartWith(Home));
    }
}
