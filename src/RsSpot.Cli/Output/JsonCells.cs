using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace RsSpot.Cli.Output;

/// <summary>
/// JSON trees as rows of text cells, the one flattening behind tables and CSV: nested objects become dotted columns
/// (<c>spec.region</c>), lists of scalars join with commas, numbers and booleans print invariantly.
/// </summary>
internal static class JsonCells
{
    /// <summary>The cells of <paramref name="record"/>, nested objects flattened up to <paramref name="maxDepth"/> levels.</summary>
    /// <param name="record">The object.</param>
    /// <param name="maxDepth">Levels of nesting turned into dotted columns; deeper objects are one cell.</param>
    /// <param name="summarize">Lists of objects as <c>[3 items]</c> (tables) instead of their JSON (CSV).</param>
    public static Dictionary<string, string> Flatten(JObject record, int maxDepth, bool summarize) =>
        Leaves(record, maxDepth).ToDictionary(leaf => leaf.Key, leaf => Cell(leaf.Value, summarize), StringComparer.Ordinal);

    /// <summary>The values under their dotted column names, nested objects flattened up to <paramref name="maxDepth"/> levels.</summary>
    public static Dictionary<string, JToken> Leaves(JObject record, int maxDepth)
    {
        var leaves = new Dictionary<string, JToken>(StringComparer.Ordinal);
        Flatten(record, "", 0, maxDepth, leaves);
        return leaves;
    }

    /// <summary>One value as a cell.</summary>
    public static string Cell(JToken token, bool summarize) => token switch
    {
        JValue { Type: JTokenType.Null } => "",
        JValue { Value: decimal d } => d.ToString(CultureInfo.InvariantCulture),
        JValue { Value: double d } => d.ToString(CultureInfo.InvariantCulture),
        JValue { Value: bool b } => b ? "true" : "false",
        JValue value => (Convert.ToString(value.Value, CultureInfo.InvariantCulture) ?? "").ReplaceLineEndings(" "),
        JArray array when array.All(a => a is JValue) => string.Join(", ", array.Select(a => Cell(a, summarize))),
        JArray array when summarize => $"[{array.Count} items]",
        JObject obj when !obj.HasValues => "",
        _ => token.ToString(Formatting.None),
    };

    private static void Flatten(JObject record, string prefix, int depth, int maxDepth, Dictionary<string, JToken> leaves)
    {
        foreach (var property in record.Properties())
        {
            var key = prefix + property.Name;
            if (property.Value is JObject nested && nested.HasValues && depth < maxDepth)
            {
                Flatten(nested, key + ".", depth + 1, maxDepth, leaves);
            }
            else
            {
                leaves[key] = property.Value;
            }
        }
    }
}
