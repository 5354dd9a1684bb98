using System.Text;
using RsSpot.Observability.Webhooks;

namespace RsSpot.Tests.Observability;

/// <summary>What a pre-emption notice may look like, and the reason given for a body that is none.</summary>
public sealed class PreemptionNoticeTests
{
    private static readonly DateTimeOffset Received = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public void A_notice_naming_a_server_and_its_cloudspace_is_one_typed_event_keeping_the_whole_body()
    {
        var (events, problem) = Read("""{"cloudspace": "prod", "serverName": "srv-1", "nodePool": "p1", "namespace": "org-x", "preemptionTime": "2026-03-01T12:02:00Z", "extra": {"a": 1}}""");

        var notice = events.Single();
        Assert.Multiple(() =>
        {
            Assert.That(problem, Is.Null);
            Assert.That((notice.Type, notice.Source, notice.CloudSpace, notice.Server, notice.Pool, notice.Org), Is.EqualTo(("preemption-notice", "webhook", "prod", "srv-1", "p1", "org-x")));
            Assert.That(notice.Message, Is.EqualTo("pre-emption notice for server srv-1 of cloudspace prod at 2026-03-01T12:02:00Z"));
            Assert.That(notice.OccurredAt, Is.EqualTo(Received));
            Assert.That(notice.Data!["notice"]!["extra"]!["a"]!.ToString(), Is.EqualTo("1"));
            Assert.That(notice.Profile, Is.EqualTo("ci"));
        });
    }

    [Test]
    public void A_notice_listing_several_servers_is_one_event_per_server()
    {
        var (events, _) = Read("""{"cloudSpace": "prod", "servers": ["a", {"name": "b", "pool": "p2"}], "time": 1772366520}""");

        Assert.Multiple(() =>
        {
            Assert.That(events.Select(e => (e.Server, e.Pool)), Is.EqualTo(new[] { ("a", (string?)null), ("b", "p2") }));
            Assert.That(events.Select(e => e.CloudSpace), Is.All.EqualTo("prod"));
            Assert.That(events[0].Data!["preempt_at"]!.ToString(), Does.StartWith("2026-03-01T12:02:00"));
        });
    }

    [TestCase("", "the body is empty, expected a JSON object")]
    [TestCase("{\"server\": ", "the body is not valid JSON")]
    [TestCase("[1, 2]", "the body must be a JSON object, got array")]
    [TestCase("{\"server\": \"a\"} {}", "the body is not valid JSON: Additional text")]
    [TestCase("{\"status\": \"preempting\"}", "the notice names no server, node or cloudspace")]
    [TestCase("{\"server\": 42}", "'server' must be a string")]
    [TestCase("{\"cloudspace\": \"prod\", \"servers\": []}", "'servers' or 'nodes' must be a non-empty list")]
    [TestCase("{\"node\": \"a\", \"time\": \"soon\"}", "the pre-emption time must be an ISO 8601 instant or Unix seconds")]
    public void A_body_that_is_no_notice_is_refused_with_the_reason(string body, string reason)
    {
        var (events, problem) = Read(body);

        Assert.That(events, Is.Empty);
        Assert.That(problem, Does.StartWith(reason));
    }

    [Test]
    public void Bytes_that_are_not_utf8_are_refused()
    {
        var (_, problem) = PreemptionNotice.Read([0x7B, 0xFF, 0x7D], Received, null);

        Assert.That(problem, Is.EqualTo("the body is not valid UTF-8"));
    }

    private static (IReadOnlyList<RsSpot.Models.SpotEvent> Events, string? Problem) Read(string body) =>
        PreemptionNotice.Read(Encoding.UTF8.GetBytes(body), Received, "ci");
}
