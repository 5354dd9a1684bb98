using System.Text;
using System.Text.Json.Nodes;
using RsSpot.OpenApiTools.Documents;

namespace RsSpot.OpenApiTools.Diff;

/// <summary>Renders a <see cref="DriftReport"/> as review-friendly markdown or as stable JSON.</summary>
public static class DriftReportFormatter
{
    /// <summary>Markdown: a summary line, then one table per severity.</summary>
    public static string ToMarkdown(DriftReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.Append("# OpenAPI drift: ").Append(report.Ours).Append(" vs ").Append(report.Upstream).Append("\n\n");
        text.Append(Summary(report)).Append("\n\n");
        foreach (var severity in Enum.GetValues<DriftSeverity>())
        {
            var items = report.Items.Where(i => i.Severity == severity).ToList();
            text.Append("## ").Append(severity).Append(" (").Append(items.Count).Append(")\n\n");
            if (items.Count == 0)
            {
                text.Append("None.\n\n");
                continue;
            }

            text.Append("| Area | Change | Subject | Detail |\n|---|---|---|---|\n");
            foreach (var item in items)
            {
                text.Append("| ").Append(item.Area)
                    .Append(" | ").Append(Describe(item.Change)).Append(item.Accepted ? " (accepted)" : string.Empty)
                    .Append(" | `").Append(Cell(item.Subject))
                    .Append("` | ").Append(Cell(item.Detail)).Append(" |\n");
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    /// <summary>JSON with sorted keys and items in report order.</summary>
    public static string ToJson(DriftReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var json = new JsonObject
        {
            ["ours"] = report.Ours,
            ["upstream"] = report.Upstream,
            ["summary"] = new JsonObject
            {
                ["breaking"] = report.Items.Count(i => i.Severity == DriftSeverity.Breaking),
                ["additive"] = report.Items.Count(i => i.Severity == DriftSeverity.Additive),
                ["accepted"] = report.Items.Count(i => i.Accepted),
                ["openBreaking"] = report.Open.Count(i => i.Severity == DriftSeverity.Breaking),
            },
            ["items"] = new JsonArray(report.Items.Select(ToJson).ToArray()),
        };
        return JsonCanonicalizer.Serialize(json);
    }

    /// <summary>One line: counts of breaking, additive and accepted items.</summary>
    public static string Summary(DriftReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var breaking = report.Items.Count(i => i.Severity == DriftSeverity.Breaking);
        var openBreaking = report.Open.Count(i => i.Severity == DriftSeverity.Breaking);
        var additive = report.Items.Count(i => i.Severity == DriftSeverity.Additive);
        var accepted = report.Items.Count(i => i.Accepted);
        return $"{breaking} breaking ({openBreaking} not accepted), {additive} additive, {accepted} accepted by the baseline.";
    }

    private static JsonNode ToJson(DriftItem item) => new JsonObject
    {
        ["id"] = item.Id,
        ["area"] = item.Area.ToString(),
        ["change"] = item.Change.ToString(),
        ["severity"] = item.Severity.ToString(),
        ["subject"] = item.Subject,
        ["detail"] = item.Detail,
        ["accepted"] = item.Accepted,
    };

    private static string Describe(DriftChange change) => change switch
    {
        DriftChange.Missing => "missing in ours",
        DriftChange.OursOnly => "ours only",
        _ => "changed",
    };

    private static string Cell(string value) => value.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' ');
}
