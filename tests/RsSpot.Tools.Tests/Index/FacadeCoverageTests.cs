using RsSpot.OpenApiTools.Cli;
using RsSpot.OpenApiTools.Diff;
using RsSpot.OpenApiTools.Documents;
using RsSpot.OpenApiTools.Index;

namespace RsSpot.Tools.Tests.Index;

/// <summary>Every operation of our OpenAPI document is reachable through the SDK facade, or its absence is documented.</summary>
public class FacadeCoverageTests
{
    private static readonly RepositoryLayout Repository = RepositoryLayout.Find(TestContext.CurrentContext.TestDirectory);

    [Test]
    public void Every_operation_has_a_facade_method_or_a_documented_exclusion()
    {
        var model = OpenApiModel.From(OpenApiDocumentReader.ReadFile(Repository.OurDocument));
        var map = new CoverageMap(model, CoverageScanner.Scan(CoverageScanner.DefaultTargets()), CoverageMap.ReadExclusions(Repository.CoverageExclusions));

        Assert.Multiple(() =>
        {
            Assert.That(map.Uncovered.Select(o => o.OperationId), Is.Empty, "operations without a facade method: add one or document an exclusion in openapi/coverage-exclusions.json");
            Assert.That(map.UnknownOperationIds, Is.Empty, "attributes or exclusions naming operations the document does not define");
        });
    }
}
