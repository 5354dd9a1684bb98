using System.Text;
using System.Text.RegularExpressions;
using RsSpot.Package.Tests.Support;

namespace RsSpot.Package.Tests.Docs;

/// <summary>
/// One console app (build/consumer/App.csproj.template), outside the repository so none of its build settings apply,
/// that references the packed RsSpot and RsSpot.Emulator packages like a newcomer's project and holds every
/// documentation snippet: built once, then
/// each runnable snippet runs as its own process (<c>dotnet Snippets.dll &lt;id&gt;</c>) with a fresh home folder,
/// so it meets a fresh sandbox and never the developer's configuration (and <c>RsSpot__Sandbox=true</c>, for the
/// snippets that bind their options from a generic host's configuration).
/// </summary>
internal sealed partial class SnippetProject : IDisposable
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

    private readonly string _directory;

    private SnippetProject(string directory, CommandResult build)
    {
        _directory = directory;
        Build = build;
    }

    /// <summary>The outcome of restore + build (compiler diagnostics name the Markdown documents).</summary>
    public CommandResult Build { get; }

    /// <summary>Writes the project for <paramref name="snippets"/> against <paramref name="feed"/> and builds it.</summary>
    public static async Task<SnippetProject> CreateAsync(IReadOnlyList<DocSnippet> snippets, LocalFeed feed)
    {
        var directory = Directory.CreateTempSubdirectory("rsspot-snippets-").FullName;
        await File.WriteAllTextAsync(Path.Combine(directory, "nuget.config"), feed.NuGetConfig()).ConfigureAwait(false);
        File.Copy(Repository.PathOf("build/consumer/App.csproj.template"), Path.Combine(directory, "Snippets.csproj"));
        await File.WriteAllTextAsync(Path.Combine(directory, "Consumer.props"), ConsumerProps()).ConfigureAwait(false);
        var entryPoints = new List<(DocSnippet Snippet, bool ReturnsExitCode)>();
        foreach (var snippet in snippets)
        {
            var (source, returnsExitCode) = SnippetRewriter.Rewrite(snippet);
            await File.WriteAllTextAsync(Path.Combine(directory, snippet.Id + ".cs"), source).ConfigureAwait(false);
            if (snippet.Mode != SnippetMode.Fragment)
            {
                entryPoints.Add((snippet, returnsExitCode));
            }
        }

        await File.WriteAllTextAsync(Path.Combine(directory, "Program.cs"), Dispatcher(entryPoints)).ConfigureAwait(false);
        var build = await Dotnet.RunAsync(directory, BuildTimeout, null,
            "build", "--nologo", "-v", "quiet", "-clp:NoSummary", "-p:RsSpotVersion=" + feed.Version, "-p:UseEmulator=true").ConfigureAwait(false);
        return new SnippetProject(directory, build);
    }

    /// <summary>Compiler diagnostics (errors and warnings, all fatal here) located in <paramref name="snippet"/>'s lines.</summary>
    public IReadOnlyList<string> DiagnosticsOf(DocSnippet snippet)
    {
        var last = snippet.FirstLine + snippet.Code.Split('\n').Length - 1;
        return Diagnostic().Matches(Build.Output)
            .Where(m => m.Groups["file"].Value.EndsWith(snippet.Document, StringComparison.Ordinal)
                && int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture) is var line && line >= snippet.FirstLine && line <= last)
            .Select(m => $"{snippet.Document}({m.Groups["line"].Value}): {m.Groups["message"].Value}")
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Runs one snippet's program with a fresh home folder (fresh sandbox, no configuration).</summary>
    public async Task<CommandResult> RunAsync(DocSnippet snippet)
    {
        var home = Directory.CreateDirectory(Path.Combine(_directory, "homes", snippet.Id)).FullName;
        var environment = Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(name => name.StartsWith("RSSPOT_", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(name => name, _ => (string?)null);
        environment["HOME"] = home;
        environment["USERPROFILE"] = home;
        // What a sandbox appsettings.json would say, for the snippets that bind options from a host's configuration.
        environment["RsSpot__Sandbox"] = "true";
        var program = Path.Combine(_directory, "bin", "Debug", "net10.0", "Snippets.dll");
        return await Dotnet.RunAsync(home, RunTimeout, environment, program, snippet.Id).ConfigureAwait(false);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>What the snippets add to the consumer app: the generic host some of them use, async wrappers without await.</summary>
    private static string ConsumerProps() => $"""
        <Project>
          <PropertyGroup>
            <!-- Each snippet becomes an async method; one without await is fine. -->
            <NoWarn>$(NoWarn);CS1998</NoWarn>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="Microsoft.Extensions.Hosting" Version="{LocalFeed.PinnedVersion("Microsoft.Extensions.Hosting")}" />
          </ItemGroup>
        </Project>
        """;

    private static string Dispatcher(IEnumerable<(DocSnippet Snippet, bool ReturnsExitCode)> entryPoints)
    {
        var program = new StringBuilder("switch (args[0])\n{\n");
        foreach (var (snippet, returnsExitCode) in entryPoints)
        {
            var call = $"Snippets.{snippet.Id}.Snippet.RunAsync(args[1..])";
            program.Append("    case \"").Append(snippet.Id).Append("\": ")
                .AppendLine(returnsExitCode ? $"return await {call};" : $"await {call}; return 0;");
        }

        return program.AppendLine("}").AppendLine("Console.Error.WriteLine($\"no snippet {args[0]}\");").AppendLine("return 2;").ToString();
    }

    /// <summary>An MSBuild diagnostic line, e.g. <c>/tmp/x/README.md(90,12): error CS0103: The name 'ct' does not exist [/tmp/x/Snippets.csproj]</c>.</summary>
    [GeneratedRegex(@"^[ \t]*(?<file>[^\s(][^(\n]*)\((?<line>\d+),\d+\): (?<message>(?:error|warning) \w+: [^\n]*?)(?: \[[^\]\n]*\])?[ \t\r]*$", RegexOptions.Multiline)]
    private static partial Regex Diagnostic();
}
