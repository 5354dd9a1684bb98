using System.Net;
using Microsoft.Extensions.Logging;
using RsSpot.Tests.Support;

namespace RsSpot.Tests.Diagnostics;

/// <summary>Requests, retries and token refreshes are logged, and no credential ever reaches a log message.</summary>
public class LoggingTests(bool isAsync) : ClientTestBase(isAsync)
{
    private const string Regions = "/apis/ngpc.rxt.io/v1/regions";

    private readonly CapturingLoggerProvider _logs = new();

    [SetUp]
    public void UseCapturingLogger() => UseClient(Options(o => o.LoggerFactory = _logs));

    [Test]
    public async Task A_request_is_logged_at_debug_with_method_path_status_and_duration()
    {
        Api.Sample(HttpMethod.Get, Regions, "regions.json");

        await Call(() => Client.Regions.ListAsync(default));

        var debug = _logs.Entries.Where(e => e.Level == LogLevel.Debug).Select(e => e.Message).ToList();
        Assert.That(debug, Has.Some.Match(@"^GET /apis/ngpc\.rxt\.io/v1/regions answered 200 in \d+ ms \(0 retries\)$"));
    }

    [Test]
    public async Task A_retry_and_a_token_refresh_are_logged_without_any_token()
    {
        Api.Sequence(
            HttpMethod.Get,
            Regions,
            () => FakeSpotApi.Status(HttpStatusCode.ServiceUnavailable, "ServiceUnavailable", "busy"),
            () => FakeSpotApi.Status(HttpStatusCode.Unauthorized, "Unauthorized", "token expired"),
            () => FakeSpotApi.Respond(HttpStatusCode.OK, SampleData.Read("regions.json")));

        await Call(() => Client.Regions.ListAsync(default));

        var tokens = Api.Requests.Select(r => r.BearerToken).OfType<string>().Distinct().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(_logs.Entries, Has.Some.Matches<(LogLevel Level, string Message)>(e => e.Level == LogLevel.Warning && e.Message.StartsWith("Retrying GET /apis/ngpc.rxt.io/v1/regions after HTTP 503", StringComparison.Ordinal)));
            Assert.That(_logs.AllText, Does.Contain("refreshing it once"));
            Assert.That(_logs.AllText, Does.Contain("Exchanged the refresh token for an id_token"));
            Assert.That(Api.TokenExchanges, Is.EqualTo(2), "the 401 forced a second exchange");
            Assert.That(tokens, Has.Count.EqualTo(2));
            Assert.That(_logs.AllText, Does.Not.Contain(FakeSpotApi.RefreshToken));
            Assert.That(_logs.AllText, Does.Not.Contain("eyJ"), "no JWT (or any part of one) is logged");
            foreach (var token in tokens)
            {
                Assert.That(_logs.AllText, Does.Not.Contain(token.Split('.')[^1]));
            }
        });
    }
}
