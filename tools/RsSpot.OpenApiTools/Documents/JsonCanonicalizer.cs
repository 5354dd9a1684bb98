using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RsSpot.OpenApiTools.Documents;

/// <summary>
/// Writes JSON in one stable form: object keys sorted ordinally at every level, two-space indentation,
/// LF line ends and a final newline. Two semantically equal documents give byte-identical text, so
/// snapshots diff cleanly in review.
/// </summary>
public static class JsonCanonicalizer
{
    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        // Keeps prose (quotes, <, >, non-ASCII) readable in review; the output is never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Returns a deep copy of <paramref name="node"/> with every object's keys sorted ordinally.</summary>
    public static JsonNode? Canonicalize(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Canonicalize(p.Value)))),
        JsonArray array => new JsonArray(array.Select(Canonicalize).ToArray()),
        null => null,
        _ => node.DeepClone(),
    };

    /// <summary>Serialises <paramref name="node"/> canonically (sorted keys, stable layout, trailing newline).</summary>
    public static string Serialize(JsonNode? node) =>
        (Canonicalize(node)?.ToJsonString(WriteOptions) ?? "null") + "\n";
}
