using RsSpot.Cli.Tests.Support;

namespace RsSpot.Cli.Tests;

public class ProfilesCommandsTests : CliTestBase
{
    [SetUp]
    public async Task TwoProfiles()
    {
        await Run("configure", "--org", "acme", "--refresh-token", "rt-secretvalue-default");
        await Run("-p", "staging", "configure", "--org", "beta", "--refresh-token", "rt-secretvalue-staging", "--no-activate");
    }

    [Test]
    public async Task List_shows_the_selections_and_sorted_names()
    {
        var run = await Run("profiles", "list");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Json["active_profile"]!.ToString(), Is.EqualTo("default"));
        Assert.That(run.Json["default_profile"]!.ToString(), Is.EqualTo("default"));
        Assert.That(run.Json["profiles"]!.Select(p => p.ToString()), Is.EqualTo(new[] { "default", "staging" }));
    }

    [Test]
    public async Task Show_without_a_name_follows_the_global_profile_option_then_the_environment()
    {
        var byOption = await Run("-p", "staging", "profiles", "show");
        Variables["RSSPOT_PROFILE"] = "staging";
        var byEnvironment = await Run("profiles", "show");

        Assert.Multiple(() =>
        {
            Assert.That(byOption.Json["name"]!.ToString(), Is.EqualTo("staging"), byOption.ToString());
            Assert.That(byOption.Json["selected_by"]!.ToString(), Is.EqualTo("argument"));
            Assert.That(byEnvironment.Json["name"]!.ToString(), Is.EqualTo("staging"), byEnvironment.ToString());
            Assert.That(byEnvironment.Json["selected_by"]!.ToString(), Is.EqualTo("env:RSSPOT_PROFILE"));
            Assert.That(byOption.Json["settings"]!["org"]!.ToString(), Is.EqualTo("beta"));
            Assert.That(byOption.Out, Does.Not.Contain("secretvalue"));
        });
    }

    [Test]
    public async Task Show_by_name_redacts_the_token()
    {
        var run = await Run("profiles", "show", "default");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Json["settings"]!["refresh_token"]!.ToString(), Is.EqualTo("<redacted>"));
        Assert.That(run.Out + run.Error, Does.Not.Contain("secretvalue"));
    }

    [Test]
    public async Task Use_wins_over_a_stale_state_default_profile()
    {
        await Run("config", "set-default-profile", "default");

        var use = await Run("profiles", "use", "staging");
        var shown = await Run("profiles", "show");

        Assert.Multiple(() =>
        {
            Assert.That(use.ExitCode, Is.Zero, use.ToString());
            Assert.That(use.Json["active_profile"]!.ToString(), Is.EqualTo("staging"));
            Assert.That(shown.Json["name"]!.ToString(), Is.EqualTo("staging"), "profiles use is not defeated by state.db (W10)");
        });
    }

    [Test]
    public async Task Deleting_the_active_profile_activates_the_first_remaining_one()
    {
        var run = await Run("profiles", "delete", "default", "--yes");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Json["active_profile"]!.ToString(), Is.EqualTo("staging"));
        Assert.That(run.Json["default_profile"]!.ToString(), Is.EqualTo("staging"));
        Assert.That(run.Json["profiles"]!.Select(p => p.ToString()), Is.EqualTo(new[] { "staging" }));
        Assert.That(File.ReadAllText(Path.Combine(ConfigDirectory, "config.yml")), Does.Not.Contain("rt-secretvalue-default"));
    }

    [Test]
    public async Task Delete_asks_on_a_terminal_and_keeps_the_profile_when_declined()
    {
        var declined = await Run(["profiles", "delete", "staging"], input: "n\n");
        var accepted = await Run(["profiles", "delete", "staging"], input: "y\n");

        Assert.Multiple(() =>
        {
            Assert.That(declined.ExitCode, Is.EqualTo(2), declined.ToString());
            Assert.That(declined.Error, Does.Contain("delete profile 'staging'").And.Contain("error: cancelled"));
            Assert.That(accepted.ExitCode, Is.Zero, accepted.ToString());
            Assert.That(accepted.Json["profiles"]!.Select(p => p.ToString()), Is.EqualTo(new[] { "default" }));
        });
    }
}
