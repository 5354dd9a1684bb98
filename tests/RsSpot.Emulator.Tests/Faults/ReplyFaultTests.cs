using System.Text;
using RsSpot.Emulator.Tests.Support;

namespace RsSpot.Emulator.Tests.Faults;

/// <summary>Faults that replace the reply: applied-then-failed requests and raw replies (gateway pages, garbage).</summary>
[TestFixture(Transport.InProcess)]
[TestFixture(Transport.Http)]
public sealed class ReplyFaultTests(Transport transport) : TransportFixture(transport)
{
    private const string CreateCloudspaces = "POST /apis/ngpc.rxt.io/v1/namespaces/*/cloudspaces";
    [Test]
    public async Task Apply_then_fail_creates_the_object_but_answers_the_faults_status()
    {
        var fault = new FaultRule { Route = CreateCloudspaces, StatusCode = 503, ApplyThenFail = true, Count = 1 };
        Host.Emulator.Faults.Add(fault);

        var lost = await Client.CreateCloudspaceAsync("demo");
        var retried = await Client.CreateCloudspaceAsync("demo");

        Assert.That(lost.Status, Is.EqualTo(503));
        Assert.That(lost.Json.Value<string>("reason"), Is.EqualTo("ServiceUnavailable"));
        Assert.That((await Client.GetAsync(SpotTestClient.Cloudspaces + "/demo")).Status, Is.EqualTo(200));
        Assert.That(retried.Status, Is.EqualTo(409), "the retry meets the object the lost reply had created");
        var journal = Host.Emulator.Journal.Where(e => e.Method == "POST" && e.PathAndQuery.EndsWith("/cloudspaces", StringComparison.Ordinal)).ToList();
        Assert.That(journal.Select(e => (e.StatusCode, e.ProcessedStatusCode, e.Fault)), Is.EqualTo(new[] { (503, (int?)201, fault), (409, 409, null) }));
    }

    [Test]
    public async Task A_plain_status_fault_does_not_process_the_request()
    {
        Host.Emulator.Faults.Add(new FaultRule { Route = CreateCloudspaces, StatusCode = 503, Count = 1 });

        Assert.That((await Client.CreateCloudspaceAsync("demo")).Status, Is.EqualTo(503));

        Assert.That((await Client.GetAsync(SpotTestClient.Cloudspaces + "/demo")).Status, Is.EqualTo(404));
        Assert.That(Host.Emulator.Journal.Single(e => e.Method == "POST" && e.Fault is not null).ProcessedStatusCode, Is.Null);
    }

    [Test]
    public async Task Apply_then_drop_creates_the_object_and_the_client_sees_a_failed_connection()
    {
        Host.Emulator.Faults.Add(new FaultRule { Route = CreateCloudspaces, DropConnection = true, ApplyThenFail = true, Count = 1 });

        Assert.ThrowsAsync<HttpRequestException>(() => Client.CreateCloudspaceAsync("demo"));

        Assert.That((await Client.GetAsync(SpotTestClient.Cloudspaces + "/demo")).Status, Is.EqualTo(200));
        var entry = Host.Emulator.Journal.Single(e => e.Fault is not null);
        Assert.That((entry.StatusCode, entry.ProcessedStatusCode), Is.EqualTo((0, (int?)201)));
    }

    [Test]
    public async Task A_reply_body_fault_answers_an_html_gateway_page_as_is()
    {
        const string page = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>\r\n";
        Host.Emulator.Faults.Add(new FaultRule { StatusCode = 502, ReplyBody = Encoding.ASCII.GetBytes(page), ReplyContentType = "text/html", RetryAfterSeconds = 3 });

        using var response = await Client.OpenAsync(HttpMethod.Get, SpotTestClient.Cloudspaces, completion: HttpCompletionOption.ResponseContentRead);

        Assert.That((int)response.StatusCode, Is.EqualTo(502));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/html"));
        Assert.That(response.Headers.RetryAfter!.Delta, Is.EqualTo(TimeSpan.FromSeconds(3)));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo(page));
    }

    [Test]
    public async Task A_reply_body_fault_delivers_binary_garbage_byte_for_byte()
    {
        byte[] garbage = [0x00, 0x1B, 0x5B, 0x32, 0x4A, 0x7B, 0xFF, 0xFE, 0x0A, 0x0D, 0x07, 0x22, 0x7D, 0x80];
        Host.Emulator.Faults.Add(new FaultRule { Route = "/apis/ngpc.rxt.io/v1/regions", ReplyBody = garbage, ReplyContentType = "application/json", Count = 1 });

        using var response = await Client.OpenAsync(HttpMethod.Get, "apis/ngpc.rxt.io/v1/regions", completion: HttpCompletionOption.ResponseContentRead);

        Assert.That((int)response.StatusCode, Is.EqualTo(200));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/json"));
        Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.EqualTo(garbage));
        Assert.That(Host.Emulator.Journal[^1].ProcessedStatusCode, Is.Null, "a reply body answers instead of processing");
    }
}
