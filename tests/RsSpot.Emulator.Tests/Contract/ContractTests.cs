using System.Text;
using Newtonsoft.Json.Linq;
using RsSpot.Emulator.Routing;
using RsSpot.Emulator.Tests.Support;
using RsSpot.Emulator.Validation;

namespace RsSpot.Emulator.Tests.Contract;

/// <summary>Every operation of openapi/rackspace-spot.json is served, with documented status codes and schema-valid bodies.</summary>
[TestFixture(Transport.InProcess)]
[TestFixture(Transport.Http)]
public sealed class ContractTests(Transport transport) : TransportFixture(transport)
{
    private const string VmPool = "3c9d2b7e-41f0-4a8e-9d61-7b2f5e0c1a94";
    private static readonly Dictionary<string, string> NameByTag = new()
    {
        ["CloudSpaces"] = "demo",
        ["SpotNodePools"] = Scenario.SpotPool,
        ["OnDemandNodePools"] = Scenario.OnDemandPool,
        ["VmCloudSpaces"] = "vm-lab",
        ["VmPools"] = VmPool,
        ["Regions"] = "us-central-dfw-1",
        ["ServerClasses"] = "gp.vs1.medium-dfw",
    };

    private static IEnumerable<OpenApiOperation> Operations() => OpenApiDocument.Operations;

    private static IEnumerable<OpenApiOperation> SingleObjectOperations() =>
        Operations().Where(o => o.PathTemplate.EndsWith("{name}", StringComparison.Ordinal));

    private static IEnumerable<OpenApiOperation> AuthenticatedOperations() =>
        Operations().Where(o => o.Definition["security"] is not JArray { Count: 0 });

    protected override Task PrepareAsync() => Scenario.SeedAsync(Client);

    /// <summary>The operation count follows the document: a new operation fails here, by name, until it has a route.</summary>
    [Test]
    public void The_emulator_serves_exactly_the_operations_of_the_document()
    {
        var routes = new SpotEmulator().Routes;

        Assert.That(Operations(), Is.Not.Empty);
        Assert.That(ContractCoverage.Unserved(routes, WireSchemas.Document), Is.Empty,
            "operations of openapi/rackspace-spot.json without an emulator route: add one (src/RsSpot.Emulator, see openapi/README.md)");
        Assert.That(ContractCoverage.Undocumented(routes, WireSchemas.Document), Is.Empty, "emulator routes the document does not define");
    }

    [TestCaseSource(nameof(Operations))]
    public async Task Operation_is_served_with_a_schema_valid_success_body(OpenApiOperation operation)
    {
        var result = await InvokeAsync(operation);

        Assert.That(result.Status, Is.InRange(200, 299), result.Text);
        AssertMatchesDocument(operation, result);
    }

    [TestCaseSource(nameof(AuthenticatedOperations))]
    public async Task Operation_without_a_token_answers_a_documented_401(OpenApiOperation operation)
    {
        Client.IdToken = null;

        var result = await InvokeAsync(operation);

        Assert.That(result.Status, Is.EqualTo(401), result.Text);
        AssertMatchesDocument(operation, result);
        Assert.That(result.Message, Is.EqualTo("Unauthorized"));
    }

    [TestCaseSource(nameof(SingleObjectOperations))]
    public async Task Operation_on_a_missing_object_answers_a_documented_404(OpenApiOperation operation)
    {
        var result = await InvokeAsync(operation, name: "0a0a0a0a-0000-4000-8000-000000000000");

        Assert.That(result.Status, Is.EqualTo(404), result.Text);
        AssertMatchesDocument(operation, result);
        Assert.That(result.Message, Does.EndWith("\"0a0a0a0a-0000-4000-8000-000000000000\" not found"));
    }

    private static void AssertMatchesDocument(OpenApiOperation operation, ApiResult result)
    {
        Assert.That(OpenApiDocument.Documents(operation, result.Status), Is.True, $"{operation} does not document status {result.Status}");
        var schema = OpenApiDocument.ResponseSchema(operation, result.Status);
        Assert.That(schema, Is.Not.Null, $"{operation} {result.Status} has no JSON schema");
        var violations = SchemaChecker.Check(result.Json, schema!, SchemaChecks.Required).Select(e => $"{e.Field}: {e.Detail}");
        Assert.That(violations, Is.Empty, result.Text);
    }

    private async Task<ApiResult> InvokeAsync(OpenApiOperation operation, string? name = null)
    {
        var client = Client;
        var tag = operation.OperationId.Split('_')[0];
        var path = operation.PathTemplate.TrimStart('/')
            .Replace("{namespace}", SpotTestClient.Namespace, StringComparison.Ordinal)
            .Replace("{name}", name ?? NameByTag.GetValueOrDefault(tag, "unused"), StringComparison.Ordinal)
            .Replace("{serverClass}", "gp.vs1.medium-dfw", StringComparison.Ordinal);
        switch (operation.OperationId)
        {
            case "Auth_GetToken":
                return await client.TokenAsync();
            case "Kubeconfig_Generate":
                return await client.SendRawAsync(HttpMethod.Post, path, new StringContent(new JObject
                {
                    ["organization_name"] = "acme-corp",
                    ["cloudspace_name"] = "demo",
                    ["refresh_token"] = SpotEmulator.SandboxRefreshToken,
                }.ToString(), Encoding.UTF8, "application/json"), authenticate: false);
            case "Events_ListOrganizationEvents":
                return await client.GetAsync(path + "?limits=10");
        }

        return operation.Method switch
        {
            "POST" => await client.SendAsync(HttpMethod.Post, path, CreateBody(tag)),
            "PUT" => await client.SendAsync(HttpMethod.Put, path, await ReplacementAsync(path)),
            "PATCH" => await client.SendAsync(HttpMethod.Patch, path, PatchBody(tag), "application/merge-patch+json"),
            "DELETE" => await client.SendAsync(HttpMethod.Delete, path),
            _ => await client.GetAsync(path),
        };
    }

    private static JObject CreateBody(string tag) => tag switch
    {
        "CloudSpaces" => Scenario.CloudspaceBody("second"),
        "SpotNodePools" => Scenario.SpotPoolBody("7b6a5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d", "demo"),
        "OnDemandNodePools" => Scenario.OnDemandPoolBody("7b6a5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d", "demo"),
        _ => throw new InvalidOperationException("No create body for " + tag),
    };

    private static JObject PatchBody(string tag) => tag == "CloudSpaces"
        ? new JObject { ["spec"] = new JObject { ["webhook"] = "https://hooks.example.com/preempt" } }
        : new JObject { ["spec"] = new JObject { ["desired"] = 3 } };

    /// <summary>The current object (fresh resourceVersion) with one spec change, as a PUT body.</summary>
    private async Task<JObject> ReplacementAsync(string path)
    {
        var current = (JObject)(await Client.GetAsync(path)).Json;
        if (current["spec"]?["desired"] is not null)
        {
            current["spec"]!["desired"] = 4;
        }
        else if (current["spec"] is JObject spec)
        {
            spec["HAControlPlane"] = true;
        }
        else
        {
            // A missing object: any body will do, the server answers 404 before reading it.
            current = new JObject { ["metadata"] = new JObject { ["resourceVersion"] = "1" } };
        }

        return current;
    }
}
