using System.Net;
using System.Net.Sockets;
using RsSpot.Models;
using RsSpot.Tests.Support;

namespace RsSpot.Tests.Client;

public class RetryTests(bool isAsync) : ClientTestBase(isAsync)
{
    private const string Regions = "/apis/ngpc.rxt.io/v1/regions";
    private const string SpotPools = "/apis/ngpc.rxt.io/v1/namespaces/org-xy3kq9lmn2pr7stu/spotnodepools";

    private static Func<HttpResponseMessage> Fail(HttpStatusCode status) => () => FakeSpotApi.Status(status, status.ToString(), "try again");

    private static Func<HttpResponseMessage> Ok(string sample) => () => FakeSpotApi.Respond(HttpStatusCode.OK, SampleData.Read(sample));

    [TestCase(HttpStatusCode.InternalServerError)]
    [TestCase(HttpStatusCode.BadGateway)]
    [TestCase(HttpStatusCode.ServiceUnavailable)]
    [TestCase(HttpStatusCode.GatewayTimeout)]
    [TestCase(HttpStatusCode.RequestTimeout)]
    [TestCase(HttpStatusCode.TooManyRequests)]
    public async Task Transient_statuses_are_retried_with_exponential_backoff(HttpStatusCode status)
    {
        Api.Sequence(HttpMethod.Get, Regions, Fail(status), Fail(status), Ok("regions.json"));

        var regions = await Call(() => Client.Regions.ListAsync(default));

        Assert.Multiple(() =>
        {
            Assert.That(regions, Has.Count.EqualTo(8));
            Assert.That(Api.ApiRequests, Has.Count.EqualTo(3));
            Assert.That(Clock.Delays, Is.EqualTo(new[] { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2) }));
        });
    }

    [TestCase(HttpStatusCode.BadRequest)]
    [TestCase(HttpStatusCode.Forbidden)]
    [TestCase(HttpStatusCode.NotFound)]
    [TestCase(HttpStatusCode.Conflict)]
    [TestCase(HttpStatusCode.UnprocessableEntity)]
    [TestCase(HttpStatusCode.NotImplemented)]
    public void Permanent_statuses_are_not_retried(HttpStatusCode status)
    {
        Api.Sequence(HttpMethod.Get, Regions, Fail(status));

        Assert.ThrowsAsync(Is.InstanceOf<SpotException>(), () => Call(() => Client.Regions.ListAsync(default)));
        Assert.That(Api.ApiRequests, Has.Count.EqualTo(1));
        Assert.That(Clock.Delays, Is.Empty);
    }

    [Test]
    public void Retries_stop_at_max_attempts_and_report_the_last_status()
    {
        Api.Sequence(HttpMethod.Get, Regions, Fail(HttpStatusCode.ServiceUnavailable));

        var error = Assert.ThrowsAsync<SpotException>(() => Call(() => Client.Regions.ListAsync(default)));

        Assert.That(error!.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(Api.ApiRequests, Has.Count.EqualTo(3));
    }

    [Test]
    public async Task Retry_after_in_seconds_sets_the_delay()
    {
        Api.Sequence(HttpMethod.Get, Regions, () => WithRetryAfter(Fail(HttpStatusCode.TooManyRequests)(), "3"), Ok("regions.json"));

        await Call(() => Client.Regions.ListAsync(default));

        Assert.That(Clock.Delays, Is.EqualTo(new[] { TimeSpan.FromSeconds(3) }));
    }

    [Test]
    public async Task Retry_after_as_an_http_date_sets_the_delay()
    {
        Api.Sequence(HttpMethod.Get, Regions,
            () =>
            {
                var response = Fail(HttpStatusCode.ServiceUnavailable)();
                response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(DateTimeOffset.UtcNow.AddSeconds(30));
                return response;
            },
            Ok("regions.json"));

        await Call(() => Client.Regions.ListAsync(default));

        Assert.That(Clock.Delays.Single(), Is.GreaterThan(TimeSpan.FromSeconds(25)).And.LessThanOrEqualTo(TimeSpan.FromSeconds(30)));
    }

    [Test]
    public void Retry_after_beyond_the_cap_fails_fast_with_the_wait_reported()
    {
        Api.Sequence(HttpMethod.Get, Regions, () => WithRetryAfter(Fail(HttpStatusCode.TooManyRequests)(), "600"));

        var error = Assert.ThrowsAsync<SpotRateLimitException>(() => Call(() => Client.Regions.ListAsync(default)));

        Assert.That(error!.RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(600)));
        Assert.That(Api.ApiRequests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_create_refused_with_429_is_resent()
    {
        Api.Sample(HttpMethod.Get, "/apis/ngpc.rxt.io/v1/serverclasses/gp.vs1.medium-dfw", "serverclass.json");
        Api.Sequence(HttpMethod.Post, SpotPools, Fail(HttpStatusCode.TooManyRequests), Ok("spotnodepool.json"));

        await Call(() => Client.SpotNodePools.CreateAsync(NewPool(), null, default));

        Assert.That(Api.ApiRequests.Count(r => r.Method == HttpMethod.Post), Is.EqualTo(2));
    }

    [Test]
    public async Task A_create_whose_connection_never_opened_is_resent()
    {
        Api.Sample(HttpMethod.Get, "/apis/ngpc.rxt.io/v1/serverclasses/gp.vs1.medium-dfw", "serverclass.json");
        Api.Sequence(HttpMethod.Post, SpotPools,
            () => throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused", new SocketException((int)SocketError.ConnectionRefused)),
            Ok("spotnodepool.json"));

        await Call(() => Client.SpotNodePools.CreateAsync(NewPool(), null, default));

        Assert.That(Api.ApiRequests.Count(r => r.Method == HttpMethod.Post), Is.EqualTo(2));
    }

    [Test]
    public void A_dropped_connection_fails_after_the_configured_attempts_naming_the_host()
    {
        Api.Sequence(HttpMethod.Get, Regions, () => throw new HttpRequestException(HttpRequestError.ResponseEnded, "dropped"));

        var error = Assert.ThrowsAsync<SpotNetworkException>(() => Call(() => Client.Regions.ListAsync(default)))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Is.EqualTo("connection closed by spot.test before the response was complete (3 attempts)"));
            Assert.That(error.Failure, Is.EqualTo(SpotNetworkFailure.ConnectionReset));
            Assert.That(Api.ApiRequests, Has.Count.EqualTo(3));
        });
    }

    [Test]
    public async Task A_delete_whose_reply_was_lost_succeeds_when_the_retry_finds_it_gone()
    {
        Api.Sequence(HttpMethod.Delete, SpotPools + "/gone", Fail(HttpStatusCode.ServiceUnavailable), () => FakeSpotApi.Status(HttpStatusCode.NotFound, "NotFound", "not found"));

        await Call(() => Client.SpotNodePools.DeleteAsync("gone", null, default));

        Assert.That(Api.ApiRequests.Count(r => r.Method == HttpMethod.Delete), Is.EqualTo(2));
    }

    [Test]
    public void A_delete_of_something_that_never_existed_is_still_not_found()
    {
        Api.Sequence(HttpMethod.Delete, SpotPools + "/never", () => FakeSpotApi.Status(HttpStatusCode.NotFound, "NotFound", "not found"));

        Assert.ThrowsAsync<SpotNotFoundException>(() => Call(() => Client.SpotNodePools.DeleteAsync("never", null, default)));
    }

    [Test]
    public async Task Idempotent_requests_are_resent_after_a_dropped_connection()
    {
        Api.Sequence(HttpMethod.Get, Regions, () => throw new HttpRequestException(HttpRequestError.ResponseEnded, "dropped"), Ok("regions.json"));

        await Call(() => Client.Regions.ListAsync(default));

        Assert.That(Api.ApiRequests, Has.Count.EqualTo(2));
    }

    [Test]
    public void An_attempt_whose_response_does_not_arrive_in_time_times_out()
    {
        UseClient(Options(o =>
        {
            o.RequestTimeout = TimeSpan.FromMilliseconds(50);
            o.Retry = new RetryOptions { MaxAttempts = 1 };
        }));
        Api.Sequence(HttpMethod.Get, Regions, () =>
        {
            Thread.Sleep(TimeSpan.FromSeconds(2));
            return FakeSpotApi.Respond(HttpStatusCode.OK, "{}");
        });

        var error = Assert.ThrowsAsync<SpotNetworkException>(() => Call(() => Client.Regions.ListAsync(default)));

        Assert.That(error!.Message, Does.Contain("no complete response from").And.Contain("within 0.05 s"));
        Assert.That(((SpotNetworkException)error).Failure, Is.EqualTo(SpotNetworkFailure.Timeout));
    }

    [Test]
    public void Retry_delays_follow_the_policy_with_jitter_and_cap()
    {
        var options = new RetryOptions { BaseDelay = TimeSpan.FromSeconds(0.2), MaxDelay = TimeSpan.FromSeconds(2.5), Jitter = 0.2 };
        var low = new Http.RetryPolicy(options, () => 0.0);
        var high = new Http.RetryPolicy(options, () => 1.0);

        Assert.Multiple(() =>
        {
            Assert.That(low.Delay(1, null).TotalSeconds, Is.EqualTo(0.16).Within(1e-9));
            Assert.That(high.Delay(1, null).TotalSeconds, Is.EqualTo(0.24).Within(1e-9));
            Assert.That(high.Delay(3, null).TotalSeconds, Is.EqualTo(0.96).Within(1e-9));
            Assert.That(low.Delay(10, null).TotalSeconds, Is.EqualTo(2.0).Within(1e-9), "capped at max_delay before jitter");
        });
    }

    private static CreateSpotNodePoolRequest NewPool() => new() { CloudSpace = "demo-dfw", ServerClass = "gp.vs1.medium-dfw", BidPrice = "0.003" }; // within 3x the sample market price (0.001)

    private static HttpResponseMessage WithRetryAfter(HttpResponseMessage response, string value)
    {
        response.Headers.TryAddWithoutValidation("Retry-After", value);
        return response;
    }
}
