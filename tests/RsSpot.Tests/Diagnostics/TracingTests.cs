using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using RsSpot.Http;
using RsSpot.Tests.Support;

namespace RsSpot.Tests.Diagnostics;

/// <summary>Every SDK operation is one span of the "RsSpot" ActivitySource, tagged with status and retries.</summary>
public sealed class TracingTests(bool isAsync) : ClientTestBase(isAsync)
{
    private const string Regions = "/apis/ngpc.rxt.io/v1/regions";
    private const string CloudSpaces = "/apis/ngpc.rxt.io/v1/namespaces/org-xy3kq9lmn2pr7stu/cloudspaces";

    private static readonly ActivitySource TestSource = new("RsSpot.Tests.Tracing");
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private ActivityListener _listener = null!;
    private Activity _root = null!;

    [SetUp]
    public void Listen()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is SpotTelemetry.SourceName or "RsSpot.Tests.Tracing",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
        // Listeners are process-wide: a root span of our own keeps other tests' spans out of the assertions.
        _root = TestSource.StartActivity("test")!;
    }

    [TearDown]
    public void StopListening()
    {
        _root.Dispose();
        _listener.Dispose();
    }

    private List<Activity> Spans => _stopped.Where(a => a.TraceId == _root.TraceId && a.Source.Name == SpotTelemetry.SourceName).ToList();

    [Test]
    public async Task A_retried_operation_is_one_span_named_after_it_with_status_and_retry_count()
    {
        Api.Sequence(
            HttpMethod.Get,
            Regions,
            () => FakeSpotApi.Status(HttpStatusCode.ServiceUnavailable, "ServiceUnavailable", "busy"),
            () => FakeSpotApi.Respond(HttpStatusCode.OK, SampleData.Read("regions.json")));

        await Call(() => Client.Regions.ListAsync(default));

        var span = Spans.Single();
        Assert.Multiple(() =>
        {
            Assert.That(span.DisplayName, Is.EqualTo("Regions.List"));
            Assert.That(span.Kind, Is.EqualTo(ActivityKind.Client));
            Assert.That(span.GetTagItem(SpotTelemetry.StatusCodeTag), Is.EqualTo(200));
            Assert.That(span.GetTagItem(SpotTelemetry.RetryCountTag), Is.EqualTo(1));
            Assert.That(span.Status, Is.EqualTo(ActivityStatusCode.Unset));
        });
    }

    [Test]
    public void A_failed_operation_has_error_status_type_and_http_status()
    {
        Api.Sequence(HttpMethod.Get, Regions + "/nowhere", () => FakeSpotApi.Status(HttpStatusCode.NotFound, "NotFound", "regions \"nowhere\" not found"));

        Assert.ThrowsAsync<SpotNotFoundException>(() => Call(() => Client.Regions.GetAsync("nowhere", default)));

        var span = Spans.Single();
        Assert.Multiple(() =>
        {
            Assert.That(span.DisplayName, Is.EqualTo("Regions.Get"));
            Assert.That(span.Status, Is.EqualTo(ActivityStatusCode.Error));
            Assert.That(span.StatusDescription, Does.Contain("not found"));
            Assert.That(span.GetTagItem(SpotTelemetry.ErrorTypeTag), Is.EqualTo(nameof(SpotNotFoundException)));
            Assert.That(span.GetTagItem(SpotTelemetry.StatusCodeTag), Is.EqualTo(404));
        });
    }

    [Test]
    public async Task Work_an_operation_does_on_the_way_stays_inside_its_one_span()
    {
        Api.Sample(HttpMethod.Get, CloudSpaces, "cloudspaces.json");
        UseClient(Options(o => (o.Org, o.OrgId) = (null, null)));
        Api.Sample(HttpMethod.Get, "/apis/auth.ngpc.rxt.io/v1/organizations", "organizations.json");

        await Call(() => Client.CloudSpaces.ListAsync(null, default));

        Assert.That(Spans.Select(s => s.DisplayName), Is.EqualTo(new[] { "CloudSpaces.List" }));
    }

    [TestCase("/src/RsSpot/Operations/CloudSpacesOperations.cs", "ListAsync", ExpectedResult = "CloudSpaces.List")]
    [TestCase(@"C:\src\RsSpot\Operations\SpotNodePoolsOperations.cs", "CreateAsync", ExpectedResult = "SpotNodePools.Create")]
    [TestCase("OnDemandNodePoolsOperations", "DeleteAsync", ExpectedResult = "OnDemandNodePools.Delete")]
    [TestCase("/src/RsSpot/Internal/ClientCommon.cs", "AuthenticateAsync", ExpectedResult = "Client.Authenticate")]
    public string Span_names_come_from_the_calling_operation(string file, string member) => SpotTelemetry.OperationName(file, member);
}
