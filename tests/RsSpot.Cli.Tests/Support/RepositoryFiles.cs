using System.Text.RegularExpressions;

namespace RsSpot.Cli.Tests.Support;

/// <summary>Committed files of the repository (docs, README) that tests compare with the code.</summary>
public static partial class RepositoryFiles
{
    public static string Root
    {
        get
        {
            var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "RsSpot.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new DirectoryNotFoundException("RsSpot.sln not found above the test directory");
        }
    }

    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath));

    /// <summary>The rows of the first Markdown table after <paramref name="heading"/>: one list of trimmed cells per row, header and rule excluded.</summary>
    public static List<List<string>> Table(string markdown, string heading)
    {
        var lines = markdown[markdown.IndexOf(heading, StringComparison.Ordinal)..].Split('\n')
            .SkipWhile(line => !line.StartsWith('|')).TakeWhile(line => line.StartsWith('|')).ToList();
        Assert.That(lines, Has.Count.GreaterThan(2), $"no table under '{heading}'");
        return lines.Skip(2).Select(line => line.Trim().Trim('|').Split('|').Select(cell => cell.Trim()).ToList()).ToList();
    }

    /// <summary>The text of the first <c>`code span`</c> of a Markdown cell.</summary>
    public static string CodeSpan(string cell) => CodeSpanPattern().Match(cell) is { Success: true } match ? match.Groups[1].Value : throw new FormatException($"no code span in '{cell}'");

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex CodeSpanPattern();
}
