using System.Globalization;
using Newtonsoft.Json.Linq;
using RsSpot.Emulator.Tests.Support;

namespace RsSpot.Emulator.Tests.Behaviour;

/// <summary>Server-side rules with the real status codes and wording: 400/401/403/404/409/415/422.</summary>
public sealed class ValidationTests
{
    private const string OtherPool = "6e5d4c3b-2a19-4f8e-9d7c-6b5a49382716";
    private EmulatorHost _host = null!;

    private SpotTestClient Client => _host.Client;

    [SetUp]
    public async Task StartAsync()
    {
        _host = await EmulatorHost.StartAsync(Transport.InProcess);
        await Client.LoginAsync();
        await Client.CreateCloudspaceAsync("demo");
    }

    [TearDown]
    public async Task StopAsync() => await _host.DisposeAsync();

    [Test]
    public async Task Creating_an_existing_cloudspace_is_a_409_already_exists()
    {
        var result = await Client.CreateCloudspaceAsync("demo");

        AssertStatus(result, 409, "AlreadyExists", "cloudspaces.ngpc.rxt.io \"demo\" already exists");
    }

    [Test]
    public async Task Reading_a_missing_cloudspace_is_a_404_not_found()
    {
        var result = await Client.GetAsync(SpotTestClient.Cloudspaces + "/nope");

        AssertStatus(result, 404, "NotFound", "cloudspaces.ngpc.rxt.io \"nope\" not found");
        Assert.That(result.Json["details"]!.Value<string>("kind"), Is.EqualTo("cloudspaces"));
    }

    [Test]
    public async Task A_cloudspace_without_region_and_with_an_invalid_name_is_a_422_listing_each_cause()
    {
        var body = Scenario.CloudspaceBody("Bad_Name");
        ((JObject)body["spec"]!).Remove("region");

        var result = await Client.SendAsync(HttpMethod.Post, SpotTestClient.Cloudspaces, body);

        Assert.That(result.Status, Is.EqualTo(422));
        Assert.That(result.Json.Value<string>("reason"), Is.EqualTo("Invalid"));
        Assert.That(result.Json["details"]!["causes"]!.Select(c => c.Value<string>("field")), Is.EqualTo(new[] { "metadata.name", "spec.region" }));
        Assert.That(result.Message, Does.StartWith("CloudSpace.ngpc.rxt.io \"Bad_Name\" is invalid: metadata.name: Invalid value: \"Bad_Name\""));
    }

    [Test]
    public async Task A_cloudspace_in_an_unknown_region_is_denied()
    {
        var result = await Client.CreateCloudspaceAsync("elsewhere", "mars-north-1");

        AssertStatus(result, 422, "Invalid", "admission webhook \"vcloudspace.kb.io\" denied the request: region \"mars-north-1\" is not a valid region");
    }

    [Test]
    public async Task A_pool_name_must_be_a_lowercase_uuid()
    {
        var result = await Client.CreateSpotPoolAsync("5F0C8A2E-3B1D-4C7E-9A6F-2D8E1B4C7A90", "demo");

        Assert.That(result.Status, Is.EqualTo(422));
        Assert.That(result.Message, Does.Contain("metadata.name: Invalid value: \"5F0C8A2E-3B1D-4C7E-9A6F-2D8E1B4C7A90\": must be a lowercase UUID"));
    }

    [TestCase("$0.050")]
    [TestCase("0.0501")]
    [TestCase("-1")]
    [TestCase("0")]
    [TestCase("abc")]
    public async Task A_bid_that_is_not_a_positive_bare_decimal_with_three_places_is_denied(string bid)
    {
        var result = await Client.CreateSpotPoolAsync(Scenario.SpotPool, "demo", bid: bid);

        AssertStatus(result, 422, "Invalid",
            "admission webhook \"vspotnodepool.kb.io\" denied the request: bidPrice can only be a positive number up to three decimal places");
    }

    [Test]
    public async Task A_bid_below_the_minimum_bid_is_denied_with_both_prices_to_six_places()
    {
        const string serverClass = "mh.vs1.2xlarge-dfw";
        var minimum = (await Client.GetAsync("apis/ngpc.rxt.io/v1/serverclasses/" + serverClass)).Json["spec"]!.Value<string>("minBidPricePerHour")!;

        var result = await Client.CreateSpotPoolAsync(Scenario.SpotPool, "demo", serverClass, "0.01");

        var expectedMinimum = decimal.Parse(minimum, CultureInfo.InvariantCulture).ToString("F6", CultureInfo.InvariantCulture);
        AssertStatus(result, 422, "Invalid",
            $"admission webhook \"vspotnodepool.kb.io\" denied the request: BidPrice must be greater than or equal to the minimum bid price of {expectedMinimum}, but got 0.010000");
    }

    [Test]
    public async Task Strict_bid_increments_reject_bids_off_the_half_cent_grid()
    {
        await using var strict = await EmulatorHost.StartAsync(Transport.InProcess, new SpotEmulatorOptions { ProvisioningDelay = TimeSpan.Zero, StrictBidIncrement = true });
        await strict.Client.LoginAsync();
        await strict.Client.CreateCloudspaceAsync("demo");

        var offGrid = await strict.Client.CreateSpotPoolAsync(Scenario.SpotPool, "demo", bid: "0.507");
        var onGrid = await strict.Client.CreateSpotPoolAsync(Scenario.SpotPool, "demo", bid: "0.505");

        Assert.That(offGrid.Message, Does.EndWith("bidPrice must be a multiple of 0.005, but got 0.507"));
        Assert.That(onGrid.Status, Is.EqualTo(201));
    }

    [Test]
    public async Task A_pool_needs_an_existing_cloudspace_and_a_server_class_of_its_region()
    {
        var noCloudspace = await Client.CreateSpotPoolAsync(Scenario.SpotPool, "ghost");
        var wrongRegion = await Client.CreateSpotPoolAsync(Scenario.SpotPool, "demo", "gp.vs1.medium-lon");
        var missingBid = await Client.SendAsync(HttpMethod.Post, SpotTestClient.SpotPools, RemoveSpecField(Scenario.SpotPoolBody(Scenario.SpotPool, "demo"), "bidPrice"));

        Assert.That(noCloudspace.Message, Is.EqualTo($"admission webhook \"vspotnodepool.kb.io\" denied the request: cloudspace \"ghost\" does not exist in namespace \"{SpotTestClient.Namespace}\""));
        Assert.That(wrongRegion.Message, Does.Contain("serverClass \"gp.vs1.medium-lon\" is not offered in region \"us-central-dfw-1\""));
        Assert.That(missingBid.Json["details"]!["causes"]![0]!.Value<string>("message"), Is.EqualTo("Required value"));
    }

    [Test]
    public async Task Only_one_autoscaling_spot_pool_is_allowed_per_cloudspace_and_it_needs_bounds()
    {
        var autoscaling = new { enabled = true, minNodes = 1, maxNodes = 5 };
        Assert.That((await Client.CreateSpotPoolAsync(Scenario.SpotPool, "demo", autoscaling: autoscaling)).Status, Is.EqualTo(201));

        var second = await Client.CreateSpotPoolAsync(OtherPool, "demo", autoscaling: autoscaling);
        var unbounded = await Client.CreateSpotPoolAsync(OtherPool, "demo", autoscaling: new { enabled = true });

        Assert.That(second.Message, Does.Contain("only one is allowed per cloudspace"));
        Assert.That(unbounded.Message, Does.Contain("minNodes and maxNodes are required when autoscaling is enabled"));
    }

    [Test]
    public async Task A_patch_must_be_a_merge_patch_else_415()
    {
        await Client.CreateSpotPoolAsync(Scenario.SpotPool, "demo");

        var result = await Client.SendAsync(HttpMethod.Patch, SpotTestClient.SpotPools + "/" + Scenario.SpotPool, new { spec = new { desired = 3 } });

        Assert.That(result.Status, Is.EqualTo(415));
        Assert.That(result.Json.Value<string>("reason"), Is.EqualTo("UnsupportedMediaType"));
    }

    [Test]
    public async Task A_merge_patch_sets_present_fields_removes_nulls_and_keeps_the_rest()
    {
        await Client.CreateSpotPoolAsync(Scenario.SpotPool, "demo");
        var patch = new JObject { ["spec"] = new JObject { ["desired"] = 5, ["customLabels"] = new JObject { ["team"] = null } } };

        var result = await Client.SendAsync(HttpMethod.Patch, SpotTestClient.SpotPools + "/" + Scenario.SpotPool, patch, "application/merge-patch+json");

        Assert.That(result.Status, Is.EqualTo(200), result.Text);
        Assert.That(result.Json["spec"]!.Value<int>("desired"), Is.EqualTo(5));
        Assert.That(result.Json["spec"]!["customLabels"], Is.Empty);
        Assert.That(result.Json["spec"]!.Value<string>("bidPrice"), Is.EqualTo("0.500"));
        Assert.That(result.Json["metadata"]!.Value<long>("generation"), Is.EqualTo(2));
    }

    [Test]
    public async Task Changing_an_immutable_field_is_a_422()
    {
        await Client.CreateSpotPoolAsync(Scenario.SpotPool, "demo");
        var patch = new JObject { ["spec"] = new JObject { ["serverClass"] = "gp.vs1.large-dfw" } };

        var result = await Client.SendAsync(HttpMethod.Patch, SpotTestClient.SpotPools + "/" + Scenario.SpotPool, patch, "application/merge-patch+json");

        Assert.That(result.Status, Is.EqualTo(422));
        Assert.That(result.Message, Does.EndWith("spec.serverClass: Invalid value: \"gp.vs1.large-dfw\": field is immutable"));
    }

    [Test]
    public async Task A_put_with_a_stale_resource_version_is_a_409_conflict()
    {
        var created = (await Client.CreateSpotPoolAsync(Scenario.SpotPool, "demo")).Json;
        var first = (JObject)created.DeepClone();
        first["spec"]!["desired"] = 3;
        Assert.That((await Client.SendAsync(HttpMethod.Put, SpotTestClient.SpotPools + "/" + Scenario.SpotPool, first)).Status, Is.EqualTo(200));

        created["spec"]!["desired"] = 4;
        var stale = await Client.SendAsync(HttpMethod.Put, SpotTestClient.SpotPools + "/" + Scenario.SpotPool, created);

        AssertStatus(stale, 409, "Conflict",
            $"Operation cannot be fulfilled on spotnodepools.ngpc.rxt.io \"{Scenario.SpotPool}\": the object has been modified; please apply your changes to the latest version and try again");
    }

    [Test]
    public async Task The_label_selector_filters_pools_by_cloudspace()
    {
        await Client.CreateCloudspaceAsync("other");
        await Client.CreateSpotPoolAsync(Scenario.SpotPool, "demo");
        await Client.CreateSpotPoolAsync(OtherPool, "other");

        var result = await Client.GetAsync(SpotTestClient.SpotPools + "?labelSelector=" + Uri.EscapeDataString("ngpc.rxt.io/cloudspace=other"));

        Assert.That(result.Json["items"]!.Select(i => i["metadata"]!.Value<string>("name")), Is.EqualTo(new[] { OtherPool }));
        Assert.That(result.Json["items"]![0]!["metadata"]!["labels"]!.Value<string>("ngpc.rxt.io/cloudspace"), Is.EqualTo("other"));
    }

    [Test]
    public async Task Delete_collection_removes_every_matching_pool()
    {
        await Client.CreateSpotPoolAsync(Scenario.SpotPool, "demo");
        await Client.CreateSpotPoolAsync(OtherPool, "demo");

        var result = await Client.SendAsync(HttpMethod.Delete, SpotTestClient.SpotPools);

        Assert.That(result.Json.Value<string>("status"), Is.EqualTo("Success"));
        Assert.That((await Client.GetAsync(SpotTestClient.SpotPools)).Json["items"], Is.Empty);
    }

    [Test]
    public async Task Requests_without_a_valid_bearer_token_are_a_401_status()
    {
        Client.IdToken = "not.a.jwt";

        var result = await Client.GetAsync(SpotTestClient.Cloudspaces);

        Assert.That(result.Status, Is.EqualTo(401));
        Assert.That(JToken.DeepEquals(result.Json, JObject.Parse(
            """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Unauthorized","reason":"Unauthorized","code":401}""")), Is.True, result.Text);
    }

    [Test]
    public async Task Another_organizations_namespace_is_a_403()
    {
        var result = await Client.GetAsync("apis/ngpc.rxt.io/v1/namespaces/org-gb7lx2vq9rm4tz8k/cloudspaces");

        Assert.That(result.Status, Is.EqualTo(403));
        Assert.That(result.Json.Value<string>("reason"), Is.EqualTo("Forbidden"));
    }

    [Test]
    public async Task An_unknown_refresh_token_is_a_403_invalid_grant_and_a_missing_one_a_400()
    {
        var unknown = await Client.TokenAsync("revoked-token");
        var missing = await Client.TokenAsync(string.Empty);

        Assert.That(unknown.Status, Is.EqualTo(403));
        Assert.That(JToken.DeepEquals(unknown.Json, JObject.Parse("""{"error":"invalid_grant","error_description":"Unknown or invalid refresh token."}""")), Is.True);
        Assert.That(missing.Status, Is.EqualTo(400));
        Assert.That(missing.Json.Value<string>("error"), Is.EqualTo("invalid_request"));
    }

    [Test]
    public async Task Generate_kubeconfig_rejects_missing_and_unknown_refresh_tokens_as_documented()
    {
        const string path = "apis/auth.ngpc.rxt.io/v1/generate-kubeconfig";
        var missing = await Client.SendAsync(HttpMethod.Post, path, new { organization_name = "acme-corp", cloudspace_name = "demo" });
        var unknown = await Client.SendAsync(HttpMethod.Post, path, new { organization_name = "acme-corp", cloudspace_name = "demo", refresh_token = "nope" });

        Assert.That(missing.Status, Is.EqualTo(400));
        Assert.That(missing.Json.Value<string>("error_description"), Is.EqualTo("Missing or invalid refresh_token."));
        Assert.That(unknown.Status, Is.EqualTo(401));
        Assert.That(unknown.Json.Value<string>("error_description"), Is.EqualTo("Invalid or expired refresh token."));
    }

    private static JObject RemoveSpecField(JObject body, string field)
    {
        ((JObject)body["spec"]!).Remove(field);
        return body;
    }

    private static void AssertStatus(ApiResult result, int code, string reason, string message) => Assert.Multiple(() =>
    {
        Assert.That(result.Status, Is.EqualTo(code), result.Text);
        Assert.That(result.Json.Value<string>("kind"), Is.EqualTo("Status"));
        Assert.That(result.Json.Value<string>("status"), Is.EqualTo("Failure"));
        Assert.That(result.Json.Value<int>("code"), Is.EqualTo(code));
        Assert.That(result.Json.Value<string>("reason"), Is.EqualTo(reason));
        Assert.That(result.Message, Is.EqualTo(message));
    });
}
