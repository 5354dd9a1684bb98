using Newtonsoft.Json.Linq;
using RsSpot.Emulator.Tests.Support;

namespace RsSpot.Emulator.Tests.Faults;

/// <summary>The new fault kinds, the seed and the journal's fault record through the admin surface (/_emulator/).</summary>
[TestFixture(Transport.InProcess)]
[TestFixture(Transport.Http)]
public sealed class FaultAdminTests(Transport transport) : TransportFixture(transport)
{
    [Test]
    public async Task An_applied_then_failed_fault_set_over_http_is_listed_and_journaled_with_the_processed_status()
    {
        var set = await Client.AdminAsync(HttpMethod.Post, "faults",
            """{"name": "lost-reply", "route": "POST /apis/ngpc.rxt.io/v1/namespaces/*/cloudspaces", "status": 503, "applyThenFail": true, "count": 1}""");
        Assert.That(set.Status, Is.EqualTo(201), set.Text);

        Assert.That((await Client.CreateCloudspaceAsync("demo")).Status, Is.EqualTo(503));

        var journal = (JArray)(await Client.AdminAsync(HttpMethod.Get, "journal")).Json;
        var entry = journal.Single(e => e.Value<string>("method") == "POST" && e.Value<string>("path")!.EndsWith("/cloudspaces", StringComparison.Ordinal));
        Assert.That(entry.Value<int>("status"), Is.EqualTo(503));
        Assert.That(entry.Value<int>("processedStatus"), Is.EqualTo(201));
        Assert.That(entry["fault"]!.Value<string>("name"), Is.EqualTo("lost-reply"));
        Assert.That(entry["fault"]!.Value<bool>("applyThenFail"), Is.True);
    }

    [Test]
    public async Task A_binary_reply_and_a_stall_until_the_client_gives_up_round_trip_through_the_listing()
    {
        byte[] garbage = [0x00, 0x07, 0x1B, 0xFF];
        var base64 = Convert.ToBase64String(garbage);
        Assert.That((await Client.AdminAsync(HttpMethod.Post, "faults", $$"""{"route": "/percentiles.json", "status": 200, "replyBodyBase64": "{{base64}}", "replyContentType": "application/json", "count": 1}""")).Status, Is.EqualTo(201));
        Assert.That((await Client.AdminAsync(HttpMethod.Post, "faults", """{"route": "/nowhere", "stallMs": -1, "partialBodyBytes": 4, "reset": true}""")).Status, Is.EqualTo(201));

        var listed = (JArray)(await Client.AdminAsync(HttpMethod.Get, "faults")).Json;
        using var reply = await Client.OpenAsync(HttpMethod.Get, "percentiles.json", completion: HttpCompletionOption.ResponseContentRead);

        Assert.That(listed[0].Value<string>("replyBodyBase64"), Is.EqualTo(base64));
        Assert.That((listed[1].Value<int>("stallMs"), listed[1].Value<int>("partialBodyBytes"), listed[1].Value<bool>("reset")), Is.EqualTo((-1, 4, true)));
        Assert.That(await reply.Content.ReadAsByteArrayAsync(), Is.EqualTo(garbage));
    }

    [Test]
    public async Task The_seed_of_probabilistic_faults_is_set_and_read_over_http()
    {
        Assert.That((await Client.AdminAsync(HttpMethod.Post, "faults/seed", """{"seed": 42}""")).Status, Is.EqualTo(204));

        Assert.That((await Client.AdminAsync(HttpMethod.Get, "faults/seed")).Json.Value<int>("seed"), Is.EqualTo(42));
        Assert.That(Host.Emulator.Faults.Seed, Is.EqualTo(42));
    }

    [TestCase("faults", """{"status": "abc"}""", "invalid fault: status: expected integer, got string \"abc\"")]
    [TestCase("faults", """{"applyThenFail": true}""", "ApplyThenFail needs a reply to fail with")]
    [TestCase("faults", """{"probability": 1.5}""", "Probability must be between 0 and 1")]
    [TestCase("faults", """{"count": 0}""", "Count must be positive")]
    [TestCase("faults", """{"status": 5000}""", "StatusCode must be an HTTP status")]
    [TestCase("faults", """{"latencyMs": 1e25}""", "durations a TimeSpan can hold")]
    [TestCase("faults", """{"replyBodyBase64": "***"}""", "replyBodyBase64: expected base64")]
    [TestCase("faults", "[]", "must be a JSON object, got array")]
    [TestCase("faults/seed", """{"seed": "x"}""", "invalid seed: seed: expected integer")]
    [TestCase("faults/seed", "{}", "invalid seed: seed: Required value")]
    public async Task An_invalid_admin_body_is_a_400_saying_why(string endpoint, string body, string message)
    {
        var result = await Client.AdminAsync(HttpMethod.Post, endpoint, body);

        Assert.That(result.Status, Is.EqualTo(400), result.Text);
        Assert.That(result.Message, Does.Contain(message));
        Assert.That(Host.Emulator.Faults.Active, Is.Empty);
    }
}
