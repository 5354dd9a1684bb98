using System.Reflection;
using Cocona;
using RsSpot.Cli.Hosting;
using RsSpot.Cli.Infrastructure;
using RsSpot.Cli.Tests.Support;
using RsSpot.Emulator;
using RsSpot.Emulator.Server;
using RsSpot.Http;

namespace RsSpot.Cli.Tests.Observability;

/// <summary>
/// <c>--read-only</c>, <c>RSSPOT_READ_ONLY</c> and a profile's <c>read_only</c>: every command that would change
/// something exits 12 with one line before anything reaches the API (the emulator's journal stays empty); reads,
/// the cache and the history keep working.
/// </summary>
public class ReadOnlyCommandTests : CliTestBase
{
    private static readonly string[][] Changes =
    [
        ["cloudspaces", "create", "--name", "demo", "--region", "us-central-dfw-1"],
        ["cloudspaces", "update", "demo", "--webhook", "https://hooks.example/spot"],
        ["cloudspaces", "delete", "demo"],
        ["nodepools", "spot", "create", "--cloudspace", "demo", "--server-class", "gp.vs1.medium-dfw", "--bid-price", "0.020"],
        ["nodepools", "spot", "update", "pool", "--bid-price", "0.030"],
        ["nodepools", "spot", "replace", "pool", "--server-class", "gp.vs1.large-dfw"],
        ["nodepools", "spot", "delete", "pool"],
        ["nodepools", "ondemand", "create", "--cloudspace", "demo", "--server-class", "gp.vs1.medium-dfw"],
        ["nodepools", "ondemand", "update", "pool", "--desired", "3"],
        ["nodepools", "ondemand", "replace", "pool", "--server-class", "gp.vs1.large-dfw"],
        ["nodepools", "ondemand", "delete", "pool"],
        ["pricing", "build", "--nodes", "3", "--apply", "--cloudspace", "demo", "--yes"],
        ["raw", "--method", "DELETE", "--path", "/apis/ngpc.rxt.io/v1/namespaces/org-x/cloudspaces/demo"],
    ];

    private SpotEmulatorServer _server = null!;

    private static IEnumerable<TestCaseData> ChangeCases() => Changes.Select(args => new TestCaseData((object)args).SetName($"{{m}}({string.Join(' ', args.Take(3))})"));

    [SetUp]
    public async Task ServeEmulator()
    {
        _server = await SpotEmulatorServer.StartAsync(new SpotEmulator());
        var url = _server.BaseAddress.ToString();
        var configured = await Run("configure", "--base-url", url, "--oauth-url", url, "--refresh-token", SpotEmulator.SandboxRefreshToken, "--region", "us-central-dfw-1");
        Assert.That(configured.ExitCode, Is.Zero, configured.ToString());
    }

    [TearDown]
    public async Task StopEmulator() => await _server.DisposeAsync();

    [TestCaseSource(nameof(ChangeCases))]
    public async Task Every_changing_command_exits_12_before_anything_is_sent(string[] args)
    {
        var run = await Run(["--read-only", .. args]);

        AssertOneLineError(run, ExitCodes.ReadOnly, "read-only mode (--read-only / SpotClientOptions.ReadOnly) refuses ");
        Assert.That(_server.Emulator.Journal, Is.Empty);
    }

    [Test]
    public void The_cases_above_cover_every_command_that_changes_something()
    {
        var changing = typeof(CliApp).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttribute<CommandAttribute>() is not null && m.GetCustomAttributes<SpotOperationAttribute>().Any(a => ReadOnlyGuard.Changes(a.OperationId)))
            .Select(m => $"{m.DeclaringType!.Name}.{m.GetCustomAttribute<CommandAttribute>()!.Name}");
        var covered = Changes.Where(args => args[0] != "raw").Select(args => CommandRoute.Resolve(args)).Select(r => $"{r.GroupType.Name}.{r.Rest[0]}");

        Assert.That(covered, Is.EquivalentTo(changing));
    }

    [Test]
    public async Task The_environment_variable_and_the_profile_setting_turn_it_on_and_name_themselves()
    {
        Variables["RSSPOT_READ_ONLY"] = "1";
        var byEnvironment = await Run("cloudspaces", "delete", "demo", "--yes");
        Variables.Remove("RSSPOT_READ_ONLY");
        var stored = await Run("--read-only", "configure", "--no-activate");
        var byProfile = await Run("cloudspaces", "delete", "demo", "--yes");
        var overridden = await Run("--read-only=false", "cloudspaces", "delete", "demo", "--yes");

        Assert.Multiple(() =>
        {
            AssertOneLineError(byEnvironment, ExitCodes.ReadOnly, "read-only mode (environment variable RSSPOT_READ_ONLY) refuses deleting cloudspace 'demo'");
            Assert.That(stored.ExitCode, Is.Zero, stored.ToString());
            AssertOneLineError(byProfile, ExitCodes.ReadOnly, "read-only mode (read_only: true in profile 'default')");
            Assert.That(overridden.ExitCode, Is.EqualTo(ExitCodes.NotFound), "--read-only=false outranks the profile: the delete reached the API");
        });
    }

    [Test]
    public async Task Reads_the_cache_and_the_history_keep_working()
    {
        var regions = await Run("--read-only", "regions", "list");
        var raw = await Run("--read-only", "raw", "--path", "/apis/ngpc.rxt.io/v1/regions");
        var cache = await Run("--read-only", "cache", "stats");
        var history = await Run("--read-only", "history", "list");

        Assert.Multiple(() =>
        {
            Assert.That(new[] { regions, raw, cache, history }.Select(r => r.ExitCode), Is.All.Zero, string.Join("\n", regions, raw, cache, history));
            Assert.That(history.Out, Does.Contain("regions list"));
            Assert.That(_server.Emulator.Journal.Where(e => e.Method != "GET").Select(e => e.PathAndQuery), Is.All.EqualTo("/oauth/token"));
        });
    }
}
