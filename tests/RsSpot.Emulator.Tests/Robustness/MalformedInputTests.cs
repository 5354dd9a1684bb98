using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;
using RsSpot.Emulator.Tests.Support;

namespace RsSpot.Emulator.Tests.Robustness;

/// <summary>
/// A corpus of malformed and mistyped bodies: each is refused with a 4xx naming what is wrong (400 for a body that
/// is no JSON object, 422 Invalid with the field path for a mistyped field), never a 500.
/// </summary>
[TestFixture(Transport.InProcess)]
[TestFixture(Transport.Http)]
public sealed class MalformedInputTests(Transport transport) : TransportFixture(transport)
{
    private const string Json = "application/json";
    private const string MergePatch = "application/merge-patch+json";
    private const string Kubeconfig = "apis/auth.ngpc.rxt.io/v1/generate-kubeconfig";
    private const string SpotPool = SpotTestClient.SpotPools + "/" + Scenario.SpotPool;
    private const string Cloudspace = SpotTestClient.Cloudspaces + "/demo";
    /// <summary>One bad request and what the emulator must answer: status, reason (or OAuth error) and message part.</summary>
    public sealed record Case(string Name, string Method, string Path, string ContentType, byte[] Body, int Status, string Reason, string Message)
    {
        public override string ToString() => Name;
    }

    private static IEnumerable<Case> Corpus()
    {
        // Not a JSON object at all: 400 BadRequest.
        yield return Post("truncated JSON", Cloudspaces, """{"metadata": {"name": "x" """, 400, "BadRequest", "is not valid JSON");
        yield return Post("trailing garbage", Cloudspaces, "{} x", 400, "BadRequest", "is not valid JSON");
        yield return Post("empty body", Cloudspaces, string.Empty, 400, "BadRequest", "the request body is empty");
        yield return Post("top-level array", Cloudspaces, "[]", 400, "BadRequest", "must be a JSON object, got array");
        yield return Post("top-level string", Cloudspaces, "\"demo\"", 400, "BadRequest", "must be a JSON object, got string");
        yield return Post("top-level null", Cloudspaces, "null", 400, "BadRequest", "must be a JSON object, got null");
        yield return new("invalid UTF-8", "POST", Cloudspaces, Json, [.. "{\"metadata\":{\"name\":\""u8, 0xC3, 0x28, .. "\"}}"u8], 400, "BadRequest", "is not valid UTF-8");
        yield return Post("nesting deeper than 64", Cloudspaces, new string('[', 100) + new string(']', 100), 400, "BadRequest", "MaxDepth");
        yield return Post("number beyond decimal", Cloudspaces, """{"spec": {"desired": 1e400}}""", 400, "BadRequest", "is not valid JSON");
        yield return Post("integer of 100000 digits", Cloudspaces, "{\"spec\": {\"desired\": " + new string('9', 100_000) + "}}", 400, "BadRequest", "is too large to parse");

        // Mistyped fields at any depth: 422 Invalid naming the field.
        yield return Post("metadata a string", Cloudspaces, """{"metadata": "demo"}""", 422, "Invalid", "metadata: expected object, got string \"demo\"");
        yield return Post("metadata null", Cloudspaces, """{"metadata": null}""", 422, "Invalid", "metadata: expected object, got null");
        yield return Post("spec an array", Cloudspaces, """{"metadata": {"name": "demo"}, "spec": []}""", 422, "Invalid", "spec: expected object, got array");
        yield return Post("name an object", Cloudspaces, """{"metadata": {"name": {}}}""", 422, "Invalid", "metadata.name: expected string, got object");
        yield return Post("label value a number", Cloudspaces, """{"metadata": {"name": "demo", "labels": {"team": 5}}}""", 422, "Invalid", "metadata.labels[team]: expected string, got number 5");
        yield return Post("region a number", Cloudspaces, """{"metadata": {"name": "demo"}, "spec": {"region": 5}}""", 422, "Invalid", "spec.region: expected string, got number 5");
        yield return Post("flag a string", Cloudspaces, """{"metadata": {"name": "demo"}, "spec": {"HAControlPlane": "yes"}}""", 422, "Invalid", "spec.HAControlPlane: expected boolean, got string \"yes\"");
        yield return Post("desired a string", SpotTestClient.SpotPools, Pool("desired", "\"two\""), 422, "Invalid", "spec.desired: expected integer, got string \"two\"");
        yield return Post("desired a fraction", SpotTestClient.SpotPools, Pool("desired", "2.5"), 422, "Invalid", "spec.desired: expected integer, got number 2.5");
        yield return Post("desired over int32", SpotTestClient.SpotPools, Pool("desired", "3000000000"), 422, "Invalid", "spec.desired: expected integer (int32), got number 3000000000");
        yield return Post("desired of 30 digits", SpotTestClient.SpotPools, Pool("desired", new string('9', 30)), 422, "Invalid", "spec.desired: expected integer (int32)");
        yield return Post("bid a number", SpotTestClient.SpotPools, Pool("bidPrice", "0.5"), 422, "Invalid", "spec.bidPrice: expected string, got number 0.5");
        yield return Post("autoscaling an array", SpotTestClient.SpotPools, Pool("autoscaling", "[]"), 422, "Invalid", "spec.autoscaling: expected object, got array");
        yield return Post("minNodes a string", SpotTestClient.SpotPools, Pool("autoscaling", "{\"enabled\": true, \"minNodes\": \"1\"}"), 422, "Invalid", "spec.autoscaling.minNodes: expected integer, got string \"1\"");
        yield return Post("taint a number", SpotTestClient.SpotPools, Pool("customTaints", "[5]"), 422, "Invalid", "spec.customTaints[0]: expected object, got number 5");
        yield return Post("taint effect unknown", SpotTestClient.SpotPools, Pool("customTaints", "[{\"key\": \"a\", \"effect\": \"Sometimes\"}]"), 422, "Invalid",
            "spec.customTaints[0].effect: Unsupported value: \"Sometimes\": supported values: \"NoSchedule\", \"PreferNoSchedule\", \"NoExecute\"");
        yield return Post("labels an array", SpotTestClient.SpotPools, Pool("customLabels", "[]"), 422, "Invalid", "spec.customLabels: expected object, got array");
        yield return new("PUT with a numeric region", "PUT", Cloudspace, Json,
            Utf8("""{"metadata": {"name": "demo", "resourceVersion": "1"}, "spec": {"region": 5}}"""), 422, "Invalid", "spec.region: expected string, got number 5");

        // Merge patches: the same types, but null (remove the field) is allowed.
        yield return Patch("patch with a string desired", SpotPool, """{"spec": {"desired": "x"}}""", 422, "Invalid", "spec.desired: expected integer, got string \"x\"");
        yield return Patch("patch with a string metadata", SpotPool, """{"metadata": "x"}""", 422, "Invalid", "metadata: expected object, got string \"x\"");
        yield return Patch("patch that is an array", SpotPool, "[]", 400, "BadRequest", "must be a JSON object, got array");
        yield return Patch("patch removing the spec", SpotPool, """{"spec": null}""", 422, "Invalid", "field is immutable");
        yield return Patch("patch nulling metadata", SpotPool, """{"metadata": null}""", 200, string.Empty, string.Empty);
        yield return Patch("patch nulling the status", Cloudspace, """{"status": null}""", 200, string.Empty, string.Empty);

        // Non-Kubernetes endpoints answer in their own error format.
        yield return new("kubeconfig with an object name", "POST", Kubeconfig, Json, Utf8("""{"organization_name": {}, "cloudspace_name": "demo", "refresh_token": "x"}"""),
            400, "bad_request", "organization_name: expected string, got object");
        yield return new("kubeconfig malformed", "POST", Kubeconfig, Json, Utf8("{"), 400, "bad_request", "is not valid JSON");
        yield return new("token with bad escapes", "POST", "oauth/token", "application/x-www-form-urlencoded",
            Utf8("grant_type=refresh_token&client_id=%zz&refresh_token=%E0%A4%A"), 403, "invalid_grant", "Unknown or invalid refresh token.");
    }

    private static string Cloudspaces => SpotTestClient.Cloudspaces;

    protected override Task PrepareAsync() => Scenario.SeedAsync(Client);

    [TestCaseSource(nameof(Corpus))]
    public async Task A_bad_body_is_refused_with_a_clear_4xx(Case bad)
    {
        var content = new ByteArrayContent(bad.Body);
        content.Headers.ContentType = new MediaTypeHeaderValue(bad.ContentType);

        var result = await Client.SendRawAsync(new HttpMethod(bad.Method), bad.Path, content, authenticate: true);

        Assert.That(result.Status, Is.EqualTo(bad.Status), result.Text);
        if (bad.Status >= 400)
        {
            var json = (JObject)result.Json;
            Assert.That(json.Value<string>("reason") ?? json.Value<string>("error"), Is.EqualTo(bad.Reason));
            Assert.That(json.Value<string>("message") ?? json.Value<string>("error_description"), Does.Contain(bad.Message));
        }
    }

    [Test]
    public async Task Every_node_of_a_valid_body_replaced_by_a_value_of_another_type_is_refused_without_a_500()
    {
        var answered = new List<string>();
        foreach (var (path, valid) in ValidBodies("typed"))
        {
            foreach (var (node, value) in OtherTypes(valid))
            {
                var mistyped = (JObject)valid.DeepClone();
                mistyped.SelectToken(node)!.Replace(value.DeepClone());
                var result = await Client.SendAsync(HttpMethod.Post, path, mistyped);
                answered.Add($"{result.Status} {node}={value.ToString(Newtonsoft.Json.Formatting.None)}: {result.Message}");
            }
        }

        Assert.That(answered, Has.Count.GreaterThan(100));
        Assert.That(answered.Where(a => !a.StartsWith('4')), Is.Empty);
    }

    [Test]
    public async Task Every_node_merge_patched_to_another_type_or_to_null_is_answered_without_a_500()
    {
        var answered = new List<string>();
        foreach (var (path, valid) in ValidBodies("demo"))
        {
            foreach (var (node, value) in OtherTypes(valid))
            {
                var patch = node.Split('.').Reverse().Aggregate(value.DeepClone(), (inner, name) => new JObject { [name] = inner });
                var result = await Client.SendAsync(HttpMethod.Patch, $"{path}/{valid["metadata"]!["name"]}", patch, MergePatch);
                answered.Add($"{result.Status} {node}={value.ToString(Newtonsoft.Json.Formatting.None)}: {result.Message}");
            }
        }

        Assert.That(answered, Has.Count.GreaterThan(100));
        Assert.That(answered.Where(a => a.StartsWith('5')), Is.Empty);
    }

    /// <summary>A valid cloudspace (named <paramref name="cloudspace"/>) and spot pool body, with their collections.</summary>
    private static (string Path, JObject Body)[] ValidBodies(string cloudspace) =>
        [(Cloudspaces, Scenario.CloudspaceBody(cloudspace)), (SpotTestClient.SpotPools, Scenario.SpotPoolBody(Scenario.SpotPool, "demo"))];

    /// <summary>Every property of a body paired with each JSON value of another type than its own (null included).</summary>
    private static IEnumerable<(string Node, JToken Value)> OtherTypes(JObject valid)
    {
        JToken[] values = [JValue.CreateNull(), 5, "text", true, new JArray(), new JObject()];
        return from node in valid.Descendants().Where(t => t.Parent is JProperty).Select(t => t.Path).ToList()
               from value in values
               where value.Type != valid.SelectToken(node)!.Type
               select (node, value);
    }

    private static Case Post(string name, string path, string body, int status, string reason, string message) =>
        new(name, "POST", path, Json, Utf8(body), status, reason, message);

    private static Case Patch(string name, string path, string body, int status, string reason, string message) =>
        new(name, "PATCH", path, MergePatch, Utf8(body), status, reason, message);

    /// <summary>A valid spot pool body, as text, with one spec field set to raw JSON (so it may be any literal at all).</summary>
    private static string Pool(string field, string json)
    {
        var spec = new Dictionary<string, string>
        {
            ["serverClass"] = "\"gp.vs1.medium-dfw\"",
            ["cloudSpace"] = "\"demo\"",
            ["desired"] = "1",
            ["bidPrice"] = "\"0.500\"",
            [field] = json,
        };
        var fields = string.Join(", ", spec.Select(f => $"\"{f.Key}\": {f.Value}"));
        return $$$"""{"metadata": {"name": "{{{Scenario.SpotPool}}}"}, "spec": {{{{fields}}}}}""";
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
