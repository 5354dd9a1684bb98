using RsSpot.OpenApiTools.Cli;
using RsSpot.OpenApiTools.Diff;

namespace RsSpot.Tools.Tests.Diff;

/// <summary>
/// openapi/upstream/drift-baseline.json is committed so that <c>diff</c> against the published document exits 0 out of
/// the box: it must stay a well-formed list of our decisions (the snapshot it was reviewed against is not committed).
/// </summary>
public class CommittedBaselineTests
{
    private static readonly RepositoryLayout Repository = RepositoryLayout.Find(TestContext.CurrentContext.TestDirectory);

    [Test]
    public void Every_decision_has_a_reason_and_well_formed_item_ids_listed_once()
    {
        var baseline = DriftBaseline.Read(Repository.DriftBaseline);
        var ids = baseline.Decisions.SelectMany(d => d.Ids).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(baseline.Decisions, Is.Not.Empty);
            Assert.That(baseline.Decisions.Where(d => d.Ids.Count == 0).Select(d => d.Reason), Is.Empty, "decisions without ids");
            Assert.That(ids.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key), Is.Empty, "ids accepted twice");
            Assert.That(ids.Where(id => !IsItemId(id)), Is.Empty, "ids that diff never produces (Area|Change|Subject)");
        });
    }

    private static bool IsItemId(string id) =>
        id.Split('|', 3) is [var area, var change, { Length: > 0 }] && Enum.TryParse<DriftArea>(area, out _) && Enum.TryParse<DriftChange>(change, out _);
}
