using RsSpot.Pricing;

namespace RsSpot.Tests.Pricing;

public class PricingListTests
{
    private static string[] Names(IEnumerable<PricingListItem> items) => [.. items.Select(item => item.Row.Name)];

    [Test]
    public void Gen_DropsOtherGenerationsAndBareMetal()
    {
        // Deliberate difference (W7): the reference keeps bare metal under --gen 1; a generation filter
        // cannot match a class that has no generation.
        var result = PricingList.Query(PricingSamples.SetA(), new PricingListQuery { Generation = 1 });

        Assert.That(Names(result), Is.EquivalentTo(new[] { "gp.vs1.medium-dfw", "mh.vs1.large-lon" }));
    }

    [Test]
    public void ClassAndCpuFilters_KeepOnlyMatchingRows()
    {
        var result = PricingList.Query(PricingSamples.SetA(), new PricingListQuery { Classes = ["gp,ch"], MinCpu = 2, MaxCpu = 4 });

        Assert.That(result, Is.Not.Empty);
        Assert.That(result, Has.All.Matches<PricingListItem>(item =>
            (item.Row.ClassPrefix == "gp" || item.Row.ClassPrefix == "ch") && item.Row.Cpu >= 2 && item.Row.Cpu <= 4));
        Assert.That(Names(result), Does.Not.Contain("gp.bm2.medium-dfw"), "24 vCPU is above --max-cpu 4");
    }

    [Test]
    public void Regions_AreCaseInsensitiveRepeatableAndCommaSeparated()
    {
        var result = PricingList.Query(PricingSamples.SetA(), new PricingListQuery { Regions = ["US-CENTRAL-DFW-1,uk-lon-1", "us-east-iad-2"] });

        Assert.That(Names(result), Is.EquivalentTo(new[] { "gp.vs1.medium-dfw", "gp.bm2.medium-dfw", "mh.vs1.large-lon", "ch.vs2.large-iad2" }));
    }

    [Test]
    public void MinMemory_DropsSmallerAndUnknownMemory()
    {
        var rows = PricingRow.FromOffers([.. PricingSamples.SetA().Select(row => row.Offer), PricingSamples.Offer("gp.vs1.odd", "r", "0.01", "2", "lots")]);

        var result = PricingList.Query(rows, new PricingListQuery { MinMemoryGb = 8 });

        Assert.That(Names(result), Is.EquivalentTo(new[] { "ch.vs2.large-iad2", "mh.vs1.large-lon", "gp.bm2.medium-dfw" }));
    }

    [Test]
    public void Unavailable_IsHiddenUnlessIncluded()
    {
        var rows = PricingRow.FromOffers([PricingSamples.Offer("gp.vs1.a", "r", "0.01", "2", "4"), PricingSamples.Offer("gp.vs1.b", "r", "0.01", "2", "4", availability: "unavailable")]);

        Assert.Multiple(() =>
        {
            Assert.That(Names(PricingList.Query(rows, new PricingListQuery())), Is.EqualTo(new[] { "gp.vs1.a" }));
            Assert.That(Names(PricingList.Query(rows, new PricingListQuery { IncludeUnavailable = true })), Is.EqualTo(new[] { "gp.vs1.a", "gp.vs1.b" }));
        });
    }

    [Test]
    public void NodesMultiplier_ScalesTotalsExactly()
    {
        var result = PricingList.Query(PricingSamples.SetB(), new PricingListQuery { Classes = ["gp"], Nodes = 5 });
        var vs1 = result.Single(item => item.Row.Name == "gp.vs1.medium-dfw");

        Assert.Multiple(() =>
        {
            Assert.That(result.Select(item => item.Nodes), Is.All.EqualTo(5));
            Assert.That(Names(result), Is.EquivalentTo(new[] { "gp.vs1.medium-dfw", "gp.bm2.medium-dfw" }), "bare metal is kept without --gen");
            Assert.That(vs1.HourlyPerNode, Is.EqualTo(0.01m));
            Assert.That(vs1.MonthlyPerNode, Is.EqualTo(7.3m));
            Assert.That(vs1.HourlyForNodes, Is.EqualTo(0.05m));
            Assert.That(vs1.MonthlyForNodes, Is.EqualTo(36.5m));
            Assert.That(result, Has.All.Matches<PricingListItem>(item => item.HourlyForNodes == 5 * item.HourlyPerNode));
        });
    }

    [Test]
    public void MonthHours_AreConfigurable()
    {
        var result = PricingList.Query(PricingSamples.SetB(), new PricingListQuery { Classes = ["ch"], MonthHours = 720 });

        Assert.That(result.Single().MonthlyPerNode, Is.EqualTo(21.6m));
    }

    [TestCase(PricingSort.Price, new[] { "gp.bm2.medium-dfw", "gp.vs1.medium-dfw", "gp.vs2.medium-dfw2", "mh.vs1.large-lon", "ch.vs2.large-iad2" })]
    [TestCase(PricingSort.Cpu, new[] { "gp.bm2.medium-dfw", "mh.vs1.large-lon", "ch.vs2.large-iad2", "gp.vs1.medium-dfw", "gp.vs2.medium-dfw2" })]
    [TestCase(PricingSort.Memory, new[] { "gp.bm2.medium-dfw", "mh.vs1.large-lon", "ch.vs2.large-iad2", "gp.vs1.medium-dfw", "gp.vs2.medium-dfw2" })]
    [TestCase(PricingSort.Value, new[] { "gp.bm2.medium-dfw", "mh.vs1.large-lon", "gp.vs1.medium-dfw", "ch.vs2.large-iad2", "gp.vs2.medium-dfw2" })]
    public void Sort_OrdersRows(PricingSort sort, string[] expected) =>
        Assert.That(Names(PricingList.Query(PricingSamples.SetA(), new PricingListQuery { Sort = sort })), Is.EqualTo(expected));

    [Test]
    public void PriceSort_PutsUnknownPricesLastAndBreaksTiesByCpuThenName()
    {
        var rows = PricingRow.FromOffers(
        [
            PricingSamples.Offer("gp.vs1.unknown", "r", "", "8", "4"),
            PricingSamples.Offer("gp.vs1.b", "r", "0.01", "2", "4"),
            PricingSamples.Offer("gp.vs1.a", "r", "0.01", "2", "4"),
            PricingSamples.Offer("gp.vs1.big", "r", "0.01", "4", "4"),
        ]);

        Assert.That(Names(PricingList.Query(rows, new PricingListQuery())), Is.EqualTo(new[] { "gp.vs1.big", "gp.vs1.a", "gp.vs1.b", "gp.vs1.unknown" }));
    }

    [Test]
    public void InconsistentQuery_IsRejected()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => PricingList.Query(PricingSamples.SetA(), new PricingListQuery { MinCpu = 8, MaxCpu = 2 }), Throws.ArgumentException);
            Assert.That(() => PricingList.Query(PricingSamples.SetA(), new PricingListQuery { Nodes = 0 }), Throws.InstanceOf<ArgumentOutOfRangeException>());
        });
    }
}
