using RsSpot.Models;
using RsSpot.Pricing;

namespace RsSpot.Tests.Operator;

/// <summary>The bid guard inside the SDK's create, update and check calls, against the sandbox's real prices.</summary>
public class SdkBidGuardTests(bool isAsync) : OperatorTestBase(isAsync)
{
    [Test]
    public async Task A_bid_above_the_on_demand_price_is_refused_before_sending_unless_allowed()
    {
        await ReadyCloudSpaceAsync();
        var (gp, _) = await TwoClassesAsync();
        var high = BidPrice.Format(gp.OnDemandPricePerHour!.Value * 2);
        var refused = new CreateSpotNodePoolRequest { CloudSpace = CloudSpaceName, ServerClass = gp.Name, BidPrice = high };
        var allowed = refused with { AllowHighBid = true };

        var error = Assert.ThrowsAsync<SpotValidationException>(() => Call(() => Client.SpotNodePools.CreateAsync(refused, null, default)));
        var before = await Call(() => Client.SpotNodePools.ListAsync(CloudSpaceName, null, default));
        var forced = await Call(() => Client.SpotNodePools.CreateAsync(allowed, null, default));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain($"bid {high} is above the on-demand price"));
            Assert.That(before, Is.Empty, "nothing was created");
            Assert.That(forced.BidPrice, Is.EqualTo(high));
        });
    }

    [Test]
    public async Task An_update_to_more_than_three_times_the_market_is_refused_unless_allowed()
    {
        await ReadyCloudSpaceAsync();
        var (gp, _) = await TwoClassesAsync();
        var pool = await SpotPoolAsync(gp);
        var check = await Call(() => Client.SpotNodePools.CheckBidAsync(gp.Name, FairBid(gp), false, default));
        var tooHigh = BidPrice.Format(check.MarketPrice!.Value * 3 + 0.001m);

        var error = Assert.ThrowsAsync<SpotValidationException>(() => Call(() => Client.SpotNodePools.UpdateAsync(pool.Name, new UpdateSpotNodePoolRequest { BidPrice = tooHigh }, null, null, default)));
        var forced = await Call(() => Client.SpotNodePools.UpdateAsync(pool.Name, new UpdateSpotNodePoolRequest { BidPrice = tooHigh, AllowHighBid = true }, null, null, default));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("more than 3x the market price"));
            Assert.That(forced.BidPrice, Is.EqualTo(tooHigh));
        });
    }

    [Test]
    public async Task CheckBid_reports_a_bid_below_the_market_as_a_warning_and_create_still_sends_it()
    {
        await ReadyCloudSpaceAsync();
        var gp = (await Call(() => Client.ServerClasses.ListAsync(Region, true, default))).First(c => c.MarketPricePerHour > c.MinBidPricePerHour);
        var low = BidPrice.Format(gp.MinBidPricePerHour!.Value);

        var check = await Call(() => Client.SpotNodePools.CheckBidAsync(gp.Name, low, false, default));
        var pool = await Call(() => Client.SpotNodePools.CreateAsync(new CreateSpotNodePoolRequest { CloudSpace = CloudSpaceName, ServerClass = gp.Name, BidPrice = low }, null, default));

        Assert.Multiple(() =>
        {
            Assert.That(check.Verdict, Is.EqualTo(BidVerdict.BelowMarket));
            Assert.That(check.IsWarning, Is.True);
            Assert.That(pool.BidPrice, Is.EqualTo(low));
        });
    }
}
