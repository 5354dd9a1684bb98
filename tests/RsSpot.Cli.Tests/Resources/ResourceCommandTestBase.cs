using RsSpot.Cli.Infrastructure;
using RsSpot.Cli.Tests.Support;

namespace RsSpot.Cli.Tests.Resources;

/// <summary>Sandbox runs where new cloudspaces are Ready at once (unless a test sets a provisioning delay).</summary>
public abstract class ResourceCommandTestBase : CliTestBase
{
    protected const string Region = "us-central-dfw-1";
    protected const string ServerClass = "gp.vs1.medium-dfw";

    [SetUp]
    public void ReadyAtOnce() => Variables[CliContext.SandboxProvisioningDelayVariable] = "0";

    /// <summary>Runs a sandbox command with <paramref name="input"/> typed at an interactive terminal.</summary>
    protected Task<CliRun> SandboxOnTerminal(string input, params string[] args) => Run(["--sandbox", .. args], input);

    /// <summary>Creates a cloudspace and fails the test if that does not work.</summary>
    protected async Task CreateCloudSpace(string name)
    {
        var run = await Sandbox("cloudspaces", "create", "--name", name, "--region", Region);
        Assert.That(run.ExitCode, Is.Zero, run.ToString());
    }
}
