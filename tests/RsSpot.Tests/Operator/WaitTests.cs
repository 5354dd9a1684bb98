using RsSpot.Emulator;
using RsSpot.Models;

namespace RsSpot.Tests.Operator;

/// <summary>Waits tell slow from stuck: every ending is a typed result, against the emulator holding each state of the contract.</summary>
public class WaitTests(bool isAsync) : OperatorTestBase(isAsync)
{
    [Test]
    public async Task A_provisioning_cloudspace_is_reached_once_ready_with_progress()
    {
        await Call(() => Client.CloudSpaces.CreateAsync(new CreateCloudSpaceRequest { Name = "slow", Region = Region }, null, default));
        var phases = new List<string?>();

        var result = await Call(() => Client.CloudSpaces.WaitAsync("slow", TimeSpan.FromMinutes(5), new SyncProgress<CloudSpace>(c => phases.Add(c.Phase)), null, default));

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(WaitOutcome.Reached));
            Assert.That(result.Succeeded, Is.True);
            Assert.That(result.Resource!.IsReady, Is.True);
            Assert.That(result.Elapsed, Is.GreaterThan(TimeSpan.Zero));
            Assert.That(phases[0], Is.EqualTo("Provisioning"));
            Assert.That(phases[^1], Is.EqualTo("Ready"));
            Assert.That(result.Advice, Is.Empty);
        });
    }

    [TestCase("Error", null, WaitOutcome.Failed)]
    [TestCase("NoWinningBids", null, WaitOutcome.NoWinningBids)]
    [TestCase("Provisioning", "SpeedBump Hit", WaitOutcome.SpeedBumpHit)]
    [TestCase("Error", "SpeedBumpHit", WaitOutcome.SpeedBumpHit)]
    [TestCase("Provisioning", "SubscriptionSuspended", WaitOutcome.SubscriptionSuspended)]
    [TestCase("Deleting", null, WaitOutcome.Deleted)]
    public async Task A_cloudspace_held_in_a_blocking_state_ends_the_wait_with_that_outcome(string phase, string? reason, WaitOutcome expected)
    {
        await Call(() => Client.CloudSpaces.CreateAsync(new CreateCloudSpaceRequest { Name = "stuck", Region = Region }, null, default));
        Pin(new ResourcePin { Kind = "cloudspaces", Name = "stuck", Phase = phase, Reason = reason });

        var result = await Call(() => Client.CloudSpaces.WaitAsync("stuck", TimeSpan.FromHours(1), null, null, default));

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(expected));
            Assert.That(result.Succeeded, Is.False);
            Assert.That(result.Resource!.Phase, Is.EqualTo(phase));
            Assert.That(result.Message, Does.StartWith("cloudspace stuck ").And.Contain(phase));
            Assert.That(result.Advice, Is.Not.Empty);
            Assert.That(result.Elapsed, Is.EqualTo(TimeSpan.Zero), "a blocking state answers at the first look, without waiting out the timeout");
        });
    }

    [Test]
    public async Task A_cloudspace_that_stays_provisioning_times_out_with_its_last_state()
    {
        await Call(() => Client.CloudSpaces.CreateAsync(new CreateCloudSpaceRequest { Name = "held", Region = Region }, null, default));
        Pin(new ResourcePin { Kind = "cloudspace", Name = "held", Phase = "Provisioning" });

        var result = await Call(() => Client.CloudSpaces.WaitAsync("held", TimeSpan.FromMinutes(2), null, null, default));

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(WaitOutcome.TimedOut));
            Assert.That(result.Message, Is.EqualTo("cloudspace held is not ready after 2 minutes (phase Provisioning)"));
            Assert.That(result.Elapsed, Is.EqualTo(TimeSpan.FromMinutes(2)));
            Assert.That(result.Resource!.Phase, Is.EqualTo("Provisioning"));
        });
    }

    [Test]
    public async Task Releasing_a_pin_lets_the_lifecycle_go_on()
    {
        await ReadyCloudSpaceAsync("released");
        Pin(new ResourcePin { Kind = "cloudspaces", Name = "released", Phase = "Error" });
        var emulator = new SpotEmulator(new SpotEmulatorOptions { StatePath = Path.Combine(Directory, "sandbox.db") });

        var released = emulator.Release(new ResourcePin { Kind = "cloudspaces", Name = "released" });
        var result = await Call(() => Client.CloudSpaces.WaitAsync("released", TimeSpan.FromMinutes(1), null, null, default));

        Assert.That((released, result.Outcome), Is.EqualTo((1, WaitOutcome.Reached)));
    }

    [Test]
    public void A_name_that_never_existed_is_an_error_not_an_outcome()
    {
        Assert.ThrowsAsync<SpotNotFoundException>(() => Call(() => Client.CloudSpaces.WaitAsync("ghost", TimeSpan.FromMinutes(1), null, null, default)));
    }

    [Test]
    public async Task A_spot_pool_is_fulfilled_once_it_has_won_its_desired_servers()
    {
        await ReadyCloudSpaceAsync();
        var (gp, _) = await TwoClassesAsync();
        var pool = await SpotPoolAsync(gp, desired: 3);

        var result = await Call(() => Client.SpotNodePools.WaitAsync(pool.Name, null, TimeSpan.FromMinutes(5), null, null, default));

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(WaitOutcome.Reached));
            Assert.That(result.Resource!.WonCount, Is.EqualTo(3));
            Assert.That(result.Message, Is.EqualTo($"spot pool {pool.Name} is fulfilled (status Fulfilled, won 3/3)"));
        });
    }

    [TestCase("Lost", 0, null, WaitOutcome.Lost)]
    [TestCase("SpeedBump Hit", 0, null, WaitOutcome.SpeedBumpHit)]
    [TestCase("SubscriptionSuspended", 0, null, WaitOutcome.SubscriptionSuspended)]
    [TestCase("Error", 0, null, WaitOutcome.Failed)]
    [TestCase("Partial", 1, 1, WaitOutcome.Reached)]
    [TestCase("Partial", 1, null, WaitOutcome.TimedOut)]
    [TestCase("Pending", 0, null, WaitOutcome.TimedOut)]
    public async Task A_spot_pool_held_in_a_bid_status_ends_the_wait_with_its_outcome(string bidStatus, int won, int? minWon, WaitOutcome expected)
    {
        await ReadyCloudSpaceAsync();
        var (gp, _) = await TwoClassesAsync();
        var pool = await SpotPoolAsync(gp, desired: 3);
        Pin(new ResourcePin { Kind = "spotnodepools", Name = pool.Name, BidStatus = bidStatus, WonCount = won });

        var result = await Call(() => Client.SpotNodePools.WaitAsync(pool.Name, minWon, TimeSpan.FromMinutes(3), null, null, default));

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(expected));
            Assert.That(result.Resource!.BidStatus, Is.EqualTo(bidStatus));
            Assert.That(result.Message, Does.Contain($"status {bidStatus}, won {won}/3"));
        });
    }

    [Test]
    public async Task A_pool_deleted_during_the_wait_ends_it_as_deleted()
    {
        await ReadyCloudSpaceAsync();
        var (gp, _) = await TwoClassesAsync();
        var pool = await SpotPoolAsync(gp);
        Pin(new ResourcePin { Kind = "spotnodepools", Name = pool.Name, BidStatus = "Pending", WonCount = 0 });
        var deleteOnFirstLook = new SyncProgress<SpotNodePool>(p => Client.SpotNodePools.Delete(p.Name));

        var result = await Call(() => Client.SpotNodePools.WaitAsync(pool.Name, null, TimeSpan.FromMinutes(5), deleteOnFirstLook, null, default));

        Assert.Multiple(() =>
        {
            Assert.That(result.Outcome, Is.EqualTo(WaitOutcome.Deleted));
            Assert.That(result.Resource, Is.Null);
        });
    }

    [Test]
    public async Task An_on_demand_pool_is_fulfilled_or_blocked_by_its_reservation_status()
    {
        await ReadyCloudSpaceAsync();
        var (gp, _) = await TwoClassesAsync();
        var pool = await Call(() => Client.OnDemandNodePools.CreateAsync(new CreateOnDemandNodePoolRequest { CloudSpace = CloudSpaceName, ServerClass = gp.Name, Desired = 2 }, null, default));

        var fulfilled = await Call(() => Client.OnDemandNodePools.WaitAsync(pool.Name, null, TimeSpan.FromMinutes(1), null, null, default));
        Pin(new ResourcePin { Kind = "ondemandnodepools", Name = pool.Name, BidStatus = "SubscriptionSuspended", WonCount = 0 });
        var suspended = await Call(() => Client.OnDemandNodePools.WaitAsync(pool.Name, null, TimeSpan.FromMinutes(1), null, null, default));

        Assert.Multiple(() =>
        {
            Assert.That(fulfilled.Outcome, Is.EqualTo(WaitOutcome.Reached));
            Assert.That(fulfilled.Resource!.ReservedCount, Is.EqualTo(2));
            Assert.That(suspended.Outcome, Is.EqualTo(WaitOutcome.SubscriptionSuspended));
            Assert.That(suspended.Advice, Does.Contain("billing"));
        });
    }

    [Test]
    public async Task WaitUntilReady_still_throws_for_an_ending_that_is_not_ready()
    {
        await Call(() => Client.CloudSpaces.CreateAsync(new CreateCloudSpaceRequest { Name = "broken", Region = Region }, null, default));
        Pin(new ResourcePin { Kind = "cloudspaces", Name = "broken", Phase = "Error", Reason = "ControlPlaneFailed" });

        var error = Assert.ThrowsAsync<SpotException>(() => Call(() => Client.CloudSpaces.WaitUntilReadyAsync("broken", TimeSpan.FromMinutes(1), null, null, default)));

        Assert.That(error!.Message, Is.EqualTo("cloudspace broken failed (phase Error (ControlPlaneFailed)): check the cloudspace's reason and conditions; delete and recreate it if it stays failed"));
    }
}
