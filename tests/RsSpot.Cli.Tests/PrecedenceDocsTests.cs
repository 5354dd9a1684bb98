using RsSpot.Cli.Tests.Support;
using RsSpot.Configuration;

namespace RsSpot.Cli.Tests;

/// <summary>The precedence table of docs/configuration.md is the order <c>config info --resolved</c> reports.</summary>
public class PrecedenceDocsTests : CliTestBase
{
    private static string Docs => RepositoryFiles.Read("docs/configuration.md");

    [TestCase("org")]
    [TestCase("region")]
    public async Task Each_documented_source_wins_once_every_source_above_it_is_removed(string key)
    {
        var sources = RepositoryFiles.Table(Docs, "## Which value wins")
            .Select(row => RepositoryFiles.CodeSpan(row[2]).Replace("<profile>", "p", StringComparison.Ordinal)
                .Replace("org", key, StringComparison.Ordinal).Replace("ORG", key.ToUpperInvariant(), StringComparison.Ordinal))
            .ToList();
        Assert.That(sources[0], Is.EqualTo("argument"), "explicit arguments come first (CLI flags cannot set org; ConfigResolverTests covers them)");

        for (var first = 1; first < sources.Count; first++)
        {
            await Arrange(sources.Skip(first).ToList(), key);

            var resolved = (await Run("config", "info", "--resolved")).Json[key]!;

            Assert.Multiple(() =>
            {
                Assert.That(resolved["source"]!.ToString(), Is.EqualTo(sources[first]), $"row {first + 1} of the table");
                Assert.That(resolved["value"]!.ToObject<string?>(), Is.EqualTo(sources[first] == "unset" ? null : ValueOf(sources[first])));
            });
        }
    }

    [Test]
    public void Every_declared_environment_variable_is_documented()
    {
        var documented = Docs;
        var variables = ProfileSettings.Declared.SelectMany(declared => declared.Setting.Env.Concat(declared.Setting.FallbackEnv)).Concat(ConfigResolver.ProfileVariables);

        Assert.That(variables.Where(variable => !documented.Contains($"`{variable}`", StringComparison.Ordinal)), Is.Empty);
    }

    /// <summary>A fresh configuration and state in which exactly <paramref name="sources"/> set <paramref name="key"/>.</summary>
    private async Task Arrange(List<string> sources, string key)
    {
        if (Directory.Exists(ConfigDirectory))
        {
            Directory.Delete(ConfigDirectory, recursive: true);
        }

        Variables.Remove($"RSSPOT_{key.ToUpperInvariant()}");
        var profile = sources.Contains("profile:p") ? $"    {key}: {ValueOf("profile:p")}\n" : string.Empty;
        var preferences = string.Concat(sources.Where(s => s.StartsWith("config:preferences.", StringComparison.Ordinal)).Select(source =>
            source.Split('.') is [_, var map, var name] ? $"  {map}:\n    {name}: {ValueOf(source)}\n" : $"  {source.Split('.')[1]}: {ValueOf(source)}\n"));
        Directory.CreateDirectory(ConfigDirectory);
        await File.WriteAllTextAsync(Path.Combine(ConfigDirectory, "config.yml"), $"active_profile: p\nprofiles:\n  p:\n    refresh_token: rt\n{profile}preferences:\n{preferences}  theme: dark\n");
        foreach (var source in sources)
        {
            if (source.StartsWith("env:", StringComparison.Ordinal))
            {
                Variables[source[4..]] = ValueOf(source);
            }
            else if (source.StartsWith("state:", StringComparison.Ordinal))
            {
                Assert.That((await Run("config", "set", source[6..], ValueOf(source))).ExitCode, Is.Zero);
            }
        }
    }

    private static string ValueOf(string source) => "v-" + source.Replace(':', '-').Replace('.', '-');
}
