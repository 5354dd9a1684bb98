using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace RsSpot.Api.Tests;

/// <summary>
/// Every sample payload deserialises into its generated model and serialises back to the same JSON:
/// no field is lost, renamed or reformatted (unknown fields survive through AdditionalProperties).
/// </summary>
public class SampleRoundTripTests
{
    private static readonly JsonSerializerSettings Settings = SpotJson.CreateSettings();

    private static IEnumerable<TestCaseData> Cases()
    {
        (string File, Type Model)[] map =
        [
            ("cloudspace-create-request.json", typeof(CloudSpace)),
            ("cloudspace.json", typeof(CloudSpace)),
            ("cloudspaces.json", typeof(CloudSpaceList)),
            ("comparable-prices.json", typeof(ComparablePrices)),
            ("delete-status.json", typeof(Status)),
            ("error-401-status.json", typeof(Status)),
            ("error-403-status.json", typeof(Status)),
            ("error-404-status.json", typeof(Status)),
            ("error-409-status.json", typeof(Status)),
            ("error-422-status.json", typeof(Status)),
            ("generate-kubeconfig-request.json", typeof(KubeconfigRequest)),
            ("generate-kubeconfig-response.json", typeof(KubeconfigResponse)),
            ("oauth-error-401.json", typeof(OAuthError)),
            ("oauth-token.json", typeof(TokenResponse)),
            ("ondemandnodepools.json", typeof(OnDemandNodePoolList)),
            ("organizations.json", typeof(OrganizationList)),
            ("percentiles.json", typeof(Percentiles)),
            ("price-history.json", typeof(PriceHistory)),
            ("region.json", typeof(Region)),
            ("regions.json", typeof(RegionList)),
            ("serverclass.json", typeof(ServerClass)),
            ("serverclasses.json", typeof(ServerClassList)),
            ("spotnodepool-create-request.json", typeof(SpotNodePool)),
            ("spotnodepool-patch-request.json", typeof(SpotNodePoolPatch)),
            ("spotnodepool.json", typeof(SpotNodePool)),
            ("spotnodepools.json", typeof(SpotNodePoolList)),
        ];
        return map.Select(m => new TestCaseData(m.File, m.Model).SetName($"RoundTrip({m.File})"));
    }

    [TestCaseSource(nameof(Cases))]
    public void Sample_survives_a_round_trip_through_its_model(string file, Type model)
    {
        var original = Samples.Read(file);

        var parsed = JsonConvert.DeserializeObject(original, model, Settings);
        var written = JsonConvert.SerializeObject(parsed, Settings);

        Assert.That(JToken.DeepEquals(Samples.Parse(original), Samples.Parse(written)), Is.True,
            () => $"{file} changed on a round trip:\n{written}");
    }

    [Test]
    public void Every_sample_file_has_a_round_trip_case()
    {
        var covered = Cases().Select(c => (string)c.Arguments[0]!).ToHashSet();
        var files = System.IO.Directory.GetFiles(Samples.Directory, "*.json").Select(Path.GetFileName)
            .Where(f => f != "id-token-claims.json"); // claims of a JWT, not an HTTP body

        Assert.That(files, Is.SubsetOf(covered));
    }

    [Test]
    public void Unknown_fields_are_kept_in_additional_properties()
    {
        const string json = """{"metadata":{"name":"x","futureField":{"a":1}},"spec":{"region":"r","kubernetesVersion":"1.31.1","newKnob":true},"brandNew":"2026-01-05T14:02:11Z"}""";

        var model = JsonConvert.DeserializeObject<CloudSpace>(json, Settings)!;

        Assert.Multiple(() =>
        {
            Assert.That(model.AdditionalProperties["brandNew"], Is.EqualTo("2026-01-05T14:02:11Z"), "date-like strings are not reformatted");
            Assert.That(model.Spec!.AdditionalProperties.ContainsKey("newKnob"), Is.True);
            Assert.That(model.Metadata!.AdditionalProperties.ContainsKey("futureField"), Is.True);
            Assert.That(JToken.DeepEquals(Samples.Parse(json), Samples.Parse(JsonConvert.SerializeObject(model, Settings))), Is.True);
        });
    }

    [Test]
    public void Wire_casing_exceptions_map_to_the_right_properties()
    {
        var cloudspace = JsonConvert.DeserializeObject<CloudSpace>(Samples.Read("cloudspace.json"), Settings)!;
        var serverClass = JsonConvert.DeserializeObject<ServerClass>(Samples.Read("serverclass.json"), Settings)!;

        Assert.Multiple(() =>
        {
            Assert.That(cloudspace.Status!.APIServerEndpoint, Is.EqualTo("hcp-c7f3a5d2.spot.rackspace.com"));
            Assert.That(cloudspace.Spec!.HAControlPlane, Is.False);
            Assert.That(cloudspace.Status.AssignedServers!.Values.First().IP, Is.EqualTo("10.12.0.21"));
            Assert.That(serverClass.Spec!.MinBidPricePerHour, Is.EqualTo("0.001"));
            Assert.That(serverClass.Status!.SpotPricing!.MarketPricePerHour, Is.EqualTo("0.001000"));
            Assert.That(serverClass.Spec.OnDemandPricing!.Cost, Is.EqualTo("0.023"));
        });
    }
}
