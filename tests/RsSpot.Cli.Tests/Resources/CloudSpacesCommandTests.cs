using RsSpot.Cli.Infrastructure;

namespace RsSpot.Cli.Tests.Resources;

public class CloudSpacesCommandTests : ResourceCommandTestBase
{
    [Test]
    public async Task Create_list_get_update_delete_round_trip()
    {
        var created = await Sandbox("cloudspaces", "create", "--name", "web", "--region", Region, "--gpu-enabled", "--webhook", "https://hooks.example.com/x");
        var listed = await Sandbox("cloudspaces", "list");
        var table = await Sandbox("cloudspaces", "list", "-o", "table");
        var updated = await Sandbox("cloudspaces", "update", "web", "--ha-control-plane", "true");
        var fetched = await Sandbox("cloudspaces", "get", "web");
        var deleted = await Sandbox("cloudspaces", "delete", "web", "--yes");
        var gone = await Sandbox("cloudspaces", "get", "web");

        Assert.Multiple(() =>
        {
            Assert.That(created.ExitCode, Is.Zero, created.ToString());
            Assert.That(created.Json["kubernetes_version"]!.ToString(), Is.EqualTo("1.31.1"));
            Assert.That(created.Json["cni"]!.ToString(), Is.EqualTo("calico"));
            Assert.That(listed.Json.Select(c => c["name"]!.ToString()), Is.EqualTo(new[] { "web" }));
            Assert.That(table.Out, Does.Contain("NAME").And.Contain("PHASE").And.Contain("web"));
            Assert.That(table.Out, Does.Not.Contain("assigned_servers"), "the table shows a projection");
            Assert.That(updated.ExitCode, Is.Zero, updated.ToString());
            Assert.That(fetched.Json["ha_control_plane"]!.ToObject<bool>(), Is.True);
            Assert.That(fetched.Json["gpu_enabled"]!.ToObject<bool>(), Is.True, "fields not given to update are left alone");
            Assert.That(fetched.Json["webhook"]!.ToString(), Is.EqualTo("https://hooks.example.com/x"));
            Assert.That(deleted.ExitCode, Is.Zero, deleted.ToString());
            Assert.That(deleted.Json["name"]!.ToString(), Is.EqualTo("web"));
            Assert.That(gone.ExitCode, Is.EqualTo(4), gone.ToString());
        });
    }

    [Test]
    public async Task Create_with_wait_prints_the_ready_cloudspace_and_reports_the_phase_on_stderr()
    {
        var run = await Sandbox("cloudspaces", "create", "--name", "waited", "--region", Region, "--wait", "--wait-timeout", "2m");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Json["phase"]!.ToString(), Is.EqualTo("Ready"));
        Assert.That(run.Error, Does.Contain("cloudspace waited: Ready"));
    }

    [Test]
    public async Task Wait_that_times_out_exits_5_naming_the_phase_and_prints_the_last_state()
    {
        Variables[CliContext.SandboxProvisioningDelayVariable] = "600";

        var run = await Sandbox("cloudspaces", "create", "--name", "slow", "--region", Region, "--wait", "--wait-timeout", "1");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.WaitTimedOut), run.ToString());
            Assert.That(run.Error, Does.Contain("created cloudspace slow; waiting"), "the user learns the cloudspace exists");
            Assert.That(run.Error, Does.Contain("cloudspace slow: Provisioning"));
            Assert.That(run.Error, Does.Contain("error: cloudspace slow is not ready after 1 second (phase Provisioning): the cloudspace keeps going"));
            Assert.That(run.Json["phase"]!.ToString(), Is.EqualTo("Provisioning"), "stdout has the last state seen");
        });
    }

    [Test]
    public async Task A_stale_resource_version_makes_the_update_fail_without_changing_anything()
    {
        await CreateCloudSpace("guarded");

        var run = await Sandbox("cloudspaces", "update", "guarded", "--kubernetes-version", "1.32.0", "--if-resource-version", "1");
        var after = await Sandbox("cloudspaces", "get", "guarded");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.ToString());
        Assert.That(after.Json["kubernetes_version"]!.ToString(), Is.EqualTo("1.31.1"));
    }

    [Test]
    public async Task Running_a_conditional_update_again_after_it_applied_succeeds()
    {
        await CreateCloudSpace("rerun");
        var version = (await Sandbox("cloudspaces", "get", "rerun")).Json["resource_version"]!.ToString();

        var first = await Sandbox("cloudspaces", "update", "rerun", "--kubernetes-version", "1.32.0", "--if-resource-version", version);
        var again = await Sandbox("cloudspaces", "update", "rerun", "--kubernetes-version", "1.32.0", "--if-resource-version", version);
        var other = await Sandbox("cloudspaces", "update", "rerun", "--kubernetes-version", "1.33.0", "--if-resource-version", version);

        Assert.Multiple(() =>
        {
            Assert.That(first.ExitCode, Is.Zero, first.ToString());
            Assert.That(again.ExitCode, Is.Zero, "the change is there: the re-run is done, whatever the version now is\n" + again);
            Assert.That(again.Json["kubernetes_version"]!.ToString(), Is.EqualTo("1.32.0"));
            AssertOneLineError(other, 1, "has changed");
        });
    }

    [Test]
    public async Task Delete_without_a_terminal_needs_yes()
    {
        await CreateCloudSpace("kept");

        var run = await Sandbox("cloudspaces", "delete", "kept");
        var after = await Sandbox("cloudspaces", "get", "kept");

        AssertOneLineError(run, 2, "pass --yes");
        Assert.That(after.ExitCode, Is.Zero, "nothing was deleted");
    }

    [TestCase("y\n", 0, 4)]
    [TestCase("n\n", 2, 0)]
    public async Task Delete_on_a_terminal_asks_first(string answer, int exitCode, int getExitCode)
    {
        await CreateCloudSpace("asked");

        var run = await SandboxOnTerminal(answer, "cloudspaces", "delete", "asked");
        var after = await Sandbox("cloudspaces", "get", "asked");

        Assert.That(run.ExitCode, Is.EqualTo(exitCode), run.ToString());
        Assert.That(run.Error, Does.Contain("delete cloudspace 'asked' and all its node pools? [y/N]"));
        Assert.That(after.ExitCode, Is.EqualTo(getExitCode), after.ToString());
    }
}
