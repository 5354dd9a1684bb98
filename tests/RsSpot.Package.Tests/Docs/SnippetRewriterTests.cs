using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace RsSpot.Package.Tests.Docs;

/// <summary>How Markdown blocks become sources of the snippet project (without building it).</summary>
public class SnippetRewriterTests
{
    private const string Markdown = """
        # Title

        ```csharp
        using RsSpot;

        using var client = new SpotClient(new SpotClientOptions { Sandbox = true });
        if (client.Regions.List().Count == 0) return 1;
        ```

        ```bash
        rsspot regions list
        ```

        ```csharp fragment
        var regions = await asyncClient.Regions.ListAsync(cancellationToken);
        services.AddSpotClient(configuration.GetSection("RsSpot"));
        Console.WriteLine(new Checker().Check(client));

        sealed class Checker
        {
            public string Check(SpotClient spot) => spot.ProfileName;
        }
        ```

        ```csharp no-run
        Console.WriteLine("needs an account");
        ```
        """;

    private static List<DocSnippet> Snippets() => [.. DocSnippet.Extract("docs/guide.md", Markdown)];

    [Test]
    public void Csharp_blocks_are_found_with_their_mode_and_line()
    {
        Assert.That(Snippets().Select(s => (s.FenceLine, s.Mode)), Is.EqualTo(new[]
        {
            (3, SnippetMode.Run), (14, SnippetMode.Fragment), (25, SnippetMode.CompileOnly),
        }));
        Assert.That(Snippets()[0].Id, Is.EqualTo("docs_guide_md_L3"));
    }

    [Test]
    public void An_unknown_mode_is_refused_with_its_place() =>
        Assert.That(() => DocSnippet.Extract("README.md", "```csharp maybe\nx();\n```").ToList(),
            Throws.InstanceOf<FormatException>().With.Message.EqualTo("README.md:1: unknown snippet mode 'maybe' (use no-run or fragment)"));

    [Test]
    public void A_program_keeps_its_usings_on_top_and_maps_each_line_back_to_the_document()
    {
        var (source, returnsExitCode) = SnippetRewriter.Rewrite(Snippets()[0]);

        Assert.Multiple(() =>
        {
            Assert.That(returnsExitCode, Is.True, "a top-level `return 1;` makes the entry point return the exit code");
            Assert.That(source, Does.StartWith("#line 4 \"docs/guide.md\"\nusing RsSpot;\n#line default\nnamespace Snippets.docs_guide_md_L3;"));
            Assert.That(source, Does.Contain("public static async Task<int> RunAsync(string[] args)"));
            Assert.That(source, Does.Contain("#line 7 \"docs/guide.md\"\nif (client.Regions.List().Count == 0) return 1;"));
            Assert.That(source, Does.Contain("        return 0;"), "falling off the end returns 0, as a top-level program does");
        });
    }

    [Test]
    public void A_fragment_compiles_with_the_documented_usings_and_variables()
    {
        var (source, _) = SnippetRewriter.Rewrite(Snippets()[1]);
        var compilation = CSharpCompilation.Create(
            "Fragment",
            [CSharpSyntaxTree.ParseText(source, path: "fragment.cs"), CSharpSyntaxTree.ParseText("global using System; global using System.Threading; global using System.Threading.Tasks;")],
            References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString());

        Assert.That(errors, Is.Empty, source);
    }

    /// <summary>The framework plus every assembly next to the tests (RsSpot, Microsoft.Extensions.*).</summary>
    private static IEnumerable<MetadataReference> References() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Concat(Directory.EnumerateFiles(TestContext.CurrentContext.TestDirectory, "*.dll"))
            .DistinctBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(path => MetadataReference.CreateFromFile(path));
}
