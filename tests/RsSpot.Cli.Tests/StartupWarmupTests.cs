using RsSpot.Cli.Hosting;
using RsSpot.Cli.Tests.Support;

namespace RsSpot.Cli.Tests;

/// <summary>
/// The start-up profile and warm-up of a real process (Program.cs): the profile lands in the XDG cache directory, a
/// second run plays it back, and a cache that cannot be written changes nothing a user sees.
/// </summary>
public class StartupWarmupTests : CliTestBase
{
    private string DefaultProfile => Path.Combine(Home, ".cache", "rsspot", StartupWarmup.ProfileName);

    [Test]
    [CancelAfter(120_000)]
    public async Task A_command_records_a_start_up_profile_that_the_next_run_plays_back()
    {
        var first = await RunProcess("--sandbox", "regions", "list", "-o", "json");
        var second = await RunProcess("--sandbox", "regions", "list", "-o", "json");

        Assert.Multiple(() =>
        {
            Assert.That(first.ExitCode, Is.Zero, first.ToString());
            Assert.That(first.Json.Select(region => region.Value<string>("name")), Does.Contain("us-central-dfw-1"));
            Assert.That(new FileInfo(DefaultProfile).Exists ? new FileInfo(DefaultProfile).Length : 0, Is.GreaterThan(0), "the runtime wrote the profile at exit");
            Assert.That(second.ExitCode, Is.Zero, second.ToString());
            Assert.That(second.Out, Is.EqualTo(first.Out), "the played-back run answers the same");
            Assert.That(second.Error, Is.EqualTo(first.Error));
        });
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task XDG_CACHE_HOME_chooses_where_the_profile_goes()
    {
        var cache = Path.Combine(Home, "xdg-cache");
        Variables["XDG_CACHE_HOME"] = cache;

        var run = await RunProcess("--sandbox", "regions", "list");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.ToString());
            Assert.That(File.Exists(Path.Combine(cache, "rsspot", StartupWarmup.ProfileName)), Is.True);
            Assert.That(Directory.Exists(Path.Combine(Home, ".cache")), Is.False);
        });
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task A_cache_directory_that_cannot_be_created_changes_nothing_a_user_sees()
    {
        var normal = await RunProcess("--sandbox", "regions", "list", "-o", "json");
        Directory.Delete(Path.Combine(Home, ".cache"), recursive: true);
        await File.WriteAllTextAsync(Path.Combine(Home, ".cache"), "a file where the cache directory would go");

        var blocked = await RunProcess("--sandbox", "regions", "list", "-o", "json");

        Assert.Multiple(() =>
        {
            Assert.That(blocked.ExitCode, Is.Zero, blocked.ToString());
            Assert.That(blocked.Out, Is.EqualTo(normal.Out));
            Assert.That(blocked.Error, Is.EqualTo(normal.Error));
        });
    }

    [TestCase("--version")]
    [TestCase("--help")]
    public async Task Version_and_help_leave_no_profile(string argument)
    {
        var run = await RunProcess(argument);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.ToString());
            Assert.That(run.Out, Is.Not.Empty);
            Assert.That(Directory.Exists(Path.Combine(Home, ".cache")), Is.False);
        });
    }
}
