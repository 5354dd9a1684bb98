using RsSpot.Cli.Tests.Support;
using RsSpot.Emulator;
using RsSpot.Emulator.Server;

namespace RsSpot.Cli.Tests.Operator;

/// <summary><c>rsspot whoami</c>, the three forms of an organization, and the refresh token found under other tools' variable names.</summary>
public class IdentityCommandTests : CliTestBase
{
    [TestCase("acme-corp")]
    [TestCase(SpotEmulator.DefaultOrganizationId)]
    [TestCase("org-xy3kq9lmn2pr7stu")]
    public async Task Whoami_shows_the_organization_in_all_three_forms_whichever_is_configured(string org)
    {
        Variables["RSSPOT_ORG"] = org;

        var run = await Sandbox("whoami");
        var listed = await Sandbox("cloudspaces", "list", "--org", org);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.ToString());
            Assert.That(run.Json["organization"]!["name"]!.ToString(), Is.EqualTo("acme-corp"));
            Assert.That(run.Json["organization"]!["id"]!.ToString(), Is.EqualTo(SpotEmulator.DefaultOrganizationId));
            Assert.That(run.Json["organization"]!["namespace"]!.ToString(), Is.EqualTo("org-xy3kq9lmn2pr7stu"));
            Assert.That(run.Json["organization_source"]!.ToString(), Is.EqualTo("env:RSSPOT_ORG"));
            Assert.That(run.Json["profile"]!.ToString(), Is.EqualTo("default"));
            Assert.That(run.Json["api_endpoint"]!.ToString(), Does.StartWith("https://"));
            Assert.That(run.Out, Does.Match("\"token_expires_at\": \"\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z\""), "ISO 8601, UTC");
            Assert.That(listed.ExitCode, Is.Zero, listed.ToString());
        });
    }

    [TestCase("SPOT_REFRESH_TOKEN")]
    [TestCase("RACKSPACE_SPOT_REFRESH_TOKEN")]
    [TestCase("RACKSPACE_REFRESH_TOKEN")]
    [TestCase("RACKSPACE_SPOT_TOKEN")]
    public async Task The_refresh_token_is_found_under_other_tools_names_and_its_source_is_named(string variable)
    {
        await using var server = await SpotEmulatorServer.StartAsync(new SpotEmulator());
        var url = server.BaseAddress.ToString();
        await Run("configure", "--base-url", url, "--oauth-url", url, "--region", "us-central-dfw-1");
        Variables[variable] = SpotEmulator.SandboxRefreshToken;

        var whoami = await Run("whoami");
        var resolved = await Run("config", "info", "--resolved");

        Assert.Multiple(() =>
        {
            Assert.That(whoami.ExitCode, Is.Zero, whoami.ToString());
            Assert.That(whoami.Json["refresh_token_source"]!.ToString(), Is.EqualTo($"env:{variable}"));
            Assert.That(whoami.Json["api_endpoint"]!.ToString(), Is.EqualTo(url));
            Assert.That(resolved.Json["refresh_token"]!["source"]!.ToString(), Is.EqualTo($"env:{variable}"));
            Assert.That(whoami.Out + resolved.Out, Does.Not.Contain(SpotEmulator.SandboxRefreshToken), "no secret is printed");
        });
    }

    [Test]
    public async Task A_token_in_the_profile_wins_over_other_tools_variables()
    {
        await Run("configure", "--refresh-token", "profile-token-0123456789");
        Variables["SPOT_REFRESH_TOKEN"] = "other-tool-token";

        var resolved = await Run("config", "info", "--resolved");

        Assert.That(resolved.Json["refresh_token"]!["source"]!.ToString(), Is.EqualTo("profile:default"));
    }
}
