using RsSpot.Cli.Tests.Support;
using RsSpot.Emulator;
using RsSpot.Emulator.Server;

namespace RsSpot.Cli.Tests.Observability;

/// <summary>
/// rsspot configured against an emulator served on loopback, with a Ready cloudspace and a spot pool of two servers,
/// so a test can change the world between runs (pre-empt a server, move the market price, cause an outage) and read
/// the emulator's journal. The market price is fixed, so the auction's own moves never add events.
/// </summary>
public abstract class EmulatedOrganizationTestBase : CliTestBase
{
    protected const string CloudSpaceName = "observed";
    protected const string ServerClass = "gp.vs1.medium-dfw";
    protected const string Bid = "0.050";

    protected SpotEmulatorServer Server { get; private set; } = null!;

    protected SpotEmulator Emulator => Server.Emulator;

    protected string Pool { get; private set; } = null!;

    protected string StatePath => Path.Combine(ConfigDirectory, "state.db");

    [SetUp]
    public async Task ServeOrganization()
    {
        Server = await SpotEmulatorServer.StartAsync(new SpotEmulator(new SpotEmulatorOptions { ProvisioningDelay = TimeSpan.Zero }));
        Emulator.SetMarketPrice(ServerClass, 0.020m);
        var url = Server.BaseAddress.ToString();
        // One attempt per call: an injected outage fails at once instead of waiting out the backoff.
        Variables["RSSPOT_MAX_RETRIES"] = "0";
        await Expect(Run("configure", "--base-url", url, "--oauth-url", url, "--refresh-token", SpotEmulator.SandboxRefreshToken, "--region", "us-central-dfw-1"));
        await Expect(Run("cloudspaces", "create", "--name", CloudSpaceName, "--region", "us-central-dfw-1"));
        var pool = await Expect(Run("nodepools", "spot", "create", "--cloudspace", CloudSpaceName, "--server-class", ServerClass, "--bid-price", Bid, "--desired", "2"));
        Pool = pool.Json["name"]!.ToString();
    }

    [TearDown]
    public async Task StopServer() => await Server.DisposeAsync();

    protected static async Task<CliRun> Expect(Task<CliRun> running)
    {
        var run = await running;
        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        return run;
    }

    /// <summary>stdout as JSON lines.</summary>
    protected static List<Newtonsoft.Json.Linq.JObject> Lines(CliRun run) =>
        [.. run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Newtonsoft.Json.Linq.JObject.Parse)];
}
