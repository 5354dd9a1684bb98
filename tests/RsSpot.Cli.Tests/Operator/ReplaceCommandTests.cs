using RsSpot.Cli.Infrastructure;
using RsSpot.Emulator;

namespace RsSpot.Cli.Tests.Operator;

/// <summary>
/// <c>nodepools spot|ondemand replace</c>: the old pool goes only once the new one has won its servers; on a
/// timeout, a blocking state or Ctrl+C the new pool is deleted, the old one is left exactly as it was, and the run says so.
/// </summary>
public class ReplaceCommandTests : OperatorCliTestBase
{
    private const string OtherClassBid = "0.040";

    [SetUp]
    public Task ReadyCloudSpace() => CreateCloudSpace(CloudSpaceName);

    [Test]
    public async Task A_replacement_that_wins_deletes_the_old_pool()
    {
        var old = await SpotPool();

        var run = await Sandbox("nodepools", "spot", "replace", old, "--server-class", OtherClass, "--bid-price", OtherClassBid, "--desired", "3");
        var pools = await Sandbox("nodepools", "spot", "list", "--cloudspace", CloudSpaceName);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
            Assert.That(run.Json["outcome"]!.ToString(), Is.EqualTo("replaced"));
            Assert.That(run.Error, Does.Contain($"replaced spot pool {old} with").And.Contain($"{old} was deleted"));
            Assert.That(pools.Json.Select(p => (p["server_class"]!.ToString(), p["won_count"]!.ToObject<int>())), Is.EqualTo(new[] { (OtherClass, 3) }));
        });
    }

    [TestCase("Pending", ExitCodes.WaitTimedOut, "--wait-timeout", "0.001")]
    [TestCase("Lost", ExitCodes.BidLost)]
    [TestCase("SubscriptionSuspended", ExitCodes.SubscriptionSuspended)]
    public async Task A_new_pool_that_does_not_win_is_deleted_and_the_old_one_left_untouched(string newPoolStatus, int exitCode, params string[] extra)
    {
        var old = await SpotPool();
        var before = await Sandbox("nodepools", "spot", "get", old);
        Pin(new ResourcePin { Kind = "spotnodepools", ServerClass = OtherClass, BidStatus = newPoolStatus, WonCount = 0 });

        var run = await Sandbox(["nodepools", "spot", "replace", old, "--server-class", OtherClass, "--bid-price", OtherClassBid, .. extra]);

        await AssertUntouched(old, before.Out);
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(exitCode), run.ToString());
            Assert.That(run.Json["outcome"]!.ToString(), Is.EqualTo("rolled_back"));
            Assert.That(run.Error, Does.Contain("error: ").And.Contain($"was deleted and {old} was left untouched"));
        });
    }

    [Test]
    public async Task Ctrl_C_during_the_wait_deletes_the_new_pool_and_says_so()
    {
        var old = await SpotPool();
        var before = await Sandbox("nodepools", "spot", "get", old);
        Pin(new ResourcePin { Kind = "spotnodepools", ServerClass = OtherClass, BidStatus = "Pending", WonCount = 0 });

        var run = await SandboxInterruptedAt("new spot pool: Pending", "nodepools", "spot", "replace", old, "--server-class", OtherClass, "--bid-price", OtherClassBid);

        await AssertUntouched(old, before.Out);
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Interrupted), run.ToString());
            Assert.That(run.Error, Does.Contain("error: interrupted: replacement cancelled: the new spot pool ").And.Contain($"was deleted and {old} was left untouched"));
            Assert.That(run.Out, Is.Empty);
        });
    }

    [Test]
    public async Task An_on_demand_pool_is_replaced_the_same_way()
    {
        var created = await Sandbox("nodepools", "ondemand", "create", "--cloudspace", CloudSpaceName, "--server-class", ServerClass);
        var old = created.Json["name"]!.ToString();

        var run = await Sandbox("nodepools", "ondemand", "replace", old, "--server-class", OtherClass);
        var pools = await Sandbox("nodepools", "ondemand", "list", "--cloudspace", CloudSpaceName);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.That(pools.Json.Select(p => p["server_class"]!.ToString()), Is.EqualTo(new[] { OtherClass }));
    }

    [TestCase("spot")]
    [TestCase("ondemand")]
    public async Task Update_refuses_a_new_server_class_and_points_to_replace(string kind)
    {
        var run = await Sandbox("nodepools", kind, "update", "3f0c8a52-8d1e-4c7b-9a55-0e6f2b1d9c47", "--server-class", OtherClass);

        AssertOneLineError(run, ExitCodes.Usage, $"use 'rsspot nodepools {kind} replace NAME --server-class {OtherClass}'");
    }

    /// <summary>Only the old pool is left, exactly as it was read before.</summary>
    private async Task AssertUntouched(string old, string before)
    {
        var pools = await Sandbox("nodepools", "spot", "list", "--cloudspace", CloudSpaceName);
        var after = await Sandbox("nodepools", "spot", "get", old);
        Assert.Multiple(() =>
        {
            Assert.That(pools.Json.Select(p => p["name"]!.ToString()), Is.EqualTo(new[] { old }), "the new pool was deleted");
            Assert.That(after.Json["resource_version"], Is.EqualTo(Newtonsoft.Json.Linq.JToken.Parse(before)["resource_version"]), "the old pool was not changed");
        });
    }
}
