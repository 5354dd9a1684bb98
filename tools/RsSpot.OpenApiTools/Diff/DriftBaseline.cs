using System.Text.Json.Nodes;
using RsSpot.OpenApiTools.Documents;

namespace RsSpot.OpenApiTools.Diff;

/// <summary>One reviewed decision: the drift items (by <see cref="DriftItem.Id"/>) we keep on purpose, and why.</summary>
/// <param name="Reason">Our reason, in our words.</param>
/// <param name="Ids">The item ids it accepts.</param>
public sealed record DriftDecision(string Reason, IReadOnlyList<string> Ids);

/// <summary>
/// The accepted-drift baseline (<c>openapi/upstream/drift-baseline.json</c>): our decisions about the differences
/// between our document and upstream's, each a reason and the ids of the items it accepts. It holds item ids and our
/// reasons only, never upstream's text, so it is committed while the snapshot is not.
/// Format: <c>{"decisions": [{"reason": "...", "ids": ["Area|Change|Subject", ...]}, ...]}</c>.
/// </summary>
public sealed class DriftBaseline
{
    private readonly HashSet<string> _accepted;

    /// <summary>Creates a baseline from decisions.</summary>
    public DriftBaseline(IReadOnlyList<DriftDecision> decisions)
    {
        Decisions = decisions ?? throw new ArgumentNullException(nameof(decisions));
        _accepted = decisions.SelectMany(d => d.Ids).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>No decisions.</summary>
    public static DriftBaseline Empty { get; } = new([]);

    /// <summary>The decisions, in file order.</summary>
    public IReadOnlyList<DriftDecision> Decisions { get; }

    /// <summary>Whether a decision accepts the item with this id.</summary>
    public bool Accepts(string id) => _accepted.Contains(id);

    /// <summary>Ids of the baseline that <paramref name="report"/> no longer contains (fixed upstream or in ours): prune them.</summary>
    public IReadOnlyList<string> Stale(DriftReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var current = report.Items.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        return [.. _accepted.Where(id => !current.Contains(id)).Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// This baseline plus <paramref name="ids"/> accepted for <paramref name="reason"/>: added to the decision with the
    /// same reason, or as a new decision at the end.
    /// </summary>
    /// <exception cref="ArgumentException">The reason is blank.</exception>
    public DriftBaseline Accept(string reason, IEnumerable<string> ids)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException("a decision needs a reason", nameof(reason));
        }

        var added = ids.Where(id => !_accepted.Contains(id)).ToList();
        var decisions = Decisions.ToList();
        var index = decisions.FindIndex(d => d.Reason == reason);
        if (index < 0)
        {
            decisions.Add(new DriftDecision(reason, added));
        }
        else
        {
            decisions[index] = decisions[index] with { Ids = [.. decisions[index].Ids, .. added] };
        }

        return new DriftBaseline(decisions);
    }

    /// <summary>Stable JSON: decisions in order, each decision's ids sorted.</summary>
    public string ToJson() => JsonCanonicalizer.Serialize(new JsonObject
    {
        ["decisions"] = new JsonArray([.. Decisions.Select(d => (JsonNode)new JsonObject
        {
            ["reason"] = d.Reason,
            ["ids"] = new JsonArray([.. d.Ids.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(id => (JsonNode)JsonValue.Create(id))]),
        })]),
    });

    /// <summary>Reads a baseline file.</summary>
    /// <exception cref="InvalidDataException">The file is not a baseline, or a decision lacks a reason or ids.</exception>
    public static DriftBaseline Read(string path)
    {
        var json = LenientJsonReader.Parse(File.ReadAllText(path)) as JsonObject;
        if (json?["decisions"] is not JsonArray decisions)
        {
            throw new InvalidDataException($"{path}: a baseline is {{\"decisions\": [{{\"reason\": ..., \"ids\": [...]}}]}}");
        }

        return new DriftBaseline([.. decisions.Select(node => node is JsonObject { } decision
                && decision["reason"]?.ToString() is { Length: > 0 } reason
                && decision["ids"] is JsonArray ids
            ? new DriftDecision(reason, [.. ids.Select(id => id?.ToString()).OfType<string>()])
            : throw new InvalidDataException($"{path}: every decision needs a reason and ids"))]);
    }
}
