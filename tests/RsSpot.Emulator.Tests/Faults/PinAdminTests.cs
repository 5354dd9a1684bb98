using Newtonsoft.Json.Linq;
using RsSpot.Emulator.Tests.Support;

namespace RsSpot.Emulator.Tests.Faults;

/// <summary>Pins through the admin surface (/_emulator/pins), in-process and over HTTP: hold, list, release.</summary>
[TestFixture(Transport.InProcess)]
[TestFixture(Transport.Http)]
public sealed class PinAdminTests(Transport transport) : TransportFixture(transport)
{
    [Test]
    public async Task A_pinned_cloudspace_is_served_in_the_pinned_state_until_released()
    {
        await Client.LoginAsync();
        await Client.CreateCloudspaceAsync("held");

        var pinned = await Client.AdminAsync(HttpMethod.Post, "pins", """{"kind": "cloudspace", "name": "held", "phase": "Provisioning", "reason": "SpeedBump Hit"}""");
        var whilePinned = (await Client.GetAsync($"{SpotTestClient.Cloudspaces}/held")).Json["status"]!;
        var listed = (JArray)(await Client.AdminAsync(HttpMethod.Get, "pins")).Json;
        var released = await Client.AdminAsync(HttpMethod.Post, "pins/release", """{"kind": "cloudspaces", "name": "held"}""");
        var afterRelease = (await Client.GetAsync($"{SpotTestClient.Cloudspaces}/held")).Json["status"]!;

        Assert.Multiple(() =>
        {
            Assert.That(pinned.Status, Is.EqualTo(201), pinned.Text);
            Assert.That(pinned.Json.Value<string>("kind"), Is.EqualTo("cloudspaces"), "the kind is stored in its canonical form");
            Assert.That(pinned.Json.Value<string>("namespace"), Is.EqualTo(SpotTestClient.Namespace));
            Assert.That((whilePinned.Value<string>("phase"), whilePinned.Value<string>("reason")), Is.EqualTo(("Provisioning", "SpeedBump Hit")));
            Assert.That(listed, Has.Count.EqualTo(1));
            Assert.That(released.Json.Value<int>("released"), Is.EqualTo(1));
            Assert.That(afterRelease.Value<string>("reason"), Is.Not.EqualTo("SpeedBump Hit"));
        });
    }

    [Test]
    public async Task A_pin_by_server_class_holds_pools_created_after_it()
    {
        await Client.LoginAsync();
        await Client.CreateCloudspaceAsync("pools");
        Host.Emulator.Pin(new ResourcePin { Kind = "spotnodepools", ServerClass = "gp.vs1.medium-dfw", BidStatus = "Lost", WonCount = 0 });

        var created = await Client.CreateSpotPoolAsync(Scenario.SpotPool, "pools");
        var status = (await Client.GetAsync($"{SpotTestClient.SpotPools}/{Scenario.SpotPool}")).Json["status"]!;
        Host.Emulator.ReleaseAllPins();
        var freed = (await Client.GetAsync($"{SpotTestClient.SpotPools}/{Scenario.SpotPool}")).Json["status"]!;

        Assert.Multiple(() =>
        {
            Assert.That(created.Status, Is.EqualTo(201), created.Text);
            Assert.That((status.Value<string>("bidStatus"), status.Value<int>("wonCount")), Is.EqualTo(("Lost", 0)));
            Assert.That((freed.Value<string>("bidStatus"), freed.Value<int>("wonCount")), Is.EqualTo(("Fulfilled", 2)));
        });
    }

    [TestCase("""{"kind": "gpus", "name": "x", "phase": "Error"}""", "kind must be one of cloudspaces, spotnodepools, ondemandnodepools")]
    [TestCase("""{"kind": "cloudspaces", "name": "x", "bidStatus": "Lost"}""", "a cloudspace pin sets phase, reason or health")]
    [TestCase("""{"kind": "spotnodepools", "name": "x", "phase": "Error"}""", "a pool pin sets bidStatus or wonCount")]
    [TestCase("""{"kind": "spotnodepools", "name": "x"}""", "a pin must set at least one state field")]
    [TestCase("""{"name": "x", "phase": "Error"}""", "kind: Required value")]
    [TestCase("""{"kind": "spotnodepools", "wonCount": "two"}""", "wonCount: expected integer")]
    public async Task An_invalid_pin_is_a_400_saying_why(string body, string message)
    {
        var result = await Client.AdminAsync(HttpMethod.Post, "pins", body);

        Assert.That(result.Status, Is.EqualTo(400), result.Text);
        Assert.That(result.Message, Does.Contain("invalid pin: ").And.Contain(message));
        Assert.That(Host.Emulator.Pins, Is.Empty);
    }
}
