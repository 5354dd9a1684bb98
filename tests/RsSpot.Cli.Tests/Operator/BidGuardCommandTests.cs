using RsSpot.Cli.Infrastructure;

namespace RsSpot.Cli.Tests.Operator;

/// <summary>
/// The bid guard on the command line (gp.vs1.medium-dfw: minimum 0.005, market 0.009-0.015, on-demand 0.062):
/// below the minimum refused; below the market a warning; above on-demand or 3x market refused unless --force.
/// </summary>
public class BidGuardCommandTests : OperatorCliTestBase
{
    [SetUp]
    public Task ReadyCloudSpace() => CreateCloudSpace(CloudSpaceName);

    [TestCase("0.004", "is below the minimum bid 0.005")]
    [TestCase("1.000", "is above the on-demand price 0.062")]
    [TestCase("0.050", "is more than 3x the market price")]
    public async Task Create_refuses_the_bid_before_sending_anything(string bid, string message)
    {
        var run = await Sandbox("nodepools", "spot", "create", "--cloudspace", CloudSpaceName, "--server-class", ServerClass, "--bid-price", bid);
        var pools = await Sandbox("nodepools", "spot", "list");

        AssertOneLineError(run, ExitCodes.Usage, $"bid {bid} {message}");
        Assert.That(pools.Json, Is.Empty);
    }

    [Test]
    public async Task Force_accepts_a_high_bid_with_a_warning()
    {
        var run = await Sandbox("nodepools", "spot", "create", "--cloudspace", CloudSpaceName, "--server-class", ServerClass, "--bid-price", "1.000", "--force");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
            Assert.That(run.Json["bid_price"]!.ToString(), Is.EqualTo("1.000"));
            Assert.That(run.Error, Does.Contain("warning: bid 1.000 is above the on-demand price 0.062").And.Contain("(forced)"));
        });
    }

    [Test]
    public async Task A_bid_below_the_market_is_sent_with_a_warning()
    {
        var run = await Sandbox("nodepools", "spot", "create", "--cloudspace", CloudSpaceName, "--server-class", ServerClass, "--bid-price", "0.005");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
            Assert.That(run.Error, Does.Contain("warning: bid 0.005 is below the market price").And.Contain("it will not win capacity at today's price"));
        });
    }

    [Test]
    public async Task Update_and_replace_apply_the_same_rules()
    {
        var pool = await SpotPool();

        var update = await Sandbox("nodepools", "spot", "update", pool, "--bid-price", "1.000");
        var forced = await Sandbox("nodepools", "spot", "update", pool, "--bid-price", "0.050", "--force");
        var replace = await Sandbox("nodepools", "spot", "replace", pool, "--server-class", OtherClass, "--bid-price", "0.005");
        var pools = await Sandbox("nodepools", "spot", "list");

        AssertOneLineError(update, ExitCodes.Usage, "bid 1.000 is above the on-demand price 0.062");
        AssertOneLineError(replace, ExitCodes.Usage, $"bid 0.005 is below the minimum bid 0.010 of server class {OtherClass}");
        Assert.Multiple(() =>
        {
            Assert.That(forced.ExitCode, Is.EqualTo(ExitCodes.Ok), forced.ToString());
            Assert.That(forced.Error, Does.Contain("warning: bid 0.050 is more than 3x the market price"));
            Assert.That(pools.Json.Select(p => p["name"]!.ToString()), Is.EqualTo(new[] { pool }), "the refused replacement created nothing");
        });
    }

    [Test]
    public async Task Pricing_build_apply_checks_every_bid_of_the_plan_first()
    {
        var run = await Sandbox("pricing", "build", "--nodes", "2", "--regions", Region, "--apply", "--cloudspace", CloudSpaceName, "--yes", "-o", "json");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.ToString());
        Assert.That(run.Error, Does.Not.Contain("error:"));
    }
}
