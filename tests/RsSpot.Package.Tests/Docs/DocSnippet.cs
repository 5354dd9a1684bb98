using System.Text.RegularExpressions;

namespace RsSpot.Package.Tests.Docs;

/// <summary>How a C# block of the documentation is checked, from the words after <c>```csharp</c> on its fence.</summary>
public enum SnippetMode
{
    /// <summary><c>```csharp</c>: a whole program as pasted into a new console app; compiled, then run against the sandbox.</summary>
    Run,

    /// <summary><c>```csharp no-run</c>: a whole program that needs a real account or a server; compiled only.</summary>
    CompileOnly,

    /// <summary>
    /// <c>```csharp fragment</c>: statements (and types) that assume the usings of <see cref="SnippetRewriter"/> and
    /// its variables <c>client</c>, <c>asyncClient</c>, <c>services</c>, <c>configuration</c> and
    /// <c>cancellationToken</c>; compiled only.
    /// </summary>
    Fragment,
}

/// <summary>One <c>```csharp</c> block of a Markdown document.</summary>
/// <param name="Document">Path of the document relative to the repository root, e.g. <c>docs/sdk-guide.md</c>.</param>
/// <param name="FenceLine">1-based line of the opening fence.</param>
/// <param name="Mode">How the block is checked.</param>
/// <param name="Code">The block's text.</param>
public sealed partial record DocSnippet(string Document, int FenceLine, SnippetMode Mode, string Code)
{
    /// <summary>1-based document line of the block's first code line.</summary>
    public int FirstLine => FenceLine + 1;

    /// <summary>An identifier usable as a namespace and a command-line argument, e.g. <c>docs_sdk_guide_md_L8</c>.</summary>
    public string Id => NonIdentifier().Replace(Document, "_") + "_L" + FenceLine.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public override string ToString() => $"{Document}:{FenceLine}";

    /// <summary>Every C# block of <paramref name="markdown"/>, with its mode.</summary>
    /// <exception cref="FormatException">A fence names an unknown mode or a block is not closed.</exception>
    public static IEnumerable<DocSnippet> Extract(string document, string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var fence = Fence().Match(lines[i]);
            if (!fence.Success)
            {
                continue;
            }

            var mode = fence.Groups["mode"].Value switch
            {
                "" => SnippetMode.Run,
                "no-run" => SnippetMode.CompileOnly,
                "fragment" => SnippetMode.Fragment,
                var other => throw new FormatException($"{document}:{i + 1}: unknown snippet mode '{other}' (use no-run or fragment)"),
            };
            var end = Array.FindIndex(lines, i + 1, line => line.TrimEnd() == "```");
            if (end < 0)
            {
                throw new FormatException($"{document}:{i + 1}: the csharp block is not closed");
            }

            yield return new DocSnippet(document, i + 1, mode, string.Join('\n', lines[(i + 1)..end]));
            i = end;
        }
    }

    [GeneratedRegex(@"^```(?:csharp|cs|c#)(?:\s+(?<mode>[\w-]+))?\s*$")]
    private static partial Regex Fence();

    [GeneratedRegex("[^A-Za-z0-9]")]
    private static partial Regex NonIdentifier();
}
