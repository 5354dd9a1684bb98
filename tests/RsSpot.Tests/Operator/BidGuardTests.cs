using RsSpot.Models;
using RsSpot.Pricing;

namespace RsSpot.Tests.Operator;

/// <summary>The one bid rule set: below the minimum refused, below the market warned, above on-demand or 3x market refused unless forced.</summary>
public class BidGuardTests
{
    // Minimum 0.005, market 0.010 (3x = 0.030), on-demand 0.062: the prices of the example.
    private static readonly ServerClass Class = new()
    {
        Name = "gp.vs1.medium-dfw",
        Region = "us-central-dfw-1",
        MinBidPricePerHour = 0.005m,
        MarketPricePerHour = 0.010m,
        OnDemandPricePerHour = 0.062m,
    };

    [TestCase("0.004", false, BidVerdict.BelowMinimum, true)]
    [TestCase("0.004", true, BidVerdict.BelowMinimum, true)]
    [TestCase("0.008", false, BidVerdict.BelowMarket, false)]
    [TestCase("0.010", false, BidVerdict.Ok, false)]
    [TestCase("0.030", false, BidVerdict.Ok, false)]
    [TestCase("0.031", false, BidVerdict.AboveMarketLimit, true)]
    [TestCase("0.031", true, BidVerdict.AboveMarketLimit, false)]
    [TestCase("0.063", false, BidVerdict.AboveOnDemand, true)]
    [TestCase("1.000", false, BidVerdict.AboveOnDemand, true)]
    [TestCase("$1.000", true, BidVerdict.AboveOnDemand, false)]
    public void Each_bid_gets_its_verdict(string bid, bool allowHighBid, BidVerdict verdict, bool refused)
    {
        var assessment = BidGuard.Assess(bid, Class, allowHighBid: allowHighBid);

        Assert.Multiple(() =>
        {
            Assert.That(assessment.Verdict, Is.EqualTo(verdict));
            Assert.That(assessment.IsRefused, Is.EqualTo(refused));
            Assert.That(assessment.IsWarning, Is.EqualTo(!refused && verdict != BidVerdict.Ok));
            Assert.That(assessment.Message is null, Is.EqualTo(verdict == BidVerdict.Ok));
        });
    }

    [Test]
    public void The_messages_say_why_and_what_to_do()
    {
        Assert.Multiple(() =>
        {
            Assert.That(BidGuard.Assess("1.000", Class).Message, Is.EqualTo(
                "bid 1.000 is above the on-demand price 0.062 of server class gp.vs1.medium-dfw: an on-demand pool is cheaper and never pre-empted; lower the bid, or force it (--force)"));
            Assert.That(BidGuard.Assess("0.008", Class).Message, Is.EqualTo(
                "bid 0.008 is below the market price 0.010 of server class gp.vs1.medium-dfw: it will not win capacity at today's price"));
            Assert.That(BidGuard.Assess("0.004", Class).Message, Is.EqualTo("bid 0.004 is below the minimum bid 0.005 of server class gp.vs1.medium-dfw"));
            Assert.That(BidGuard.Assess("0.040", Class, allowHighBid: true).Message, Does.EndWith("(forced)"));
        });
    }

    [Test]
    public void Unknown_prices_skip_their_rules_and_an_explicit_market_price_wins()
    {
        var bare = Class with { MarketPricePerHour = null, OnDemandPricePerHour = null };

        Assert.Multiple(() =>
        {
            Assert.That(BidGuard.Assess("5.000", bare).Verdict, Is.EqualTo(BidVerdict.Ok));
            Assert.That(BidGuard.Assess("0.009", bare, marketPrice: 0.002m).Verdict, Is.EqualTo(BidVerdict.AboveMarketLimit));
        });
    }

    [Test]
    public void A_malformed_bid_is_a_validation_error()
    {
        Assert.Throws<SpotValidationException>(() => BidGuard.Assess("0.0055", Class));
    }
}
