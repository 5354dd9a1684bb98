using System.Text.Json.Nodes;
using RsSpot.OpenApiTools.Documents;

namespace RsSpot.OpenApiTools.Diff;

/// <summary>Which drift makes <c>diff</c> exit non-zero.</summary>
public enum FailOn
{
    /// <summary>Any breaking item not accepted by the baseline (the default).</summary>
    Breaking,

    /// <summary>Any item not accepted by the baseline.</summary>
    Any,

    /// <summary>Never (report only).</summary>
    None,
}

/// <summary>The outcome of comparing our document with the upstream snapshot.</summary>
/// <param name="Ours">Label (path) of our document.</param>
/// <param name="Upstream">Label (path) of the upstream snapshot.</param>
/// <param name="Items">Every difference, ordered by severity, area and subject.</param>
public sealed record DriftReport(string Ours, string Upstream, IReadOnlyList<DriftItem> Items)
{
    /// <summary>Items not accepted by a baseline.</summary>
    public IEnumerable<DriftItem> Open => Items.Where(i => !i.Accepted);

    /// <summary>Whether the report should fail a CI run under <paramref name="failOn"/>.</summary>
    public bool ShouldFail(FailOn failOn) => failOn switch
    {
        FailOn.Breaking => Open.Any(i => i.Severity == DriftSeverity.Breaking),
        FailOn.Any => Open.Any(),
        _ => false,
    };

    /// <summary>
    /// Marks as accepted every item whose <see cref="DriftItem.Id"/> appears in <paramref name="baseline"/>,
    /// a JSON report written earlier by <c>diff --format json</c> and committed after review.
    /// </summary>
    public DriftReport WithBaseline(JsonObject baseline)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        var accepted = (baseline["items"] as JsonArray ?? [])
            .Select(i => i?["id"]?.ToString())
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        return this with { Items = Items.Select(i => i with { Accepted = accepted.Contains(i.Id) }).ToList() };
    }

    /// <summary>Reads a baseline file (a JSON report).</summary>
    /// <exception cref="InvalidDataException">The file is not a JSON object.</exception>
    public static JsonObject ReadBaseline(string path) =>
        LenientJsonReader.Parse(File.ReadAllText(path)) as JsonObject
            ?? throw new InvalidDataException($"{path}: a baseline must be a JSON report object");
}
