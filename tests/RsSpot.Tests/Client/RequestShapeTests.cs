using Newtonsoft.Json.Linq;
using RsSpot.Models;
using RsSpot.Tests.Support;

namespace RsSpot.Tests.Client;

/// <summary>What the facade puts on the wire for each kind of operation.</summary>
public class RequestShapeTests(bool isAsync) : ClientTestBase(isAsync)
{
    private const string Ns = "/apis/ngpc.rxt.io/v1/namespaces/org-xy3kq9lmn2pr7stu";
    private const string Pool = "5f0c8a2e-3b1d-4c7e-9a6f-2d8e1b4c7a90";

    [Test]
    public async Task An_update_sends_only_the_fields_the_caller_set()
    {
        Api.Sample(HttpMethod.Patch, $"{Ns}/spotnodepools/{Pool}", "spotnodepool.json");

        await Call(() => Client.SpotNodePools.UpdateAsync(Pool, new UpdateSpotNodePoolRequest { Desired = 5 }, null, null, default));

        var patch = Api.ApiRequests.Single(r => r.Method == HttpMethod.Patch);
        Assert.That(patch.ContentType, Is.EqualTo("application/merge-patch+json"));
        Assert.That(JToken.DeepEquals(JToken.Parse(patch.Body!), JToken.Parse("""{"spec":{"desired":5}}""")), Is.True, patch.Body);
    }

    [Test]
    public async Task A_bid_update_is_checked_against_the_pools_class_and_sent_bare()
    {
        Api.Sample(HttpMethod.Get, $"{Ns}/spotnodepools/{Pool}", "spotnodepool.json");
        Api.Sample(HttpMethod.Get, "/apis/ngpc.rxt.io/v1/serverclasses/gp.vs1.medium-dfw", "serverclass.json");
        Api.Sample(HttpMethod.Patch, $"{Ns}/spotnodepools/{Pool}", "spotnodepool.json");

        await Call(() => Client.SpotNodePools.UpdateAsync(Pool, new UpdateSpotNodePoolRequest { BidPrice = "$0.003" }, null, null, default));

        var patch = Api.ApiRequests.Single(r => r.Method == HttpMethod.Patch);
        Assert.That(JToken.DeepEquals(JToken.Parse(patch.Body!), JToken.Parse("""{"spec":{"bidPrice":"0.003"}}""")), Is.True, patch.Body);
    }

    [TestCase("0.0055")]
    [TestCase("-1")]
    [TestCase("0")]
    [TestCase("1e-3")]
    [TestCase("abc")]
    public void Malformed_bids_are_refused_before_any_request(string bid)
    {
        var error = Assert.ThrowsAsync<SpotValidationException>(() => Call(() => Client.SpotNodePools.CreateAsync(
            new CreateSpotNodePoolRequest { CloudSpace = "demo-dfw", ServerClass = "gp.vs1.medium-dfw", BidPrice = bid }, null, default)));

        Assert.That(error!.Message, Does.Contain("at most three decimal places"));
        Assert.That(Api.ApiRequests, Is.Empty);
    }

    [Test]
    public async Task A_created_spot_pool_carries_a_uuid_name_the_cloudspace_label_and_the_full_spec()
    {
        Api.Sample(HttpMethod.Get, "/apis/ngpc.rxt.io/v1/serverclasses/gp.vs1.medium-dfw", "serverclass.json");
        Api.Sample(HttpMethod.Post, $"{Ns}/spotnodepools", "spotnodepool.json");

        await Call(() => Client.SpotNodePools.CreateAsync(new CreateSpotNodePoolRequest { CloudSpace = "demo-dfw", ServerClass = "gp.vs1.medium-dfw", BidPrice = "0.003" }, null, default));

        var body = JObject.Parse(Api.ApiRequests.Single(r => r.Method == HttpMethod.Post).Body!);
        Assert.Multiple(() =>
        {
            Assert.That((string?)body["metadata"]!["name"], Does.Match("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
            Assert.That((string?)body["metadata"]!["namespace"], Is.EqualTo("org-xy3kq9lmn2pr7stu"));
            Assert.That((string?)body["metadata"]!["labels"]!["ngpc.rxt.io/cloudspace"], Is.EqualTo("demo-dfw"));
            Assert.That((string?)body["spec"]!["bidPrice"], Is.EqualTo("0.003"));
            Assert.That((int?)body["spec"]!["desired"], Is.EqualTo(1));
            Assert.That((bool?)body["spec"]!["autoscaling"]!["enabled"], Is.False);
            Assert.That((string?)body["kind"], Is.EqualTo("SpotNodePool"));
        });
    }

    [Test]
    public async Task Pools_of_one_cloudspace_are_listed_with_a_label_selector()
    {
        Api.Sample(HttpMethod.Get, $"{Ns}/ondemandnodepools", "ondemandnodepools.json");

        var pools = await Call(() => Client.OnDemandNodePools.ListAsync("demo-dfw", null, default));

        Assert.That(Api.ApiRequests.Single().Uri.Query, Is.EqualTo("?labelSelector=ngpc.rxt.io%2Fcloudspace%3Ddemo-dfw"));
        Assert.That(pools.Single().ReservedCount, Is.EqualTo(1));
    }

    [Test]
    public async Task Kubeconfig_is_requested_with_the_org_name_and_the_refresh_token_without_a_bearer()
    {
        Api.Sample(HttpMethod.Get, "/apis/auth.ngpc.rxt.io/v1/organizations", "organizations.json");
        Api.Sample(HttpMethod.Post, "/apis/auth.ngpc.rxt.io/v1/generate-kubeconfig", "generate-kubeconfig-response.json");

        var kubeconfig = await Call(() => Client.CloudSpaces.GetKubeconfigAsync("demo-dfw", null, default));

        var request = Api.ApiRequests.Single(r => r.Method == HttpMethod.Post);
        Assert.Multiple(() =>
        {
            Assert.That(kubeconfig, Does.StartWith("apiVersion: v1"));
            Assert.That(JToken.DeepEquals(JToken.Parse(request.Body!), JToken.Parse($$"""{"organization_name":"acme-corp","cloudspace_name":"demo-dfw","refresh_token":"{{FakeSpotApi.RefreshToken}}"}""")), Is.True);
            Assert.That(request.BearerToken, Is.Null);
        });
    }

    [Test]
    public async Task An_org_name_is_resolved_to_its_namespace_once_per_client()
    {
        UseClient(Options(o => o.Org = "acme-staging"));
        Api.Sample(HttpMethod.Get, "/apis/auth.ngpc.rxt.io/v1/organizations", "organizations.json");
        Api.Sample(HttpMethod.Get, "/apis/ngpc.rxt.io/v1/namespaces/org-ab12cd34ef56gh78/cloudspaces", "cloudspaces.json");

        await Call(() => Client.CloudSpaces.ListAsync(null, default));
        await Call(() => Client.CloudSpaces.ListAsync(null, default));

        Assert.That(Api.ApiRequests.Count(r => r.Uri.AbsolutePath.EndsWith("/organizations", StringComparison.Ordinal)), Is.EqualTo(1));
    }

    [Test]
    public async Task Without_a_configured_org_the_token_org_is_used()
    {
        UseClient(Options(o => o.Org = null));
        Api.Sample(HttpMethod.Get, $"{Ns}/cloudspaces", "cloudspaces.json");

        var cloudSpaces = await Call(() => Client.CloudSpaces.ListAsync(null, default));

        Assert.That(cloudSpaces, Is.Not.Empty);
    }

    [Test]
    public void An_unknown_org_name_lists_the_ones_available()
    {
        Api.Sample(HttpMethod.Get, "/apis/auth.ngpc.rxt.io/v1/organizations", "organizations.json");

        var error = Assert.ThrowsAsync<SpotNotFoundException>(() => Call(() => Client.CloudSpaces.ListAsync("wrong-org", default)));

        Assert.That(error!.Message, Is.EqualTo("organization 'wrong-org' not found; yours are: acme-corp, acme-staging"));
    }

    [Test]
    public async Task Raw_requests_are_authenticated_and_return_json()
    {
        Api.Sample(HttpMethod.Get, "/apis/ngpc.rxt.io/v1/regions", "regions.json");

        var json = await Call(() => Client.RawAsync(HttpMethod.Get, "/apis/ngpc.rxt.io/v1/regions", null, null, default));

        Assert.That(json!["items"]!.Count(), Is.EqualTo(8));
        Assert.That(Api.ApiRequests.Single().BearerToken, Is.Not.Null);
    }

    [Test]
    public async Task Models_map_every_documented_field()
    {
        Api.Sample(HttpMethod.Get, "/apis/ngpc.rxt.io/v1/serverclasses/gp.vs1.medium-dfw", "serverclass.json");
        Api.Sample(HttpMethod.Get, $"{Ns}/cloudspaces/demo-dfw", "cloudspace.json");

        var serverClass = await Call(() => Client.ServerClasses.GetAsync("gp.vs1.medium-dfw", default));
        var cloudSpace = await Call(() => Client.CloudSpaces.GetAsync("demo-dfw", null, default));

        Assert.Multiple(() =>
        {
            Assert.That(serverClass.MinBidPricePerHour, Is.EqualTo(0.001m));
            Assert.That(serverClass.OnDemandPricePerHour, Is.EqualTo(0.023m));
            Assert.That(serverClass.Cpu, Is.EqualTo("2"));
            Assert.That(serverClass.IsAvailable, Is.True);
            Assert.That(cloudSpace.ApiServerEndpoint, Is.EqualTo("hcp-c7f3a5d2.spot.rackspace.com"));
            Assert.That(cloudSpace.SpotNodePools, Is.EqualTo(new[] { "5f0c8a2e-3b1d-4c7e-9a6f-2d8e1b4c7a90" }));
            Assert.That(cloudSpace.AssignedServers[0].Ip, Is.EqualTo("10.12.0.21"));
            Assert.That(cloudSpace.Raw!["status"]!["APIServerEndpoint"]!.ToString(), Is.EqualTo("hcp-c7f3a5d2.spot.rackspace.com"));
        });
    }
}
