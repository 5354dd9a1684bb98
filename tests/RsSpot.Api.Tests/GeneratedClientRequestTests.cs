using System.Net;
using Newtonsoft.Json.Linq;
using RichardSzalay.MockHttp;

namespace RsSpot.Api.Tests;

/// <summary>
/// One request per operation of openapi/rackspace-spot.json through the generated client: method, path, query,
/// content type and body are exactly what the Spot API expects.
/// </summary>
public class GeneratedClientRequestTests
{
    private const string Ns = "org-xy3kq9lmn2pr7stu";
    private const string Api = "apis/ngpc.rxt.io/v1";
    private const string Pool = "5f0c8a2e-3b1d-4c7e-9a6f-2d8e1b4c7a90";

    /// <summary>An expected request and the call that should produce it.</summary>
    public sealed record RequestCase(string OperationId, string Method, string PathAndQuery, string? ContentType, string? Body, string ResponseSample, Func<HttpClient, Task> Call);

    private static IEnumerable<TestCaseData> Cases()
    {
        var cloudspace = Samples.Read("cloudspace-create-request.json");
        var spotPool = Samples.Read("spotnodepool-create-request.json");
        var patch = Samples.Read("spotnodepool-patch-request.json");
        var kubeconfig = Samples.Read("generate-kubeconfig-request.json");
        T Model<T>(string json) => Newtonsoft.Json.JsonConvert.DeserializeObject<T>(json, SpotJson.CreateSettings())!;

        RequestCase[] cases =
        [
            new("Auth_GetToken", "POST", "/oauth/token", "application/x-www-form-urlencoded", "grant_type=refresh_token&client_id=cid&refresh_token=rt", "oauth-token.json",
                h => new AuthClient(h).GetTokenAsync(new TokenRequest { Grant_type = "refresh_token", Client_id = "cid", Refresh_token = "rt" })),
            new("Kubeconfig_Generate", "POST", "/apis/auth.ngpc.rxt.io/v1/generate-kubeconfig", "application/json", kubeconfig, "generate-kubeconfig-response.json",
                h => new KubeconfigClient(h).GenerateAsync(Model<KubeconfigRequest>(kubeconfig))),
            new("Organizations_List", "GET", "/apis/auth.ngpc.rxt.io/v1/organizations", null, null, "organizations.json", h => new OrganizationsClient(h).ListAsync()),
            new("Regions_List", "GET", $"/{Api}/regions", null, null, "regions.json", h => new RegionsClient(h).ListAsync()),
            new("Regions_Get", "GET", $"/{Api}/regions/us-central-dfw-1", null, null, "region.json", h => new RegionsClient(h).GetAsync("us-central-dfw-1")),
            new("ServerClasses_List", "GET", $"/{Api}/serverclasses", null, null, "serverclasses.json", h => new ServerClassesClient(h).ListAsync()),
            new("ServerClasses_Get", "GET", $"/{Api}/serverclasses/gp.vs1.medium-dfw", null, null, "serverclass.json", h => new ServerClassesClient(h).GetAsync("gp.vs1.medium-dfw")),
            new("CloudSpaces_List", "GET", $"/{Api}/namespaces/{Ns}/cloudspaces", null, null, "cloudspaces.json", h => new CloudSpacesClient(h).ListAsync(Ns)),
            new("CloudSpaces_Create", "POST", $"/{Api}/namespaces/{Ns}/cloudspaces", "application/json", cloudspace, "cloudspace.json",
                h => new CloudSpacesClient(h).CreateAsync(Ns, Model<CloudSpace>(cloudspace))),
            new("CloudSpaces_DeleteCollection", "DELETE", $"/{Api}/namespaces/{Ns}/cloudspaces", null, null, "delete-status.json", h => new CloudSpacesClient(h).DeleteCollectionAsync(Ns)),
            new("CloudSpaces_Get", "GET", $"/{Api}/namespaces/{Ns}/cloudspaces/demo-dfw", null, null, "cloudspace.json", h => new CloudSpacesClient(h).GetAsync(Ns, "demo-dfw")),
            new("CloudSpaces_Replace", "PUT", $"/{Api}/namespaces/{Ns}/cloudspaces/demo-dfw", "application/json", cloudspace, "cloudspace.json",
                h => new CloudSpacesClient(h).ReplaceAsync(Ns, "demo-dfw", Model<CloudSpace>(cloudspace))),
            new("CloudSpaces_Patch", "PATCH", $"/{Api}/namespaces/{Ns}/cloudspaces/demo-dfw", "application/merge-patch+json", """{"spec":{"kubernetesVersion":"1.32.9"}}""", "cloudspace.json",
                h => new CloudSpacesClient(h).PatchAsync(Ns, "demo-dfw", new CloudSpacePatch { Spec = new CloudSpacePatchSpec { KubernetesVersion = "1.32.9" } })),
            new("CloudSpaces_Delete", "DELETE", $"/{Api}/namespaces/{Ns}/cloudspaces/demo-dfw", null, null, "delete-status.json", h => new CloudSpacesClient(h).DeleteAsync(Ns, "demo-dfw")),
            new("SpotNodePools_List", "GET", $"/{Api}/namespaces/{Ns}/spotnodepools?labelSelector=ngpc.rxt.io%2Fcloudspace%3Ddemo-dfw", null, null, "spotnodepools.json",
                h => new SpotNodePoolsClient(h).ListAsync(Ns, "ngpc.rxt.io/cloudspace=demo-dfw")),
            new("SpotNodePools_Create", "POST", $"/{Api}/namespaces/{Ns}/spotnodepools", "application/json", spotPool, "spotnodepool.json",
                h => new SpotNodePoolsClient(h).CreateAsync(Ns, Model<SpotNodePool>(spotPool))),
            new("SpotNodePools_DeleteCollection", "DELETE", $"/{Api}/namespaces/{Ns}/spotnodepools?labelSelector=a%3Db", null, null, "delete-status.json",
                h => new SpotNodePoolsClient(h).DeleteCollectionAsync(Ns, "a=b")),
            new("SpotNodePools_Get", "GET", $"/{Api}/namespaces/{Ns}/spotnodepools/{Pool}", null, null, "spotnodepool.json", h => new SpotNodePoolsClient(h).GetAsync(Ns, Pool)),
            new("SpotNodePools_Replace", "PUT", $"/{Api}/namespaces/{Ns}/spotnodepools/{Pool}", "application/json", spotPool, "spotnodepool.json",
                h => new SpotNodePoolsClient(h).ReplaceAsync(Ns, Pool, Model<SpotNodePool>(spotPool))),
            new("SpotNodePools_Patch", "PATCH", $"/{Api}/namespaces/{Ns}/spotnodepools/{Pool}", "application/merge-patch+json", patch, "spotnodepool.json",
                h => new SpotNodePoolsClient(h).PatchAsync(Ns, Pool, Model<SpotNodePoolPatch>(patch))),
            new("SpotNodePools_Delete", "DELETE", $"/{Api}/namespaces/{Ns}/spotnodepools/{Pool}", null, null, "delete-status.json", h => new SpotNodePoolsClient(h).DeleteAsync(Ns, Pool)),
            new("OnDemandNodePools_List", "GET", $"/{Api}/namespaces/{Ns}/ondemandnodepools", null, null, "ondemandnodepools.json", h => new OnDemandNodePoolsClient(h).ListAsync(Ns)),
            new("OnDemandNodePools_Create", "POST", $"/{Api}/namespaces/{Ns}/ondemandnodepools", "application/json", """{"metadata":{"name":"p"},"spec":{"serverClass":"c","cloudSpace":"s","desired":1}}""", "ondemandnodepools.json",
                h => new OnDemandNodePoolsClient(h).CreateAsync(Ns, new OnDemandNodePool { Metadata = new ObjectMeta { Name = "p" }, Spec = new OnDemandNodePoolSpec { ServerClass = "c", CloudSpace = "s", Desired = 1 } })),
            new("OnDemandNodePools_DeleteCollection", "DELETE", $"/{Api}/namespaces/{Ns}/ondemandnodepools", null, null, "delete-status.json", h => new OnDemandNodePoolsClient(h).DeleteCollectionAsync(Ns)),
            new("OnDemandNodePools_Get", "GET", $"/{Api}/namespaces/{Ns}/ondemandnodepools/p", null, null, "ondemandnodepools.json", h => new OnDemandNodePoolsClient(h).GetAsync(Ns, "p")),
            new("OnDemandNodePools_Replace", "PUT", $"/{Api}/namespaces/{Ns}/ondemandnodepools/p", "application/json", """{"metadata":{"name":"p","resourceVersion":"7"},"spec":{"serverClass":"c","cloudSpace":"s","desired":2}}""", "ondemandnodepools.json",
                h => new OnDemandNodePoolsClient(h).ReplaceAsync(Ns, "p", new OnDemandNodePool { Metadata = new ObjectMeta { Name = "p", ResourceVersion = "7" }, Spec = new OnDemandNodePoolSpec { ServerClass = "c", CloudSpace = "s", Desired = 2 } })),
            new("OnDemandNodePools_Patch", "PATCH", $"/{Api}/namespaces/{Ns}/ondemandnodepools/p", "application/merge-patch+json", """{"spec":{"desired":4}}""", "ondemandnodepools.json",
                h => new OnDemandNodePoolsClient(h).PatchAsync(Ns, "p", new OnDemandNodePoolPatch { Spec = new OnDemandNodePoolPatchSpec { Desired = 4 } })),
            new("OnDemandNodePools_Delete", "DELETE", $"/{Api}/namespaces/{Ns}/ondemandnodepools/p", null, null, "delete-status.json", h => new OnDemandNodePoolsClient(h).DeleteAsync(Ns, "p")),
            new("VmCloudSpaces_List", "GET", $"/{Api}/namespaces/{Ns}/vmcloudspaces", null, null, "cloudspaces.json", h => new VmCloudSpacesClient(h).ListAsync(Ns)),
            new("VmCloudSpaces_Get", "GET", $"/{Api}/namespaces/{Ns}/vmcloudspaces/vms", null, null, "cloudspace.json", h => new VmCloudSpacesClient(h).GetAsync(Ns, "vms")),
            new("VmPools_List", "GET", $"/{Api}/namespaces/{Ns}/vmpools?labelSelector=ngpc.rxt.io%2Fvmcloudspace%3Dvms", null, null, "spotnodepools.json",
                h => new VmPoolsClient(h).ListAsync(Ns, "ngpc.rxt.io/vmcloudspace=vms")),
            new("VmPools_Get", "GET", $"/{Api}/namespaces/{Ns}/vmpools/vp", null, null, "spotnodepool.json", h => new VmPoolsClient(h).GetAsync(Ns, "vp")),
            new("Events_ListOrganizationEvents", "GET", "/apis/metrics.ngpc.rxt.io/v1/events/organizations?limits=25", null, null, "organizations.json",
                h => new EventsClient(h).ListOrganizationEventsAsync(25)),
            new("PriceFeeds_GetHistory", "GET", "/history/gp.vs1.medium-dfw", null, null, "price-history.json", h => new PriceFeedsClient(h).GetHistoryAsync("gp.vs1.medium-dfw")),
            new("PriceFeeds_GetPercentiles", "GET", "/percentiles.json", null, null, "percentiles.json", h => new PriceFeedsClient(h).GetPercentilesAsync()),
            new("PriceFeeds_GetComparablePrices", "GET", "/comparable_prices.json", null, null, "comparable-prices.json", h => new PriceFeedsClient(h).GetComparablePricesAsync()),
        ];
        return cases.Select(c => new TestCaseData(c).SetName($"Request({c.OperationId})"));
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Operation_sends_the_expected_request(RequestCase c)
    {
        using var mock = new MockHttpMessageHandler();
        HttpRequestMessage? seen = null;
        string? seenBody = null;
        mock.Fallback.Respond(async request =>
        {
            seen = request;
            seenBody = request.Content is null ? null : await request.Content.ReadAsStringAsync().ConfigureAwait(false);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Samples.Read(c.ResponseSample), System.Text.Encoding.UTF8, "application/json") };
        });
        using var http = new HttpClient(mock) { BaseAddress = new Uri("https://spot.example.test/") };

        await c.Call(http);

        Assert.That(seen, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(seen!.Method.Method, Is.EqualTo(c.Method));
            Assert.That(seen.RequestUri!.PathAndQuery, Is.EqualTo(c.PathAndQuery));
            Assert.That(seen.Headers.Accept.ToString(), Is.EqualTo("application/json"));
            Assert.That(seen.Content?.Headers.ContentType?.MediaType, Is.EqualTo(c.ContentType));
            if (c.Body is null)
            {
                Assert.That(seenBody, Is.Null);
            }
            else if (c.ContentType == "application/x-www-form-urlencoded")
            {
                Assert.That(seenBody, Is.EqualTo(c.Body));
            }
            else
            {
                Assert.That(JToken.DeepEquals(Samples.Parse(seenBody!), Samples.Parse(c.Body)), Is.True, () => $"body was {seenBody}");
            }
        });
    }

    [Test]
    public void Every_operation_of_the_document_has_a_request_case()
    {
        var document = JObject.Parse(File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "rackspace-spot.json")));
        var operationIds = document["paths"]!.Children<JProperty>()
            .SelectMany(p => p.Value.Children<JProperty>())
            .Select(op => (string)op.Value["operationId"]!)
            .ToList();
        var covered = Cases().Select(c => ((RequestCase)c.Arguments[0]!).OperationId).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(operationIds, Has.Count.EqualTo(36));
            Assert.That(covered, Is.EquivalentTo(operationIds));
        });
    }

    [Test]
    public void Error_status_surfaces_as_a_typed_exception_with_the_Status_body()
    {
        using var mock = new MockHttpMessageHandler();
        mock.Fallback.Respond(HttpStatusCode.NotFound, "application/json", Samples.Read("error-404-status.json"));
        using var http = new HttpClient(mock) { BaseAddress = new Uri("https://spot.example.test/") };

        var error = Assert.ThrowsAsync<SpotApiException<Status>>(() => new CloudSpacesClient(http).GetAsync(Ns, "nope"));

        Assert.Multiple(() =>
        {
            Assert.That(error!.StatusCode, Is.EqualTo(404));
            Assert.That(error.Result.Reason, Is.EqualTo("NotFound"));
            Assert.That(error.Result.Message, Is.EqualTo("cloudspaces.ngpc.rxt.io \"nope\" not found"));
        });
    }
}
