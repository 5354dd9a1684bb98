using System.Text.Json.Nodes;

namespace RsSpot.Tools.Tests.Support;

/// <summary>Crafted documents: files under Fixtures/ and small builders for diff pairs.</summary>
internal static class Fixtures
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", name));

    /// <summary>A minimal OpenAPI 3 document with the given paths and schemas (JSON text fragments).</summary>
    public static JsonObject Document(string paths = "{}", string schemas = "{}") =>
        JsonNode.Parse("""{"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":""" + paths + ""","components":{"schemas":""" + schemas + "}}")!.AsObject();
}
