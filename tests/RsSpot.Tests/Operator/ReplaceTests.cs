using RsSpot.Emulator;
using RsSpot.Models;

namespace RsSpot.Tests.Operator;

/// <summary>
/// Safe replacement: the new pool must win its servers before the old one goes; on a timeout, a blocking state or
/// cancellation the new pool is deleted and the old one is exactly as it was.
/// </summary>
public class ReplaceTests(bool isAsync) : OperatorTestBase(isAsync)
{
    [Test]
    public async Task A_replacement_creates_the_new_pool_waits_for_its_servers_then_deletes_the_old_one()
    {
        await ReadyCloudSpaceAsync();
        var (first, second) = await TwoClassesAsync();
        var old = await SpotPoolAsync(first, desired: 2);

        var result = await Call(() => Client.SpotNodePools.ReplaceAsync(old.Name, second.Name, new UpdateSpotNodePoolRequest { BidPrice = FairBid(second) }, null, null, null, default));
        var pools = await Call(() => Client.SpotNodePools.ListAsync(CloudSpaceName, null, default));

        Assert.Multiple(() =>
        {
            Assert.That(result.Succeeded, Is.True);
            Assert.That(result.Wait.Outcome, Is.EqualTo(WaitOutcome.Reached));
            Assert.That(result.OldPool.Name, Is.EqualTo(old.Name));
            Assert.That(result.Message, Does.StartWith($"replaced spot pool {old.Name} with {result.NewPoolName}"));
            Assert.That(pools.Select(p => p.Name), Is.EqualTo(new[] { result.NewPoolName }), "only the new pool is left");
            Assert.That(pools[0].ServerClass, Is.EqualTo(second.Name));
            Assert.That(pools[0].WonCount, Is.EqualTo(2), "the old desired count is kept");
            Assert.That(pools[0].CustomLabels, Is.EqualTo(old.CustomLabels));
            Assert.That(pools[0].CustomTaints, Is.EqualTo(old.CustomTaints));
        });
    }

    [Test]
    public async Task Changes_given_to_a_replacement_override_the_old_pools_settings_and_the_rest_is_kept()
    {
        await ReadyCloudSpaceAsync();
        var (first, _) = await TwoClassesAsync();
        var old = await SpotPoolAsync(first, desired: 2);
        var labels = new Dictionary<string, string> { ["tier"] = "batch" };

        var result = await Call(() => Client.SpotNodePools.ReplaceAsync(old.Name, first.Name, new UpdateSpotNodePoolRequest { Desired = 1, CustomLabels = labels }, null, null, null, default));
        var now = await Call(() => Client.SpotNodePools.GetAsync(result.NewPoolName, null, default));

        Assert.Multiple(() =>
        {
            Assert.That(result.Succeeded, Is.True);
            Assert.That(now.Desired, Is.EqualTo(1));
            Assert.That(now.CustomLabels, Is.EqualTo(labels));
            Assert.That(now.BidPrice, Is.EqualTo(old.BidPrice), "the old bid is kept");
            Assert.That(now.CustomTaints, Is.EqualTo(old.CustomTaints), "the old taints are kept");
        });
    }

    [TestCase("Pending", WaitOutcome.TimedOut)]
    [TestCase("Lost", WaitOutcome.Lost)]
    [TestCase("SpeedBump Hit", WaitOutcome.SpeedBumpHit)]
    public async Task A_new_pool_that_does_not_win_is_deleted_and_the_old_pool_left_untouched(string newPoolStatus, WaitOutcome expected)
    {
        await ReadyCloudSpaceAsync();
        var (first, second) = await TwoClassesAsync();
        var old = await SpotPoolAsync(first, desired: 2);
        Pin(new ResourcePin { Kind = "spotnodepools", ServerClass = second.Name, BidStatus = newPoolStatus, WonCount = 0 });

        var result = await Call(() => Client.SpotNodePools.ReplaceAsync(old.Name, second.Name, new UpdateSpotNodePoolRequest { BidPrice = FairBid(second) }, TimeSpan.FromMinutes(2), null, null, default));

        await AssertRolledBackAsync(old, result.NewPoolName);
        Assert.Multiple(() =>
        {
            Assert.That(result.Succeeded, Is.False);
            Assert.That(result.Wait.Outcome, Is.EqualTo(expected));
            Assert.That(result.RollbackError, Is.Null);
            Assert.That(result.Message, Does.EndWith($"the new spot pool {result.NewPoolName} was deleted and {old.Name} was left untouched"));
        });
    }

    [Test]
    public async Task A_cancelled_replacement_deletes_the_new_pool_and_says_so()
    {
        await ReadyCloudSpaceAsync();
        var (first, second) = await TwoClassesAsync();
        var old = await SpotPoolAsync(first);
        Pin(new ResourcePin { Kind = "spotnodepools", ServerClass = second.Name, BidStatus = "Pending", WonCount = 0 });
        using var cancellation = new CancellationTokenSource();
        var cancelOnFirstLook = new SyncProgress<SpotNodePool>(_ => cancellation.Cancel());

        var error = Assert.CatchAsync<SpotReplaceCancelledException>(() => Call(() => Client.SpotNodePools.ReplaceAsync(old.Name, second.Name, new UpdateSpotNodePoolRequest { BidPrice = FairBid(second) }, null, cancelOnFirstLook, null, cancellation.Token)));

        await AssertRolledBackAsync(old, error!.NewPoolName);
        Assert.Multiple(() =>
        {
            Assert.That(error.RollbackError, Is.Null);
            Assert.That(error.Message, Is.EqualTo($"replacement cancelled: the new spot pool {error.NewPoolName} was deleted and {old.Name} was left untouched"));
        });
    }

    [Test]
    public async Task A_refused_bid_creates_nothing()
    {
        await ReadyCloudSpaceAsync();
        var (first, second) = await TwoClassesAsync();
        var old = await SpotPoolAsync(first);

        var error = Assert.ThrowsAsync<SpotValidationException>(() => Call(() => Client.SpotNodePools.ReplaceAsync(old.Name, second.Name, new UpdateSpotNodePoolRequest { BidPrice = BidPrice.Format(second.OnDemandPricePerHour!.Value + 0.01m) }, null, null, null, default)));
        var pools = await Call(() => Client.SpotNodePools.ListAsync(CloudSpaceName, null, default));

        Assert.That(error!.Message, Does.Contain("above the on-demand price"));
        Assert.That(pools.Select(p => p.Name), Is.EqualTo(new[] { old.Name }));
    }

    [Test]
    public async Task An_on_demand_pool_is_replaced_or_rolled_back_the_same_way()
    {
        await ReadyCloudSpaceAsync();
        var (first, second) = await TwoClassesAsync();
        var old = await Call(() => Client.OnDemandNodePools.CreateAsync(new CreateOnDemandNodePoolRequest { CloudSpace = CloudSpaceName, ServerClass = first.Name, Desired = 1 }, null, default));
        Pin(new ResourcePin { Kind = "ondemandnodepools", ServerClass = second.Name, BidStatus = "SubscriptionSuspended", WonCount = 0 });

        var refused = await Call(() => Client.OnDemandNodePools.ReplaceAsync(old.Name, second.Name, new UpdateOnDemandNodePoolRequest { Desired = 2 }, null, null, null, default));
        var replaced = await Call(() => Client.OnDemandNodePools.ReplaceAsync(old.Name, first.Name, new UpdateOnDemandNodePoolRequest { Desired = 2 }, null, null, null, default));
        var pools = await Call(() => Client.OnDemandNodePools.ListAsync(CloudSpaceName, null, default));

        Assert.Multiple(() =>
        {
            Assert.That(refused.Succeeded, Is.False);
            Assert.That(refused.Wait.Outcome, Is.EqualTo(WaitOutcome.SubscriptionSuspended));
            Assert.That(replaced.Succeeded, Is.True);
            Assert.That(pools.Select(p => (p.Name, p.ReservedCount)), Is.EqualTo(new[] { (replaced.NewPoolName, 2) }));
        });
    }

    /// <summary>The new pool is gone and the old one is exactly as it was (same spec, same resourceVersion).</summary>
    private async Task AssertRolledBackAsync(SpotNodePool old, string newPoolName)
    {
        var pools = await Call(() => Client.SpotNodePools.ListAsync(CloudSpaceName, null, default));
        var now = pools.Single();
        Assert.Multiple(() =>
        {
            Assert.That(pools.Select(p => p.Name), Does.Not.Contain(newPoolName));
            Assert.That(now.Name, Is.EqualTo(old.Name));
            Assert.That(now.ResourceVersion, Is.EqualTo(old.ResourceVersion));
            Assert.That((now.ServerClass, now.BidPrice, now.Desired), Is.EqualTo((old.ServerClass, old.BidPrice, old.Desired)));
        });
    }
}
