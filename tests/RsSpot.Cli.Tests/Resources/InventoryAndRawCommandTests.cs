namespace RsSpot.Cli.Tests.Resources;

public class InventoryAndRawCommandTests : ResourceCommandTestBase
{
    [Test]
    public async Task Inventory_lists_vm_cloudspaces_and_their_pools()
    {
        var spaces = await Sandbox("inventory", "vmcloudspaces");
        var pools = await Sandbox("inventory", "vmpools", "--vmcloudspace", "vm-lab");
        var table = await Sandbox("inventory", "vmpools", "-o", "table");

        Assert.Multiple(() =>
        {
            Assert.That(spaces.ExitCode, Is.Zero, spaces.ToString());
            Assert.That(spaces.Json.Select(s => s["name"]!.ToString()), Does.Contain("vm-lab"));
            Assert.That(pools.Json.Select(p => p["vm_cloud_space"]!.ToString()), Is.All.EqualTo("vm-lab").And.Not.Empty);
            Assert.That(table.Out, Does.Contain("SERVER CLASS").And.Contain("vm-lab"));
        });
    }

    [Test]
    public async Task Events_are_printed_with_the_organization()
    {
        var run = await Sandbox("inventory", "events", "--limit", "5");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Json["org_id"]!.ToString(), Does.StartWith("org_"));
        Assert.That(run.Json["events"]!.Count(), Is.LessThanOrEqualTo(5));
    }

    [Test]
    public async Task Raw_sends_the_request_and_prints_the_json_response()
    {
        var run = await Sandbox("raw", "--path", "/apis/ngpc.rxt.io/v1/regions");
        var one = await Sandbox("raw", "--method", "get", "--path", "/apis/ngpc.rxt.io/v1/regions/us-central-dfw-1", "--params-json", "{\"pretty\": true}");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.ToString());
            Assert.That(run.Json["kind"]!.ToString(), Is.EqualTo("RegionList"));
            Assert.That(one.ExitCode, Is.Zero, one.ToString());
            Assert.That(one.Json["metadata"]!["name"]!.ToString(), Is.EqualTo(Region));
        });
    }

    [Test]
    public async Task Raw_of_a_missing_path_exits_4() =>
        Assert.That((await Sandbox("raw", "--path", "/apis/ngpc.rxt.io/v1/regions/mars-1")).ExitCode, Is.EqualTo(4));
}
