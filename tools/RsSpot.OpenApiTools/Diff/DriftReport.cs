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

    /// <summary>Marks as accepted every item whose <see cref="DriftItem.Id"/> a decision of <paramref name="baseline"/> lists.</summary>
    public DriftReport WithBaseline(DriftBaseline baseline)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        return this with { Items = Items.Select(i => i with { Accepted = baseline.Accepts(i.Id) }).ToList() };
    }
}
