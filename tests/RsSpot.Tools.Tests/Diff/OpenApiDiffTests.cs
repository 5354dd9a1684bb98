using System.Text.Json.Nodes;
using RsSpot.OpenApiTools.Diff;
using RsSpot.Tools.Tests.Support;

namespace RsSpot.Tools.Tests.Diff;

public class OpenApiDiffTests
{
    private const string Pools = "/apis/ngpc.rxt.io/v1/namespaces/{namespace}/spotnodepools";

    [Test]
    public void Identical_documents_have_no_drift()
    {
        var document = Fixtures.Document(Operation("get", Pools, "listPools"), PoolSchema());

        var report = OpenApiDiff.Compare(document, document.DeepClone().AsObject());

        Assert.That(report.Items, Is.Empty);
        Assert.That(report.ShouldFail(FailOn.Any), Is.False);
    }

    [Test]
    public void Operations_match_by_method_and_path_whatever_the_ids_and_parameter_names()
    {
        var ours = Fixtures.Document("""{"/history/{serverClass}":{"get":{"operationId":"PriceFeeds_GetHistory","parameters":[{"name":"serverClass","in":"path","required":true,"schema":{"type":"string"}}],"responses":{}}}}""");
        var upstream = Fixtures.Document("""{"/history/{server_class}":{"get":{"parameters":[{"name":"server_class","in":"path","required":true,"schema":{"type":"string"}}],"responses":{}}}}""");

        Assert.That(OpenApiDiff.Compare(ours, upstream).Items, Is.Empty);
    }

    [Test]
    public void Upstream_only_operation_is_missing_and_breaking_ours_only_is_an_additive_extension()
    {
        var ours = Fixtures.Document(Merge(Operation("get", Pools, "SpotNodePools_List"), Operation("put", Pools + "/{name}", "SpotNodePools_Replace")));
        var upstream = Fixtures.Document(Merge(Operation("get", Pools, "listPools"), Operation("post", Pools, "createPool")));

        var report = OpenApiDiff.Compare(ours, upstream);

        Assert.That(Describe(report), Is.EquivalentTo(new[]
        {
            "Breaking Operation Missing POST /apis/ngpc.rxt.io/v1/namespaces/{}/spotnodepools",
            "Additive Operation OursOnly PUT /apis/ngpc.rxt.io/v1/namespaces/{}/spotnodepools/{}",
        }));
        Assert.That(report.ShouldFail(FailOn.Breaking), Is.True);
    }

    [Test]
    public void Parameter_rules_missing_extension_type_and_newly_required()
    {
        var ours = Fixtures.Document(Operation("get", Pools, "a",
            """[{"name":"labelSelector","in":"query","schema":{"type":"string"}},{"name":"limit","in":"query","schema":{"type":"string"}},{"name":"watch","in":"query","schema":{"type":"boolean"}}]"""));
        var upstream = Fixtures.Document(Operation("get", Pools, "b",
            """[{"name":"limit","in":"query","schema":{"type":"integer"}},{"name":"watch","in":"query","required":true,"schema":{"type":"boolean"}},{"name":"pretty","in":"query","schema":{"type":"string"}},{"name":"Content-Type","in":"header","schema":{"type":"string"}}]"""));

        var report = OpenApiDiff.Compare(ours, upstream);

        var prefix = "GET /apis/ngpc.rxt.io/v1/namespaces/{}/spotnodepools";
        Assert.That(Describe(report), Is.EquivalentTo(new[]
        {
            $"Breaking Parameter Missing {prefix} pretty (query:pretty)",
            $"Breaking Parameter Changed {prefix} limit (query:limit) (type)",
            $"Breaking Parameter Changed {prefix} watch (query:watch) (required)",
            $"Additive Parameter OursOnly {prefix} labelSelector (query:labelSelector)",
        }), "a Content-Type header parameter is ignored, as OpenAPI 3 specifies");
    }

    [Test]
    public void Inline_and_referenced_nested_objects_compare_property_by_property()
    {
        var ours = Fixtures.Document(schemas: """
            {"SpotNodePool":{"type":"object","properties":{"spec":{"$ref":"#/components/schemas/SpotNodePoolSpec"}}},
             "SpotNodePoolSpec":{"type":"object","required":["serverClass"],"properties":{
                "serverClass":{"type":"string"},"desired":{"type":"integer","format":"int32"},"minBidPricePerHour":{"type":"string"}}}}
            """);
        var upstream = Fixtures.Document(schemas: """
            {"io.rxt.ngpc.v1.SpotNodePool":{"type":"object","properties":{"spec":{"type":"object","required":["serverClass","bidPrice"],"properties":{
                "serverClass":{"type":"string"},"desired":{"type":"integer"},"bidPrice":{"type":"string"}}}}}}
            """);

        var report = OpenApiDiff.Compare(ours, upstream);

        Assert.That(Describe(report), Is.EquivalentTo(new[]
        {
            "Breaking Property Missing SpotNodePool.spec.bidPrice",
            "Additive Property OursOnly SpotNodePool.spec.minBidPricePerHour",
            "Additive Property Changed SpotNodePool.spec.desired (format)",
            "Additive Schema OursOnly SpotNodePoolSpec",
        }));
    }

    [Test]
    public void Property_type_change_and_newly_required_are_breaking_relaxed_required_is_additive()
    {
        var ours = Fixtures.Document(schemas: """{"Region":{"type":"object","required":["name"],"properties":{"name":{"type":"string"},"generation":{"type":"string"},"zone":{"type":"string"}}}}""");
        var upstream = Fixtures.Document(schemas: """{"Region":{"type":"object","required":["zone"],"properties":{"name":{"type":"string"},"generation":{"type":"integer"},"zone":{"type":"string"}}}}""");

        var report = OpenApiDiff.Compare(ours, upstream);

        Assert.That(Describe(report), Is.EquivalentTo(new[]
        {
            "Breaking Property Changed Region.generation (type)",
            "Breaking Property Changed Region.zone (required)",
            "Additive Property Changed Region.name (required)",
        }));
    }

    [Test]
    public void Shared_schemas_referenced_from_others_are_compared_once_under_their_own_name()
    {
        var ours = Fixtures.Document(schemas: """
            {"ObjectMeta":{"type":"object","properties":{"name":{"type":"string"}}},
             "CloudSpace":{"type":"object","properties":{"metadata":{"$ref":"#/components/schemas/ObjectMeta"}}}}
            """);
        var upstream = Fixtures.Document(schemas: """
            {"io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta":{"type":"object","properties":{"name":{"type":"string"},"uid":{"type":"string"}}},
             "io.rxt.ngpc.v1.CloudSpace":{"type":"object","properties":{"metadata":{"$ref":"#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"}}}}
            """);

        var report = OpenApiDiff.Compare(ours, upstream);

        Assert.That(Describe(report), Is.EqualTo(new[] { "Breaking Property Missing ObjectMeta.uid" }));
    }

    [Test]
    public void Request_body_missing_is_breaking_and_a_renamed_object_body_is_additive()
    {
        var ours = Fixtures.Document(Merge(
            Operation("post", "/a", "a1", body: """{"$ref":"#/components/schemas/TokenRequest"}"""),
            Operation("post", "/b", "b1")));
        var upstream = Fixtures.Document(Merge(
            Operation("post", "/a", "a2", body: """{"type":"object"}"""),
            Operation("post", "/b", "b2", body: """{"type":"array","items":{"type":"string"}}""")));

        var report = OpenApiDiff.Compare(ours, upstream);

        Assert.That(Describe(report), Is.EquivalentTo(new[]
        {
            "Breaking RequestBody Missing POST /b",
            "Additive RequestBody Changed POST /a (schema)",
        }));
    }

    [Test]
    public void Swagger2_upstream_with_definitions_and_body_parameters_is_understood()
    {
        var ours = Fixtures.Document(
            Operation("post", "/things", "create", body: """{"$ref":"#/components/schemas/Thing"}"""),
            """{"Thing":{"type":"object","properties":{"name":{"type":"string"}}}}""");
        var upstream = JsonNode.Parse("""
            {"swagger":"2.0","info":{"title":"t","version":"1"},
             "paths":{"/things":{"post":{"parameters":[{"name":"body","in":"body","required":true,"schema":{"$ref":"#/definitions/v1.Thing"}}],"responses":{}}}},
             "definitions":{"v1.Thing":{"type":"object","properties":{"name":{"type":"string"}}}}}
            """)!.AsObject();

        var report = OpenApiDiff.Compare(ours, upstream);

        Assert.That(Describe(report), Is.EqualTo(new[] { "Breaking RequestBody Changed POST /things (required)" }));
    }

    [Test]
    public void Baseline_accepts_reviewed_items_so_only_new_drift_fails()
    {
        var ours = Fixtures.Document(Operation("get", "/a", "a"));
        var upstream = Fixtures.Document(Merge(Operation("get", "/a", "a"), Operation("get", "/b", "b")));
        var reviewed = OpenApiDiff.Compare(ours, upstream);
        var baseline = DriftBaseline.Empty.Accept("b is not ours to serve", reviewed.Items.Select(i => i.Id));
        var newer = Fixtures.Document(Merge(Operation("get", "/a", "a"), Operation("get", "/b", "b"), Operation("get", "/c", "c")));

        var accepted = reviewed.WithBaseline(baseline);
        var drifted = OpenApiDiff.Compare(ours, newer).WithBaseline(baseline);

        Assert.That(accepted.ShouldFail(FailOn.Breaking), Is.False);
        Assert.That(drifted.ShouldFail(FailOn.Breaking), Is.True);
        Assert.That(drifted.Open.Select(i => i.Subject), Is.EqualTo(new[] { "GET /c" }));
        Assert.That(drifted.ShouldFail(FailOn.None), Is.False);
    }

    [Test]
    public void Baseline_keeps_our_reasons_by_item_id_merges_decisions_and_names_stale_ids()
    {
        var path = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"baseline-{Guid.NewGuid():N}.json");
        var report = OpenApiDiff.Compare(Fixtures.Document(Operation("get", "/a", "a")), Fixtures.Document(Merge(Operation("get", "/b", "b"), Operation("get", "/c", "c"))));
        var baseline = DriftBaseline.Empty
            .Accept("plumbing we never call", ["Operation|Missing|GET /c", "Operation|Missing|GET /gone"])
            .Accept("our extension", ["Operation|OursOnly|GET /a"])
            .Accept("plumbing we never call", ["Operation|Missing|GET /b", "Operation|Missing|GET /c"]);
        try
        {
            File.WriteAllText(path, baseline.ToJson());
            var read = DriftBaseline.Read(path);

            Assert.Multiple(() =>
            {
                Assert.That(read.Decisions.Select(d => d.Reason), Is.EqualTo(new[] { "plumbing we never call", "our extension" }));
                Assert.That(read.Decisions[0].Ids, Is.EqualTo(new[] { "Operation|Missing|GET /b", "Operation|Missing|GET /c", "Operation|Missing|GET /gone" }));
                Assert.That(File.ReadAllText(path), Does.Not.Contain("detail").And.Not.Contain("upstream"), "ids and our reasons only");
                Assert.That(report.WithBaseline(read).Open, Is.Empty);
                Assert.That(read.Stale(report), Is.EqualTo(new[] { "Operation|Missing|GET /gone" }));
                Assert.That(() => DriftBaseline.Empty.Accept(" ", ["x"]), Throws.ArgumentException);
            });
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Fail_on_any_also_fails_on_additive_drift()
    {
        var ours = Fixtures.Document(Merge(Operation("get", "/a", "a"), Operation("put", "/a", "p")));
        var upstream = Fixtures.Document(Operation("get", "/a", "a"));

        var report = OpenApiDiff.Compare(ours, upstream);

        Assert.That(report.ShouldFail(FailOn.Breaking), Is.False);
        Assert.That(report.ShouldFail(FailOn.Any), Is.True);
    }

    [Test]
    public void Markdown_and_json_outputs_carry_every_item()
    {
        var report = OpenApiDiff.Compare(Fixtures.Document(Operation("get", "/a", "a")), Fixtures.Document(Operation("get", "/b|x", "b")));

        var markdown = DriftReportFormatter.ToMarkdown(report);
        var json = JsonNode.Parse(DriftReportFormatter.ToJson(report))!;

        Assert.That(markdown, Does.Contain("## Breaking (1)").And.Contain("## Additive (1)").And.Contain("`GET /b\\|x`"));
        Assert.That(json["summary"]!["breaking"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(json["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()),
            Is.EqualTo(new[] { "Operation|Missing|GET /b|x", "Operation|OursOnly|GET /a" }));
    }

    private static IEnumerable<string> Describe(DriftReport report) =>
        report.Items.Select(i => $"{i.Severity} {i.Area} {i.Change} {i.Subject}");

    private static string Operation(string method, string path, string id, string parameters = "[]", string? body = null)
    {
        var operation = new JsonObject
        {
            ["operationId"] = id,
            ["parameters"] = JsonNode.Parse(parameters),
            ["responses"] = new JsonObject(),
        };
        if (body is not null)
        {
            operation["requestBody"] = new JsonObject { ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = JsonNode.Parse(body) } } };
        }

        return new JsonObject { [path] = new JsonObject { [method] = operation } }.ToJsonString();
    }

    // Joins single-path fragments from Operation() into one "paths" object.
    private static string Merge(params string[] fragments)
    {
        var paths = new JsonObject();
        foreach (var fragment in fragments)
        {
            foreach (var (path, item) in JsonNode.Parse(fragment)!.AsObject())
            {
                var target = paths[path] as JsonObject ?? (JsonObject)(paths[path] = new JsonObject());
                foreach (var (method, operation) in item!.AsObject())
                {
                    target[method] = operation!.DeepClone();
                }
            }
        }

        return paths.ToJsonString();
    }

    private static string PoolSchema() => """{"SpotNodePool":{"type":"object","properties":{"kind":{"type":"string"}}}}""";
}
