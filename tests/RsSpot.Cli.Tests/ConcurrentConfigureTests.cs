using RsSpot.Cli.Tests.Support;
using RsSpot.Configuration;

namespace RsSpot.Cli.Tests;

/// <summary>Concurrent <c>rsspot configure</c> processes never lose each other's profiles (the config file lock).</summary>
public class ConcurrentConfigureTests : CliTestBase
{
    private const int Writers = 8;
    private const int ProfilesPerWriter = 10;

    [Test]
    [CancelAfter(300_000)]
    public async Task Eight_concurrent_writers_of_ten_profiles_each_keep_all_eighty()
    {
        // Half the writers also activate each profile (a second locked write per run), half pass --no-activate.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            var failures = new List<string>();
            for (var i = 0; i < ProfilesPerWriter; i++)
            {
                var run = await RunProcess("-p", Name(writer, i), "configure", "--region", $"r-{i}", "--refresh-token", Token(writer, i), writer % 2 == 0 ? "--no-activate" : "--activate");
                if (run.ExitCode != 0)
                {
                    failures.Add($"{Name(writer, i)}: exit {run.ExitCode}: {run.Error.Trim()}");
                }
            }

            return failures;
        })));

        var path = Path.Combine(ConfigDirectory, "config.yml");
        var config = ConfigSerializer.ReadFile(path);
        var expected = Pairs().Select(p => Name(p.Writer, p.Index)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(outcomes.SelectMany(failures => failures), Is.Empty);
            Assert.That(config.Profiles.Keys, Is.EquivalentTo(expected), "every profile written is kept");
            Assert.That(Pairs().Where(p => (config.Profiles.TryGetValue(Name(p.Writer, p.Index), out var stored) ? stored.RefreshToken : null) != Token(p.Writer, p.Index)), Is.Empty, "every token is the one its writer stored");
            Assert.That(config.ActiveProfile, Is.AnyOf(Pairs().Where(p => p.Writer % 2 == 1).Select(p => Name(p.Writer, p.Index)).ToArray()), "the active profile is one an --activate run selected");
            Assert.That(OperatingSystem.IsWindows() ? default : File.GetUnixFileMode(path), Is.EqualTo(OperatingSystem.IsWindows() ? default : UnixFileMode.UserRead | UnixFileMode.UserWrite));
        });
    }

    private static IEnumerable<(int Writer, int Index)> Pairs() =>
        Enumerable.Range(0, Writers).SelectMany(writer => Enumerable.Range(0, ProfilesPerWriter).Select(index => (writer, index)));

    private static string Name(int writer, int index) => $"w{writer}-p{index}";

    private static string Token(int writer, int index) => $"rt-{writer}-{index}";
}
