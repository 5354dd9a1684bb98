using System.Net.Http.Headers;
using RsSpot.Emulator.Tests.Support;

namespace RsSpot.Emulator.Tests.Robustness;

/// <summary>Bodies over the documented limit are refused with 413 without being read, and leave no memory behind.</summary>
[TestFixture(Transport.InProcess)]
[TestFixture(Transport.Http)]
public sealed class RequestSizeLimitTests(Transport transport) : TransportFixture(transport)
{
    private const int SixtyFourMiB = 64 * 1024 * 1024;
    [Test]
    public async Task A_declared_64_mib_body_is_a_413_request_entity_too_large_status()
    {
        var result = await PostAsync(new ByteArrayContent(new byte[SixtyFourMiB]));

        AssertTooLarge(result);
    }

    [Test]
    public async Task A_chunked_body_over_the_limit_is_a_413_too()
    {
        var result = await PostAsync(new StreamContent(new FillerStream(SpotEmulatorOptions.DefaultMaxRequestBodyBytes + 1L)));

        AssertTooLarge(result);
    }

    [Test]
    public async Task A_body_of_exactly_the_limit_is_read_and_processed()
    {
        var body = Scenario.CloudspaceBody("padded");
        body["metadata"]!["annotations"]!["padding"] = string.Empty;
        var padding = SpotEmulatorOptions.DefaultMaxRequestBodyBytes - Newtonsoft.Json.JsonConvert.SerializeObject(body).Length;
        body["metadata"]!["annotations"]!["padding"] = new string('x', padding);

        var result = await Client.SendAsync(HttpMethod.Post, SpotTestClient.Cloudspaces, body);

        Assert.That(result.Status, Is.EqualTo(201), result.Message);
    }

    [Test]
    public async Task Twenty_64_mib_bodies_leave_the_managed_heap_where_it_was()
    {
        var payload = new byte[SixtyFourMiB];
        await PostAsync(new ByteArrayContent(payload));
        await PostAsync(new StreamContent(new FillerStream(SixtyFourMiB)));
        var baseline = GC.GetTotalMemory(forceFullCollection: true);

        for (var i = 0; i < 10; i++)
        {
            AssertTooLarge(await PostAsync(new ByteArrayContent(payload)));
            AssertTooLarge(await PostAsync(new StreamContent(new FillerStream(SixtyFourMiB))));
        }

        var growth = GC.GetTotalMemory(forceFullCollection: true) - baseline;
        TestContext.Out.WriteLine($"{Transport}: managed heap growth after 20 x 64 MiB bodies: {growth / 1024} KiB");
        Assert.That(growth, Is.LessThan(4 * 1024 * 1024));
        GC.KeepAlive(payload);
    }

    private Task<ApiResult> PostAsync(HttpContent content)
    {
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return Client.SendRawAsync(HttpMethod.Post, SpotTestClient.Cloudspaces, content, authenticate: true);
    }

    private static void AssertTooLarge(ApiResult result)
    {
        Assert.That(result.Status, Is.EqualTo(413), result.Text);
        Assert.That(result.Json.Value<string>("kind"), Is.EqualTo("Status"));
        Assert.That(result.Json.Value<string>("reason"), Is.EqualTo("RequestEntityTooLarge"));
        Assert.That(result.Message, Is.EqualTo($"Request entity too large: limit is {SpotEmulatorOptions.DefaultMaxRequestBodyBytes} bytes"));
    }
}
