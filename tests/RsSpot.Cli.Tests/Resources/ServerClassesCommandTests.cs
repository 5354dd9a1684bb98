using Newtonsoft.Json.Linq;

namespace RsSpot.Cli.Tests.Resources;

public class ServerClassesCommandTests : ResourceCommandTestBase
{
    [Test]
    public async Task List_shows_only_available_classes_unless_all_is_given()
    {
        var available = await Sandbox("server-classes", "list");
        var all = await Sandbox("server-classes", "list", "--all");

        Assert.Multiple(() =>
        {
            Assert.That(available.ExitCode, Is.Zero, available.ToString());
            Assert.That(available.Json.Select(c => c["availability"]!.ToString()), Is.All.EqualTo("available"));
            Assert.That(all.Json.Select(c => c["availability"]!.ToString()), Does.Contain("unavailable"));
            Assert.That(all.Json.Count(), Is.GreaterThan(available.Json.Count()));
        });
    }

    [Test]
    public async Task List_filters_by_region_and_renders_a_compact_table()
    {
        var json = await Sandbox("server-classes", "list", "--region", "US-CENTRAL-DFW-1");
        var table = await Sandbox("server-classes", "list", "--region", Region, "-o", "table");

        Assert.Multiple(() =>
        {
            Assert.That(json.Json.Select(c => c["region"]!.ToString()), Is.All.EqualTo(Region).And.Not.Empty);
            Assert.That(table.Out, Does.Contain("NAME").And.Contain("MIN BID").And.Contain(ServerClass));
            Assert.That(table.Out, Does.Not.Contain("last_auction"), "the table shows a projection, not every field");
        });
    }

    [Test]
    public async Task Get_shows_one_class_with_its_prices()
    {
        var run = await Sandbox("server-classes", "get", ServerClass);

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Json["name"]!.ToString(), Is.EqualTo(ServerClass));
        Assert.That(run.Json["min_bid_price_per_hour"]!.Value<decimal>(), Is.GreaterThan(0m));
    }

    [Test]
    public async Task Get_of_an_unknown_class_exits_4() =>
        AssertOneLineError(await Sandbox("server-classes", "get", "nope.vs1.tiny"), 4, "nope.vs1.tiny");
}
