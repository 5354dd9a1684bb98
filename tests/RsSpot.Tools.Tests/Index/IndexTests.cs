using RsSpot.OpenApiTools.Cli;
using RsSpot.OpenApiTools.Diff;
using RsSpot.OpenApiTools.Index;
using RsSpot.Tools.Tests.Support;

namespace RsSpot.Tools.Tests.Index;

public class IndexTests
{
    private static readonly RepositoryLayout Repository = RepositoryLayout.Find(TestContext.CurrentContext.TestDirectory);

    [Test]
    public void Committed_index_matches_a_regeneration_with_the_tools_default_scan_set()
    {
        var expected = IndexCommand.Render(Repository, CoverageScanner.DefaultTargets());

        Assert.That(File.ReadAllText(Repository.Index), Is.EqualTo(expected),
            $"openapi/INDEX.md is stale; run `{IndexGenerator.RegenerateCommand}`");
    }

    [Test]
    public void Index_lists_every_operation_of_our_document_once()
    {
        var model = OpenApiModel.From(OpenApiTools.Documents.OpenApiDocumentReader.ReadFile(Repository.OurDocument));
        var index = File.ReadAllText(Repository.Index);

        Assert.That(model.Operations, Is.Not.Empty);
        foreach (var operation in model.Operations)
        {
            Assert.That(index.Split('\n').Count(l => l.StartsWith($"| `{operation.OperationId}` |", StringComparison.Ordinal)), Is.EqualTo(1), operation.OperationId);
        }
    }

    [Test]
    public void Scanner_collapses_sync_async_twins_and_honours_multiple_attributes()
    {
        var coverage = CoverageScanner.Scan([new ScanTarget(typeof(SampleFacade).Assembly, CoverageSurface.Facade)]);

        Assert.That(coverage["CloudSpaces_List"], Is.EqualTo(new[] { new CoveringMember(CoverageSurface.Facade, "SampleFacade.List/ListAsync") }));
        Assert.That(coverage["CloudSpaces_Get"].Select(m => m.Name), Is.EqualTo(new[] { "SampleFacade.Get", "SampleFacade.Nested.Fetch" }));
        Assert.That(coverage["Regions_Get"].Select(m => m.Name), Is.EqualTo(new[] { "SampleFacade.Get" }));
    }

    [Test]
    public void Coverage_map_reports_uncovered_excluded_and_unknown_operations()
    {
        var model = OpenApiModel.From(Fixtures.Document("""
            {"/a":{"get":{"operationId":"A_Get","summary":"Get A","responses":{}},"delete":{"operationId":"A_DeleteAll","responses":{}}},
             "/b":{"get":{"operationId":"B_Get","description":"Reads B.\nMore.","responses":{}}}}
            """));
        var coverage = new Dictionary<string, IReadOnlyList<CoveringMember>>
        {
            ["A_Get"] = [new(CoverageSurface.Facade, "AOperations.Get/GetAsync"), new(CoverageSurface.Cli, "ACommands.Get")],
            ["Typo_Get"] = [new(CoverageSurface.Facade, "X.Y")],
        };
        var exclusions = new Dictionary<string, string> { ["A_DeleteAll"] = "too dangerous | on purpose" };

        var map = new CoverageMap(model, coverage, exclusions);
        var markdown = IndexGenerator.Generate(map, "doc.json");

        Assert.That(map.Uncovered.Select(o => o.OperationId), Is.EqualTo(new[] { "B_Get" }));
        Assert.That(map.UnknownOperationIds, Is.EqualTo(new[] { "Typo_Get" }));
        Assert.That(markdown, Does.Contain("| `A_Get` | GET | `/a` | Get A | `AOperations.Get/GetAsync` | `ACommands.Get` |"));
        Assert.That(markdown, Does.Contain("| `A_DeleteAll` | DELETE | `/a` |  | excluded: too dangerous \\| on purpose | — |"));
        Assert.That(markdown, Does.Contain("| `B_Get` | GET | `/b` | Reads B. | — | — |"));
        Assert.That(markdown, Does.Contain("Facade: 1 of 3 operations covered, 1 excluded. CLI: 1 of 3 covered."));
        Assert.That(markdown, Does.Contain("- `Typo_Get`"));
    }

    [Test]
    public async Task Check_mode_fails_on_a_stale_index_and_passes_on_a_fresh_one()
    {
        var stale = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"INDEX-{Guid.NewGuid():N}.md");
        await File.WriteAllTextAsync(stale, "# old\n");
        try
        {
            Assert.That(await RunAsync("index", "--root", Repository.Root, "--out", stale, "--check"), Is.EqualTo(1));
            Assert.That(await RunAsync("index", "--root", Repository.Root, "--out", stale), Is.EqualTo(0));
            Assert.That(await RunAsync("index", "--root", Repository.Root, "--out", stale, "--check"), Is.EqualTo(0));
            Assert.That(await File.ReadAllTextAsync(stale), Is.EqualTo(await File.ReadAllTextAsync(Repository.Index)));
        }
        finally
        {
            File.Delete(stale);
        }
    }

    private static async Task<int> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        return await ToolApp.RunAsync(args, new ToolContext(output, output, _ => null, Repository.Root));
    }
}

/// <summary>A stand-in facade: the scanner must read these attributes exactly as it will read the real ones.</summary>
internal sealed class SampleFacade
{
    [SpotOperation("CloudSpaces_List")]
    public static void List()
    {
    }

    [SpotOperation("CloudSpaces_List")]
    public static Task ListAsync() => Task.CompletedTask;

    [SpotOperation("CloudSpaces_Get")]
    [SpotOperation("Regions_Get")]
    public static void Get()
    {
    }

    internal static class Nested
    {
        [SpotOperation("CloudSpaces_Get")]
        internal static void Fetch()
        {
        }
    }
}
