using System.Net;
using Newtonsoft.Json.Linq;
using RichardSzalay.MockHttp;
using RsSpot.Models;
using RsSpot.Tests.Support;

namespace RsSpot.Tests.Client;

/// <summary>
/// Creates whose outcome is unknown (a 5xx, a reset after sending) are read back by name before anything else
/// happens: found as requested → success, absent → sent again, found different → a conflict naming it.
/// </summary>
public class CreateReconciliationTests(bool isAsync) : ClientTestBase(isAsync)
{
    private const string SpotPools = "/apis/ngpc.rxt.io/v1/namespaces/org-xy3kq9lmn2pr7stu/spotnodepools";

    [SetUp]
    public void ServeTheServerClass() =>
        Api.Sample(HttpMethod.Get, "/apis/ngpc.rxt.io/v1/serverclasses/gp.vs1.medium-dfw", "serverclass.json");

    [Test]
    public async Task A_create_answered_5xx_that_was_not_applied_is_read_back_and_sent_again()
    {
        Api.Sequence(HttpMethod.Post, SpotPools, Fail(HttpStatusCode.InternalServerError), Ok("spotnodepool.json"));
        Api.Sequence(HttpMethod.Get, SpotPools + "/*", () => FakeSpotApi.Status(HttpStatusCode.NotFound, "NotFound", "not found"));

        await Call(() => Client.SpotNodePools.CreateAsync(NewPool(), null, default));

        var requests = Api.ApiRequests.Where(r => r.Uri.AbsolutePath.StartsWith(SpotPools, StringComparison.Ordinal)).Select(r => r.Method.Method).ToList();
        Assert.That(requests, Is.EqualTo(new[] { "POST", "GET", "POST" }), "read back by name, absent, sent again");
        var names = Api.ApiRequests.Where(r => r.Method == HttpMethod.Post && r.Uri.AbsolutePath == SpotPools).Select(r => JObject.Parse(r.Body!)["metadata"]!["name"]!.ToString()).Distinct();
        Assert.That(names.Count(), Is.EqualTo(1), "every attempt carries the same name");
    }

    [Test]
    public async Task A_create_answered_5xx_after_it_was_applied_succeeds_from_the_read_back()
    {
        string? posted = null;
        Api.Sequence(HttpMethod.Post, SpotPools, Fail(HttpStatusCode.ServiceUnavailable));
        Api.Handler.When(HttpMethod.Get, FakeSpotApi.BaseUrl + SpotPools + "/*").Respond(() =>
        {
            posted = Api.ApiRequests.Last(r => r.Method == HttpMethod.Post).Body;
            return Task.FromResult(FakeSpotApi.Respond(HttpStatusCode.OK, posted!));
        });

        var pool = await Call(() => Client.SpotNodePools.CreateAsync(NewPool(), null, default));

        Assert.Multiple(() =>
        {
            Assert.That(Api.ApiRequests.Count(r => r.Method == HttpMethod.Post), Is.EqualTo(1), "never sent twice");
            Assert.That(pool.Name, Is.EqualTo(JObject.Parse(posted!)["metadata"]!["name"]!.ToString()));
        });
    }

    [Test]
    public void A_create_whose_name_holds_another_spec_is_a_conflict_naming_it()
    {
        Api.Sequence(HttpMethod.Post, SpotPools, () => FakeSpotApi.Status(HttpStatusCode.Conflict, "AlreadyExists", "already exists"));
        Api.Sample(HttpMethod.Get, SpotPools + "/5f0c8a2e-3b1d-4c7e-9a6f-2d8e1b4c7a90", "spotnodepool.json");

        var named = NewPool() with { Name = "5f0c8a2e-3b1d-4c7e-9a6f-2d8e1b4c7a90" };

        var error = Assert.ThrowsAsync<SpotConflictException>(() => Call(() => Client.SpotNodePools.CreateAsync(named, null, default)))!;

        Assert.That(error.Message, Does.Contain("a spot pool named '5f0c8a2e-3b1d-4c7e-9a6f-2d8e1b4c7a90' already exists with a different spec (")
            .And.Contain("desired").And.Contain("customLabels.team"));
    }

    [Test]
    public async Task A_create_whose_connection_dropped_after_sending_is_read_back_before_it_is_resent()
    {
        Api.Sequence(HttpMethod.Post, SpotPools, () => throw new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely."), Ok("spotnodepool.json"));
        Api.Sequence(HttpMethod.Get, SpotPools + "/*", () => FakeSpotApi.Status(HttpStatusCode.NotFound, "NotFound", "not found"));

        await Call(() => Client.SpotNodePools.CreateAsync(NewPool(), null, default));

        var requests = Api.ApiRequests.Where(r => r.Uri.AbsolutePath.StartsWith(SpotPools, StringComparison.Ordinal)).Select(r => r.Method.Method).ToList();
        Assert.That(requests, Is.EqualTo(new[] { "POST", "GET", "POST" }));
    }

    [Test]
    public async Task A_rerun_of_a_create_that_failed_reuses_its_generated_name_and_finds_what_it_made()
    {
        var home = Directory.CreateTempSubdirectory("rsspot-reconcile-").FullName;
        try
        {
            UseClient(Options(o =>
            {
                o.UseStateStore = true;
                o.StatePath = Path.Combine(home, "state.db");
            }));
            Api.Sequence(HttpMethod.Post, SpotPools, Fail(HttpStatusCode.ServiceUnavailable));
            Api.Sequence(HttpMethod.Get, SpotPools + "/*", () => FakeSpotApi.Status(HttpStatusCode.NotFound, "NotFound", "not found"));

            Assert.ThrowsAsync<SpotException>(() => Call(() => Client.SpotNodePools.CreateAsync(NewPool(), null, default)));
            var firstRun = PostedNames();
            Assert.ThrowsAsync<SpotException>(() => Call(() => Client.SpotNodePools.CreateAsync(NewPool(), null, default)));
            var other = NewPool() with { Desired = 7 };
            Assert.ThrowsAsync<SpotException>(() => Call(() => Client.SpotNodePools.CreateAsync(other, null, default)));

            var names = PostedNames();
            Assert.Multiple(() =>
            {
                Assert.That(firstRun.Distinct().Count(), Is.EqualTo(1), "one name across the attempts of one run");
                Assert.That(names.Take(6).Distinct().Count(), Is.EqualTo(1), "the re-run reuses the unsettled name");
                Assert.That(names.Skip(6).Distinct().Single(), Is.Not.EqualTo(names[0]), "another spec gets its own name");
            });
        }
        finally
        {
            Client.Dispose();
            Directory.Delete(home, recursive: true);
        }
    }

    private List<string> PostedNames() => Api.ApiRequests
        .Where(r => r.Method == HttpMethod.Post && r.Uri.AbsolutePath == SpotPools)
        .Select(r => JObject.Parse(r.Body!)["metadata"]!["name"]!.ToString())
        .ToList();

    private static Func<HttpResponseMessage> Fail(HttpStatusCode status) => () => FakeSpotApi.Status(status, status.ToString(), "try again");

    private static Func<HttpResponseMessage> Ok(string sample) => () => FakeSpotApi.Respond(HttpStatusCode.OK, SampleData.Read(sample));

    private static CreateSpotNodePoolRequest NewPool() => new() { CloudSpace = "demo-dfw", ServerClass = "gp.vs1.medium-dfw", BidPrice = "0.003" }; // within 3x the sample market price (0.001)
}
