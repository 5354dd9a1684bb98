using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;
using Newtonsoft.Json.Linq;
using RsSpot.Emulator;
using RsSpot.Emulator.Routing;
using RsSpot.OpenApiTools.Cli;
using RsSpot.OpenApiTools.Diff;
using RsSpot.OpenApiTools.Documents;
using RsSpot.OpenApiTools.Index;
using RsSpot.Tools.Tests.Support;

namespace RsSpot.Tools.Tests.Walk;

/// <summary>
/// The walk of openapi/README.md ("When upstream changes") on a fixture: upstream gains one operation, and each gate
/// of the routine (sync, diff, regeneration, facade coverage, emulator contract, CLI column, index check) names it.
/// The fixture upstream is our own document plus that operation, so no upstream text is involved.
/// </summary>
public class UpstreamChangeWalkTests
{
    private const string NewPath = "/apis/ngpc.rxt.io/v1/namespaces/{namespace}/widgets";
    private const string NewOperationId = "Widgets_List";

    private static readonly RepositoryLayout Repository = RepositoryLayout.Find(TestContext.CurrentContext.TestDirectory);

    private string _work = null!;

    [SetUp]
    public void CreateWorkspace() => _work = Directory.CreateTempSubdirectory("rsspot-walk-").FullName;

    [TearDown]
    public void RemoveWorkspace() => Directory.Delete(_work, recursive: true);

    [Test]
    public async Task Every_gate_names_a_new_upstream_operation()
    {
        var upstream = Path.Combine(_work, "upstream-served.json");
        await File.WriteAllTextAsync(upstream, WithNewOperation(OpenApiDocumentReader.ReadFile(Repository.OurDocument)).ToJsonString());
        var snapshot = Path.Combine(_work, "spot-upstream.json");

        // 1. sync: the snapshot has the operation.
        using (var server = new LoopbackServer().Serve("/openapi.json", await File.ReadAllTextAsync(upstream)))
        {
            var sync = await RunToolAsync("sync", "--root", Repository.Root, "--url", server.Url("/openapi.json").ToString(), "--out", snapshot, "--metadata", Path.Combine(_work, "metadata.json"));
            Assert.That(sync.Exit, Is.Zero, sync.Output);
        }

        Assert.That(await File.ReadAllTextAsync(snapshot), Does.Contain(NewPath), "sync");

        // 2. diff: breaking, not in the baseline, exit 1.
        var diff = await RunToolAsync("diff", "--root", Repository.Root, "--upstream", snapshot, "--no-baseline");
        Assert.That(diff.Exit, Is.EqualTo(1), diff.Output);
        Assert.That(diff.Output, Does.Contain("GET /apis/ngpc.rxt.io/v1/namespaces/{}/widgets"), "diff");

        // 3. Fold it into our document: diff is clean again.
        var ours = Path.Combine(_work, "rackspace-spot.json");
        File.Copy(snapshot, ours);
        var folded = await RunToolAsync("diff", "--root", Repository.Root, "--ours", ours, "--upstream", snapshot, "--no-baseline", "--fail-on", "any");
        Assert.That(folded.Exit, Is.Zero, folded.Output);

        // 4. Regeneration: the generated client has the operation.
        var generated = await GenerateClientAsync(ours);
        Assert.That(generated, Does.Contain("partial class WidgetsClient").And.Contain("widgets"), "regeneration");

        // 5. Facade coverage: the operation has no SDK method yet.
        var map = new CoverageMap(OpenApiModel.From(OpenApiDocumentReader.ReadFile(ours)), CoverageScanner.Scan(CoverageScanner.DefaultTargets()), CoverageMap.ReadExclusions(Repository.CoverageExclusions));
        Assert.That(map.Uncovered.Select(o => o.OperationId), Is.EqualTo(new[] { NewOperationId }), "facade coverage");

        // 6. Emulator contract: no route serves it.
        Assert.That(ContractCoverage.Unserved(new SpotEmulator().Routes, JObject.Parse(await File.ReadAllTextAsync(ours))), Is.EqualTo(new[] { NewOperationId }), "emulator contract");

        // 7. CLI: no command calls it (the index's CLI column).
        var index = IndexCommand.Render(Repository, CoverageScanner.DefaultTargets(), ours);
        Assert.That(index.Split('\n').Single(l => l.StartsWith($"| `{NewOperationId}` |", StringComparison.Ordinal)), Does.EndWith("| — | — |"), "CLI column");

        // 8. index --check: the committed INDEX.md is out of date, and the check says which row is new.
        var committedIndex = Path.Combine(_work, "INDEX.md");
        File.Copy(Repository.Index, committedIndex);
        var check = await RunToolAsync("index", "--root", Repository.Root, "--doc", ours, "--out", committedIndex, "--check");
        Assert.That(check.Exit, Is.EqualTo(1), check.Output);
        Assert.That(check.Output, Does.Contain($"+ | `{NewOperationId}` |"), "index --check");
    }

    /// <summary>Our document plus <c>GET widgets</c>, shaped like our other list operations.</summary>
    private static JsonObject WithNewOperation(JsonObject document)
    {
        var list = document["paths"]!["/apis/ngpc.rxt.io/v1/namespaces/{namespace}/spotnodepools"]!["get"]!.DeepClone().AsObject();
        list["operationId"] = NewOperationId;
        list["tags"] = new JsonArray("Widgets");
        list["summary"] = "List widgets";
        document["paths"]![NewPath] = new JsonObject { ["get"] = list };
        return document;
    }

    private async Task<string> GenerateClientAsync(string document)
    {
        var output = Path.Combine(_work, "SpotApiClient.g.cs");
        var nswag = typeof(UpstreamChangeWalkTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "NSwagDll").Value!;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { nswag, "run", Path.Combine(Repository.Root, "src", "RsSpot", "Api", "nswag.json"), $"/variables:InputSpec={document},OutputFile={output}" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var log = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        Assert.That(process.ExitCode, Is.Zero, log);
        return await File.ReadAllTextAsync(output);
    }

    private static async Task<(int Exit, string Output)> RunToolAsync(params string[] args)
    {
        using var output = new StringWriter();
        var exit = await ToolApp.RunAsync(args, new ToolContext(output, output, _ => null, Repository.Root));
        return (exit, output.ToString());
    }
}
