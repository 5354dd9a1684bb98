using System.Net;
using RsSpot.Tests.Support;

namespace RsSpot.Tests.Client;

public class ErrorMappingTests(bool isAsync) : ClientTestBase(isAsync)
{
    private const string CloudSpace = "/apis/ngpc.rxt.io/v1/namespaces/org-xy3kq9lmn2pr7stu/cloudspaces/nope";

    private static IEnumerable<TestCaseData> Statuses()
    {
        yield return new TestCaseData("error-404-status.json", HttpStatusCode.NotFound, typeof(SpotNotFoundException), "cloudspaces.ngpc.rxt.io \"nope\" not found (HTTP 404 NotFound)");
        yield return new TestCaseData("error-409-status.json", HttpStatusCode.Conflict, typeof(SpotConflictException), "cloudspaces.ngpc.rxt.io \"demo-dfw\" already exists (HTTP 409 AlreadyExists)");
        yield return new TestCaseData("error-422-status.json", HttpStatusCode.UnprocessableEntity, typeof(SpotValidationException), "BidPrice must be greater than or equal to the minimum bid price of 0.040000, but got 0.010000");
        yield return new TestCaseData("error-403-status.json", HttpStatusCode.Forbidden, typeof(SpotAuthenticationException), "cannot list resource \"spotnodepools\"");
        yield return new TestCaseData("error-404-status.json", HttpStatusCode.BadRequest, typeof(SpotValidationException), "(HTTP 400 NotFound)");
        yield return new TestCaseData("error-404-status.json", HttpStatusCode.NotImplemented, typeof(SpotException), "(HTTP 501 NotFound)");
    }

    [TestCaseSource(nameof(Statuses))]
    public void Status_bodies_become_typed_exceptions_with_the_server_message(string sample, HttpStatusCode status, Type expected, string message)
    {
        Api.Sample(HttpMethod.Get, CloudSpace, sample, status);

        var error = Assert.ThrowsAsync(Is.InstanceOf<SpotException>(), () => Call(() => Client.CloudSpaces.GetAsync("nope", null, default)))!;

        Assert.Multiple(() =>
        {
            Assert.That(error, Is.TypeOf(expected));
            Assert.That(((SpotException)error).StatusCode, Is.EqualTo(status));
            Assert.That(error.Message, Does.Contain(message));
            Assert.That(((SpotException)error).RequestId, Has.Length.EqualTo(32), "every call carries a request id");
        });
    }

    [Test]
    public void A_non_spot_error_body_is_an_unexpected_reply_with_a_masked_excerpt()
    {
        var leaked = TestJwt.Create(Clock.GetUtcNow());
        Api.Sequence(HttpMethod.Get, CloudSpace, (HttpStatusCode.NotFound, $"<html>proxy says no for {leaked}</html>\n<body>...</body>"));

        var error = Assert.ThrowsAsync<SpotException>(() => Call(() => Client.CloudSpaces.GetAsync("nope", null, default)))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Does.StartWith("unexpected reply from ").And.Contain("(HTTP 404, "));
            Assert.That(error.Message, Does.Contain("proxy says no for <redacted>").And.Not.Contain(leaked));
            Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(error.Reason, Is.EqualTo("UnexpectedReply"));
        });
    }

    [Test]
    public void Cancellation_surfaces_as_OperationCanceledException_not_a_SpotException()
    {
        Api.Sample(HttpMethod.Get, CloudSpace, "cloudspace.json");
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.That(() => Call(() => Client.CloudSpaces.GetAsync("nope", null, cancelled.Token)), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(Api.ApiRequests, Is.Empty);
    }

    [Test]
    public void Cancelling_during_a_retry_wait_stops_the_call()
    {
        using var cancel = new CancellationTokenSource();
        Api.Sequence(HttpMethod.Get, CloudSpace, () =>
        {
            cancel.Cancel();
            return FakeSpotApi.Status(HttpStatusCode.ServiceUnavailable, "ServiceUnavailable", "busy");
        });

        Assert.That(() => Call(() => Client.CloudSpaces.GetAsync("nope", null, cancel.Token)), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(Api.ApiRequests, Has.Count.EqualTo(1));
    }

    [Test]
    public void A_disposed_client_refuses_calls()
    {
        Client.Dispose();

        Assert.That(() => Call(() => Client.Regions.ListAsync(default)), Throws.InstanceOf<ObjectDisposedException>());
    }
}
