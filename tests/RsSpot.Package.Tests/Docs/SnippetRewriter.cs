using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RsSpot.Package.Tests.Docs;

/// <summary>
/// Turns a documentation block into a source file of the one snippet project, so every block compiles in a single
/// build: its usings stay on top, its top-level statements become the body of
/// <c>Snippets.&lt;Id&gt;.Snippet.RunAsync(string[] args)</c> and its types follow in namespace
/// <c>Snippets.&lt;Id&gt;</c>. <c>#line</c> directives map every line back to the Markdown document, so a compiler
/// error names <c>README.md(73,5)</c>, not the generated file.
/// </summary>
internal static class SnippetRewriter
{
    /// <summary>What a fragment may use without declaring it.</summary>
    public static readonly IReadOnlyList<string> FragmentUsings =
    [
        "RsSpot", "RsSpot.Models", "RsSpot.Pricing", "RsSpot.Workflows", "RsSpot.DependencyInjection",
        "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection",
    ];

    private const string FragmentParameters =
        "SpotClient client, AsyncSpotClient asyncClient, IServiceCollection services, IConfiguration configuration, CancellationToken cancellationToken";

    /// <summary>The generated source of <paramref name="snippet"/>, and whether its entry point returns an exit code.</summary>
    public static (string Source, bool ReturnsExitCode) Rewrite(DocSnippet snippet)
    {
        var root = CSharpSyntaxTree.ParseText(snippet.Code).GetCompilationUnitRoot();
        if (root.Members.Any(m => m is BaseNamespaceDeclarationSyntax))
        {
            throw new FormatException($"{snippet}: a documentation snippet must not declare a namespace");
        }

        var source = new StringBuilder();
        var declared = root.Usings.Select(u => u.Name?.ToString()).ToHashSet(StringComparer.Ordinal);
        if (snippet.Mode == SnippetMode.Fragment)
        {
            foreach (var name in FragmentUsings.Where(name => !declared.Contains(name)))
            {
                source.Append("using ").Append(name).AppendLine(";");
            }
        }

        foreach (var directive in root.Usings)
        {
            Append(source, snippet, directive);
        }

        source.AppendLine("#line default").AppendLine(CultureInfo.InvariantCulture, $"namespace Snippets.{snippet.Id};");
        var statements = root.Members.OfType<GlobalStatementSyntax>().Select(g => g.Statement).ToList();
        var returnsCode = snippet.Mode != SnippetMode.Fragment && statements.Any(ReturnsAValue);
        var signature = snippet.Mode == SnippetMode.Fragment
            ? $"Task RunAsync({FragmentParameters})"
            : returnsCode ? "Task<int> RunAsync(string[] args)" : "Task RunAsync(string[] args)";
        source.AppendLine("internal static class Snippet").AppendLine("{")
            .Append("    public static async ").AppendLine(signature).AppendLine("    {");
        foreach (var statement in statements)
        {
            Append(source, snippet, statement);
        }

        source.AppendLine("#line default");
        if (returnsCode && statements[^1] is not ReturnStatementSyntax)
        {
            source.AppendLine("        return 0;");
        }

        source.AppendLine("    }").AppendLine("}");
        foreach (var member in root.Members.Where(m => m is not GlobalStatementSyntax))
        {
            Append(source, snippet, member);
        }

        return (source.AppendLine("#line default").ToString(), returnsCode);
    }

    /// <summary>Whether the top-level code returns an exit code (a <c>return x;</c> outside lambdas and local functions).</summary>
    private static bool ReturnsAValue(StatementSyntax statement) =>
        statement.DescendantNodesAndSelf(node => node is not (LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax))
            .OfType<ReturnStatementSyntax>().Any(r => r.Expression is not null);

    /// <summary>Appends a node's text, indented as in the document, after a #line directive naming its document line.</summary>
    private static void Append(StringBuilder source, DocSnippet snippet, SyntaxNode node)
    {
        var start = node.GetLocation().GetLineSpan().StartLinePosition;
        source.AppendLine(CultureInfo.InvariantCulture, $"#line {snippet.FirstLine + start.Line} \"{snippet.Document}\"")
            .Append(' ', start.Character).AppendLine(node.ToString());
    }
}
