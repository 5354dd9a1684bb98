using System.Runtime.InteropServices;
using RsSpot.Cli.Infrastructure;
using RsSpot.Cli.Tests.Resources;
using RsSpot.Cli.Tests.Support;
using RsSpot.Emulator;

namespace RsSpot.Cli.Tests.Operator;

/// <summary>
/// Sandbox runs of the operator commands: a Ready cloudspace, pins set through a second emulator over the run's
/// sandbox.db (as another process would), a bid that wins today within the guard's limits, and Ctrl+C on cue.
/// </summary>
public abstract class OperatorCliTestBase : ResourceCommandTestBase
{
    protected const string CloudSpaceName = "ops";

    /// <summary>Another general-purpose class of the region (for replacements).</summary>
    protected const string OtherClass = "gp.vs1.large-dfw";

    /// <summary>
    /// Above the class's highest market price of the last day and below three times its lowest (the emulator's
    /// prices of gp.vs1.medium-dfw: 0.009-0.015, on-demand 0.062), so it wins at any hour and passes the guard.
    /// </summary>
    protected const string FairBid = "0.020";

    /// <summary>Holds the objects <paramref name="pin"/> selects in its state.</summary>
    protected void Pin(ResourcePin pin) => new SpotEmulator(new SpotEmulatorOptions { StatePath = Path.Combine(ConfigDirectory, "sandbox.db") }).Pin(pin);

    /// <summary>Creates a spot pool with a fair bid and returns its name.</summary>
    protected async Task<string> SpotPool(string serverClass = ServerClass, int desired = 2)
    {
        var run = await Sandbox("nodepools", "spot", "create", "--cloudspace", CloudSpaceName, "--server-class", serverClass, "--bid-price", FairBid, "--desired", desired.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        return run.Json["name"]!.ToString();
    }

    /// <summary>Runs a sandbox command and sends it Ctrl+C once stderr shows <paramref name="cue"/>.</summary>
    protected async Task<CliRun> SandboxInterruptedAt(string cue, params string[] args)
    {
        using var interruption = new Interruption();
        using var error = new CueWriter(cue, () => interruption.Request(PosixSignal.SIGINT));
        return await Run(["--sandbox", .. args], null, interruption, error);
    }
}
