using System.Text.Json.Nodes;
using RsSpot.OpenApiTools.Diff;
using RsSpot.OpenApiTools.Documents;

namespace RsSpot.OpenApiTools.Index;

/// <summary>
/// Joins the operations of our document with the members that cover them and the documented exclusions
/// (operations deliberately left out of the facade, each with a reason). The index renders it; a coverage
/// test asserts <see cref="Uncovered"/> and <see cref="UnknownOperationIds"/> are empty.
/// </summary>
public sealed class CoverageMap
{
    /// <summary>Builds the map.</summary>
    /// <param name="model">Our document.</param>
    /// <param name="coverage">Result of <see cref="CoverageScanner.Scan"/>.</param>
    /// <param name="exclusions">OperationId → reason it has no facade method.</param>
    public CoverageMap(
        OpenApiModel model,
        IReadOnlyDictionary<string, IReadOnlyList<CoveringMember>> coverage,
        IReadOnlyDictionary<string, string> exclusions)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(coverage);
        ArgumentNullException.ThrowIfNull(exclusions);
        Operations = model.Operations;
        Coverage = coverage;
        Exclusions = exclusions;
        var known = Operations.Select(o => o.OperationId).ToHashSet(StringComparer.Ordinal);
        UnknownOperationIds = coverage.Keys.Concat(exclusions.Keys).Where(id => !known.Contains(id)).Distinct().Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Operations of the document, in index order.</summary>
    public IReadOnlyList<ApiOperation> Operations { get; }

    /// <summary>OperationId → covering members.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<CoveringMember>> Coverage { get; }

    /// <summary>OperationId → reason it has no facade method.</summary>
    public IReadOnlyDictionary<string, string> Exclusions { get; }

    /// <summary>Operations with no facade member and no documented exclusion.</summary>
    public IEnumerable<ApiOperation> Uncovered =>
        Operations.Where(o => !Members(o, CoverageSurface.Facade).Any() && !Exclusions.ContainsKey(o.OperationId));

    /// <summary>OperationIds named by an attribute or an exclusion that the document does not define (typos, removed operations).</summary>
    public IReadOnlyList<string> UnknownOperationIds { get; }

    /// <summary>The members of <paramref name="surface"/> that cover <paramref name="operation"/>.</summary>
    public IEnumerable<CoveringMember> Members(ApiOperation operation, CoverageSurface surface)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return Coverage.GetValueOrDefault(operation.OperationId, []).Where(m => m.Surface == surface);
    }

    /// <summary>
    /// Reads an exclusions file: a JSON object mapping operationId to the reason it has no facade method.
    /// A missing file means no exclusions.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is not such an object.</exception>
    public static IReadOnlyDictionary<string, string> ReadExclusions(string path)
    {
        if (!File.Exists(path))
        {
            return new Dictionary<string, string>();
        }

        var json = LenientJsonReader.Parse(File.ReadAllText(path)) as JsonObject
            ?? throw new InvalidDataException($"{path}: expected a JSON object of operationId → reason");
        return json.ToDictionary(
            p => p.Key,
            p => p.Value is JsonValue reason && reason.ToString() is { Length: > 0 } text
                ? text
                : throw new InvalidDataException($"{path}: the exclusion of {p.Key} needs a reason"),
            StringComparer.Ordinal);
    }
}
