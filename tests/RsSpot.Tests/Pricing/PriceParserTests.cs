using RsSpot.Pricing;

namespace RsSpot.Tests.Pricing;

public class PriceParserTests
{
    [TestCase("$0.123000", "0.123")]
    [TestCase("0.010000", "0.01")]
    [TestCase("$1,200.50", "1200.5")]
    [TestCase(" 0.5 ", "0.5")]
    public void ParsePrice_ReadsDollarAmountsExactly(string text, string expected) =>
        Assert.That(PriceParser.ParsePrice(text), Is.EqualTo(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)));

    [TestCase("")]
    [TestCase(null)]
    [TestCase("n/a")]
    public void ParsePrice_ReturnsNullForMissingOrInvalid(string? text) =>
        Assert.That(PriceParser.ParsePrice(text), Is.Null);

    [TestCase("7.5GB", "7.5")]
    [TestCase("1TB", "1024")]
    [TestCase("16Gi", "16")]
    [TestCase("512MB", "0.5")]
    [TestCase("3.75GB", "3.75")]
    [TestCase("64", "64")]
    [TestCase("8 GB", "8")]
    public void ParseMemoryGb_HandlesUnits(string text, string expected) =>
        Assert.That(PriceParser.ParseMemoryGb(text), Is.EqualTo(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)));

    [Test]
    public void ParseMemoryGb_ReturnsNullForUnknownUnits() =>
        Assert.That(PriceParser.ParseMemoryGb("16 bananas"), Is.Null);

    [TestCase("2", "2")]
    [TestCase("0.5", "0.5")]
    [TestCase("4 vCPU", "4")]
    public void ParseCpu_ReadsCounts(string text, string expected) =>
        Assert.That(PriceParser.ParseCpu(text), Is.EqualTo(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture)));

    [TestCase("gp.vs1.medium-dfw", "gp", 1)]
    [TestCase("gp.vs2.medium-dfw2", "gp", 2)]
    [TestCase("MH.VS1.large-lon", "mh", 1)]
    [TestCase("ch.vs2", "ch", 2)]
    [TestCase("gp.bm2.medium-dfw", "gp", null)]
    [TestCase("io.bm2-lon", "io", null)]
    public void FromOffer_DerivesClassPrefixAndGeneration(string name, string prefix, int? generation)
    {
        var row = PricingRow.FromOffer(PricingSamples.Offer(name, "r", "0.01", "2", "4GB"));

        Assert.Multiple(() =>
        {
            Assert.That(row.ClassPrefix, Is.EqualTo(prefix));
            Assert.That(row.Generation, Is.EqualTo(generation));
            Assert.That(row.IsVirtual, Is.EqualTo(generation is not null));
        });
    }

    [Test]
    public void FromOffer_ComputesCapacityValueAndSavings()
    {
        var row = PricingRow.FromOffer(PricingSamples.Offer("gp.vs2.medium-dfw2", "r", "$0.020", "2", "4GB", minBid: "0.005", onDemand: "$0.080"));

        Assert.Multiple(() =>
        {
            Assert.That(row.Capacity, Is.EqualTo(6.6m), "(2 + 4) x 1.1 for gen 2");
            Assert.That(row.Value, Is.EqualTo(330m));
            Assert.That(row.MinBid, Is.EqualTo(0.005m));
            Assert.That(row.OnDemandHourly, Is.EqualTo(0.08m));
            Assert.That(row.SavingsPercent, Is.EqualTo(75m));
        });
    }

    [TestCase("unavailable", false)]
    [TestCase("Available", true)]
    [TestCase("", true)]
    public void FromOffer_ReadsAvailability(string availability, bool expected) =>
        Assert.That(PricingRow.FromOffer(PricingSamples.Offer("gp.vs1.a", "r", "0.01", "2", "4", availability: availability)).IsAvailable, Is.EqualTo(expected));
}
