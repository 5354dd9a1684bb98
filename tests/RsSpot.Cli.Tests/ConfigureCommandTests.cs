using Newtonsoft.Json.Linq;
using RsSpot.Cli.Tests.Support;

namespace RsSpot.Cli.Tests;

public class ConfigureCommandTests : CliTestBase
{
    private const string RefreshToken = "rt-secretvalue-0123456789";
    private const string AccessToken = "at-secretvalue-9876543210";

    private string ConfigFile => Path.Combine(ConfigDirectory, "config.yml");

    [Test]
    public async Task Configure_creates_the_config_file_with_mode_0600_and_prints_the_profile_redacted()
    {
        Assume.That(OperatingSystem.IsWindows(), Is.False, "file modes are POSIX");
        var run = await Run("configure", "--org", "acme", "--region", "us-central-dfw-1", "--refresh-token", RefreshToken, "--access-token", AccessToken);

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var settings = run.Json["settings"]!;
        Assert.Multiple(() =>
        {
            Assert.That(run.Json["name"]!.ToString(), Is.EqualTo("default"));
            Assert.That(run.Json["active"]!.Value<bool>(), Is.True);
            Assert.That(settings["org"]!.ToString(), Is.EqualTo("acme"));
            Assert.That(settings["refresh_token"]!.ToString(), Is.EqualTo("<redacted>"));
            Assert.That(settings["access_token"]!.ToString(), Is.EqualTo("<redacted>"));
            Assert.That(OperatingSystem.IsWindows() ? default : File.GetUnixFileMode(ConfigFile), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
            Assert.That(File.ReadAllText(ConfigFile), Does.Contain(RefreshToken).And.Contain(AccessToken), "real secrets are stored (W1)");
        });
        AssertNoSecrets(run);
    }

    [Test]
    public async Task Re_running_configure_merges_and_keeps_the_token()
    {
        await Run("configure", "--org", "acme", "--refresh-token", RefreshToken);

        var run = await Run("configure", "--region", "uk-lon-1");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var file = File.ReadAllText(ConfigFile);
        Assert.Multiple(() =>
        {
            Assert.That(file, Does.Contain(RefreshToken), "the token survives (W11)");
            Assert.That(file, Does.Contain("org: acme").And.Contain("region: uk-lon-1"));
            Assert.That(run.Json["settings"]!["refresh_token"]!.ToString(), Is.EqualTo("<redacted>"));
        });
    }

    [Test]
    public async Task Configure_through_a_symlinked_config_file_updates_the_file_it_points_to()
    {
        Assume.That(OperatingSystem.IsWindows(), Is.False, "symbolic links without privileges are POSIX");
        var dotfile = Path.Combine(Home, "dotfiles", "rsspot.yml");
        Directory.CreateDirectory(Path.GetDirectoryName(dotfile)!);
        Directory.CreateDirectory(ConfigDirectory);
        await File.WriteAllTextAsync(dotfile, "profiles:\n  default:\n    region: uk-lon-1\n");
        File.CreateSymbolicLink(ConfigFile, dotfile);

        var run = await Run("configure", "--org", "acme", "--refresh-token", RefreshToken);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.ToString());
            Assert.That(new FileInfo(ConfigFile).LinkTarget, Is.EqualTo(dotfile), "the user's link is kept");
            Assert.That(File.ReadAllText(dotfile), Does.Contain("org: acme").And.Contain("region: uk-lon-1").And.Contain(RefreshToken));
        });
    }

    [Test]
    public async Task Global_profile_option_names_the_profile_and_no_activate_keeps_the_active_one()
    {
        await Run("configure", "--refresh-token", RefreshToken);

        var run = await Run("-p", "staging", "configure", "--org", "beta", "--no-activate");
        var listing = await Run("profiles", "list");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.ToString());
            Assert.That(run.Json["name"]!.ToString(), Is.EqualTo("staging"));
            Assert.That(run.Json["active"]!.Value<bool>(), Is.False);
            Assert.That(listing.Json["active_profile"]!.ToString(), Is.EqualTo("default"));
            Assert.That(listing.Json["profiles"]!.Select(p => p.ToString()), Is.EqualTo(new[] { "default", "staging" }));
        });
    }

    [Test]
    public async Task Configure_writes_to_the_file_named_by_c_even_when_it_does_not_exist_yet()
    {
        var explicitFile = Path.Combine(Home, "elsewhere", "spot.yml");

        var run = await Run("-c", explicitFile, "configure", "--region", "us-east-iad-1");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Json["path"]!.ToString(), Is.EqualTo(explicitFile));
        Assert.That(File.ReadAllText(explicitFile), Does.Contain("region: us-east-iad-1"));
        Assert.That(File.Exists(ConfigFile), Is.False);
    }

    [Test]
    public async Task Activating_removes_a_stale_state_default_that_would_outrank_the_file()
    {
        await Run("-p", "old", "configure", "--region", "r1");
        await Run("config", "set-default-profile", "old");

        await Run("-p", "fresh", "configure", "--region", "r2");
        var resolved = await Run("config", "info", "--resolved");

        Assert.That(resolved.Json["profile"]!["value"]!.ToString(), Is.EqualTo("fresh"), resolved.ToString());
        Assert.That(resolved.Json["region"]!["value"]!.ToString(), Is.EqualTo("r2"));
    }

    [Test]
    public async Task On_a_terminal_configure_asks_for_a_missing_refresh_token()
    {
        var run = await Run(["configure", "--org", "acme"], input: RefreshToken + "\n");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Error, Does.Contain("Refresh token"));
        Assert.That(File.ReadAllText(ConfigFile), Does.Contain(RefreshToken));
        AssertNoSecrets(run);
    }

    [Test]
    public async Task Configure_does_not_ask_again_when_the_profile_already_has_a_token()
    {
        await Run("configure", "--refresh-token", RefreshToken);

        var run = await Run(["configure", "--org", "acme"], input: "should-not-be-read\n");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Error, Does.Not.Contain("Refresh token"));
        Assert.That(File.ReadAllText(ConfigFile), Does.Contain(RefreshToken).And.Not.Contain("should-not-be-read"));
    }

    [Test]
    public async Task Without_p_configure_updates_the_profile_in_effect_and_says_which()
    {
        await Run("-p", "prod", "configure", "--org", "acme", "--refresh-token", RefreshToken);

        var run = await Run("configure", "--region", "us-east-iad-1");
        var listing = await Run("profiles", "list");
        var resolved = await Run("config", "info", "--resolved");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.ToString());
            Assert.That(run.Error, Does.Contain("updated profile 'prod' (selected by config:default_profile)"));
            Assert.That(run.Json["name"]!.ToString(), Is.EqualTo("prod"));
            Assert.That(listing.Json["profiles"]!.Select(p => p.ToString()), Is.EqualTo(new[] { "prod" }), "no empty 'default' profile appears");
            Assert.That(resolved.Json["refresh_token"]!["source"]!.ToString(), Is.EqualTo("profile:prod"), "the stored token is still the one in use");
            Assert.That(resolved.Json["region"]!["value"]!.ToString(), Is.EqualTo("us-east-iad-1"));
            Assert.That(File.ReadAllText(ConfigFile), Does.Contain(RefreshToken));
        });
    }

    [Test]
    public async Task Without_p_configure_follows_the_environment_like_every_other_command()
    {
        await Run("-p", "prod", "configure", "--refresh-token", RefreshToken);
        await Run("-p", "staging", "configure", "--refresh-token", RefreshToken, "--no-activate");
        Variables["RSSPOT_PROFILE"] = "staging";

        var run = await Run("configure", "--org", "beta");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Error, Does.Contain("updated profile 'staging' (selected by env:RSSPOT_PROFILE)"));
        Assert.That(run.Json["settings"]!["org"]!.ToString(), Is.EqualTo("beta"));
    }

    [Test]
    public async Task Configure_never_creates_an_empty_profile()
    {
        var run = await Run("configure");

        AssertOneLineError(run, 2, "profile 'default' (selected by default) does not exist and no setting was given");
        Assert.That(File.Exists(ConfigFile), Is.False);
    }

    [Test]
    public async Task A_new_profile_without_a_token_is_created_with_a_warning()
    {
        var run = await Run("configure", "--region", "uk-lon-1");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Error, Does.Contain("created profile 'default' (selected by default)").And.Contain("has no refresh token yet"));
    }

    private static void AssertNoSecrets(CliRun run)
    {
        Assert.That(run.Out + run.Error, Does.Not.Contain("secretvalue"), "secrets never reach stdout or stderr");
    }
}
