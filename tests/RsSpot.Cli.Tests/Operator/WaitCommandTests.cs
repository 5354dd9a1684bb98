using RsSpot.Cli.Infrastructure;
using RsSpot.Emulator;

namespace RsSpot.Cli.Tests.Operator;

/// <summary><c>rsspot wait</c> and <c>--wait</c>: ready or fulfilled exits 0, and every other ending has its own code and one line.</summary>
public class WaitCommandTests : OperatorCliTestBase
{
    [SetUp]
    public Task ReadyCloudSpace() => CreateCloudSpace(CloudSpaceName);

    [Test]
    public async Task A_ready_cloudspace_exits_0_and_prints_its_final_state()
    {
        var run = await Sandbox("wait", "cloudspace", CloudSpaceName, "--for", "ready");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
            Assert.That(run.Json["phase"]!.ToString(), Is.EqualTo("Ready"));
            Assert.That(run.Error, Does.Contain($"cloudspace {CloudSpaceName}: Ready after"));
        });
    }

    [TestCase("Error", null, ExitCodes.WaitFailed, "failed")]
    [TestCase("NoWinningBids", null, ExitCodes.NoWinningBids, "raise a spot pool's bid")]
    [TestCase("Provisioning", "SpeedBump Hit", ExitCodes.SpeedBumpHit, "ask Rackspace Spot support")]
    [TestCase("Provisioning", "SubscriptionSuspended", ExitCodes.SubscriptionSuspended, "billing")]
    [TestCase("Deleting", null, ExitCodes.WaitDeleted, "create the cloudspace again")]
    public async Task A_cloudspace_in_a_blocking_state_exits_with_its_code_and_says_what_to_do(string phase, string? reason, int exitCode, string advice)
    {
        Pin(new ResourcePin { Kind = "cloudspaces", Name = CloudSpaceName, Phase = phase, Reason = reason });

        var run = await Sandbox("wait", "cloudspace", CloudSpaceName, "-o", "json");
        var errors = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("error:", StringComparison.Ordinal)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(exitCode), run.ToString());
            Assert.That(errors, Has.Count.EqualTo(1));
            Assert.That(errors[0], Does.StartWith($"error: cloudspace {CloudSpaceName} ").And.Contain(phase).And.Contain(advice));
            Assert.That(run.Json["phase"]!.ToString(), Is.EqualTo(phase), "-o json prints the final state");
        });
    }

    [Test]
    public async Task A_wait_that_runs_out_of_time_exits_5_and_the_resource_keeps_going()
    {
        Pin(new ResourcePin { Kind = "cloudspaces", Name = CloudSpaceName, Phase = "Provisioning" });

        var run = await Sandbox("wait", "cloudspace", CloudSpaceName, "--wait-timeout", "0.001");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.WaitTimedOut), run.ToString());
            Assert.That(run.Error, Does.Contain($"error: cloudspace {CloudSpaceName} is not ready after").And.Contain("keeps going"));
        });
    }

    [TestCase("Lost", ExitCodes.BidLost, "raise the bid")]
    [TestCase("SpeedBump Hit", ExitCodes.SpeedBumpHit, "provisioning limit")]
    [TestCase("SubscriptionSuspended", ExitCodes.SubscriptionSuspended, "billing")]
    [TestCase("Error", ExitCodes.WaitFailed, "failed")]
    public async Task A_pool_in_a_blocking_bid_status_exits_with_its_code(string bidStatus, int exitCode, string advice)
    {
        var pool = await SpotPool();
        Pin(new ResourcePin { Kind = "spotnodepools", Name = pool, BidStatus = bidStatus, WonCount = 0 });

        var run = await Sandbox("wait", "nodepool", pool, "--for", "fulfilled");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(exitCode), run.ToString());
            Assert.That(run.Error, Does.Contain($"error: spot pool {pool} ").And.Contain($"status {bidStatus}, won 0/2").And.Contain(advice));
            Assert.That(run.Json["bid_status"]!.ToString(), Is.EqualTo(bidStatus));
        });
    }

    [Test]
    public async Task A_pool_is_fulfilled_by_its_desired_count_or_by_min_won()
    {
        var pool = await SpotPool(desired: 3);
        var fulfilled = await Sandbox("wait", "nodepool", pool);
        Pin(new ResourcePin { Kind = "spotnodepools", Name = pool, BidStatus = "Partial", WonCount = 1 });
        var partial = await Sandbox("wait", "nodepool", pool, "--min-won", "1", "--kind", "spot");
        var short1 = await Sandbox("wait", "nodepool", pool, "--wait-timeout", "0.001");

        Assert.Multiple(() =>
        {
            Assert.That(fulfilled.ExitCode, Is.EqualTo(ExitCodes.Ok), fulfilled.ToString());
            Assert.That(fulfilled.Json["won_count"]!.ToObject<int>(), Is.EqualTo(3));
            Assert.That(partial.ExitCode, Is.EqualTo(ExitCodes.Ok), partial.ToString());
            Assert.That(short1.ExitCode, Is.EqualTo(ExitCodes.WaitTimedOut), short1.ToString());
        });
    }

    [Test]
    public async Task An_on_demand_pool_is_found_by_name_and_waited_for()
    {
        var created = await Sandbox("nodepools", "ondemand", "create", "--cloudspace", CloudSpaceName, "--server-class", ServerClass, "--desired", "2", "--wait");

        var run = await Sandbox("wait", "nodepool", created.Json["name"]!.ToString());

        Assert.Multiple(() =>
        {
            Assert.That(created.ExitCode, Is.EqualTo(ExitCodes.Ok), created.ToString());
            Assert.That(created.Error, Does.Contain("waiting for it to win 2 server(s)"));
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
            Assert.That(run.Json["reserved_count"]!.ToObject<int>(), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Create_and_update_wait_too_and_report_the_outcome_code()
    {
        var created = await Sandbox("nodepools", "spot", "create", "--cloudspace", CloudSpaceName, "--server-class", ServerClass, "--bid-price", FairBid, "--wait");
        var pool = created.Json["name"]!.ToString();
        Pin(new ResourcePin { Kind = "spotnodepools", Name = pool, BidStatus = "Lost", WonCount = 0 });
        var updated = await Sandbox("nodepools", "spot", "update", pool, "--desired", "2", "--wait");
        var cloudSpace = await Sandbox("cloudspaces", "update", CloudSpaceName, "--webhook", "https://hooks.example/x", "--wait");

        Assert.Multiple(() =>
        {
            Assert.That(created.ExitCode, Is.EqualTo(ExitCodes.Ok), created.ToString());
            Assert.That(updated.ExitCode, Is.EqualTo(ExitCodes.BidLost), updated.ToString());
            Assert.That(updated.Error, Does.Contain("updated spot pool").And.Contain("lost its bid"));
            Assert.That(cloudSpace.ExitCode, Is.EqualTo(ExitCodes.Ok), cloudSpace.ToString());
            Assert.That(cloudSpace.Json["webhook"]!.ToString(), Is.EqualTo("https://hooks.example/x"));
        });
    }

    [TestCase("cloudspace", "ops", "--for", "fulfilled")]
    [TestCase("nodepool", "x", "--for", "ready")]
    [TestCase("nodepool", "x", "--kind", "gpu")]
    public async Task Wrong_wait_options_are_usage_errors(params string[] args)
    {
        var run = await Sandbox(["wait", .. args]);

        AssertOneLineError(run, ExitCodes.Usage, "invalid --");
    }

    [Test]
    public async Task A_pool_that_never_existed_is_not_found()
    {
        var run = await Sandbox("wait", "nodepool", "3f0c8a52-8d1e-4c7b-9a55-0e6f2b1d9c47");

        AssertOneLineError(run, ExitCodes.NotFound, "not found");
    }
}
