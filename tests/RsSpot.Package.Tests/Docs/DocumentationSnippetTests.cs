using RsSpot.Package.Tests.Support;

namespace RsSpot.Package.Tests.Docs;

/// <summary>
/// Every <c>```csharp</c> block of README.md, docs/*.md and the packages' READMEs compiles against the packed
/// packages, as pasted into a new console app, and the runnable ones run against a fresh sandbox. Mark a block
/// <c>```csharp no-run</c> when it needs a real account or a server, or <c>```csharp fragment</c> for statements
/// that use the variables of <see cref="SnippetRewriter"/>.
/// </summary>
[NonParallelizable]
public sealed class DocumentationSnippetTests
{
    private LocalFeed? _feed;
    private SnippetProject? _project;

    private static IEnumerable<string> Documents() =>
        new[] { "README.md" }
            .Concat(Directory.EnumerateFiles(Repository.PathOf("docs"), "*.md").Select(path => "docs/" + Path.GetFileName(path)))
            .Concat(Directory.EnumerateDirectories(Repository.PathOf("src")).Select(d => $"src/{Path.GetFileName(d)}/README.md").Where(p => File.Exists(Repository.PathOf(p))))
            .Order(StringComparer.Ordinal);

    private static IEnumerable<DocSnippet> AllSnippets() =>
        Documents().SelectMany(document => DocSnippet.Extract(document, File.ReadAllText(Repository.PathOf(document))));

    private static IEnumerable<DocSnippet> RunnableSnippets() => AllSnippets().Where(s => s.Mode == SnippetMode.Run);

    [OneTimeSetUp]
    public async Task BuildTheSnippetProject()
    {
        _feed = await LocalFeed.PackAsync("RsSpot", "RsSpot.Emulator");
        _project = await SnippetProject.CreateAsync([.. AllSnippets()], _feed);
    }

    [OneTimeTearDown]
    public void Clean()
    {
        _project?.Dispose();
        _feed?.Dispose();
    }

    [Test]
    public void The_documentation_has_runnable_snippets_in_every_place_a_newcomer_reads_first()
    {
        var runnable = RunnableSnippets().Select(s => s.Document).ToHashSet(StringComparer.Ordinal);

        Assert.That(runnable, Is.SupersetOf(new[] { "README.md", "docs/sdk-guide.md", "src/RsSpot/README.md" }));
    }

    [Test]
    public void The_snippet_project_builds()
    {
        var project = Project();

        Assert.That(project.Build.ExitCode, Is.Zero, project.Build.Output);
    }

    [TestCaseSource(nameof(AllSnippets))]
    public void Snippet_compiles_against_the_packages(DocSnippet snippet)
    {
        var project = Project();
        var diagnostics = project.DiagnosticsOf(snippet);

        Assert.That(diagnostics, Is.Empty, $"{snippet} as compiled:\n{SnippetRewriter.Rewrite(snippet).Source}");
        Assert.That(project.Build.ExitCode == 0 || AllSnippets().Any(s => project.DiagnosticsOf(s).Count > 0), Is.True,
            $"the snippet project failed for a reason no snippet explains:\n{project.Build.Output}");
    }

    [TestCaseSource(nameof(RunnableSnippets))]
    public async Task Snippet_runs_against_a_fresh_sandbox(DocSnippet snippet)
    {
        var project = Project();
        Assert.That(project.Build.ExitCode, Is.Zero, "the snippet project did not build; see The_snippet_project_builds");

        var run = await project.RunAsync(snippet);

        await TestContext.Out.WriteLineAsync(run.Output);
        Assert.That(run.ExitCode, Is.Zero, $"{snippet} failed:\n{run.Output}");
    }

    private SnippetProject Project() => _project ?? throw new InvalidOperationException("the snippet project was not created");
}
