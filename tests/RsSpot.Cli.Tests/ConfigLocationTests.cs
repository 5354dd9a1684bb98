using RsSpot.Cli.Tests.Support;

namespace RsSpot.Cli.Tests;

/// <summary>Bad configuration locations are errors naming the path (exit 2), never silently skipped.</summary>
public class ConfigLocationTests : CliTestBase
{
    [TestCase(".config/rsspot/config.yml")]
    [TestCase(".config/rsspot/config.json")]
    [TestCase(".spot_config")]
    public async Task A_directory_where_a_config_file_is_looked_for_is_an_error(string relativePath)
    {
        var path = Path.Combine(Home, relativePath);
        Directory.CreateDirectory(path);

        var run = await Run("profiles", "list");

        AssertOneLineError(run, 2, $"config file '{path}' (from ");
        Assert.That(run.Error, Does.Contain("is a directory"));
    }

    [Test]
    public async Task An_unreadable_default_file_is_an_error_not_an_empty_configuration()
    {
        Directory.CreateDirectory(ConfigDirectory);
        var path = Path.Combine(ConfigDirectory, "config.yml");
        File.CreateSymbolicLink(path, Path.Combine(Home, "gone.yml"));

        var run = await Run("profiles", "list");

        AssertOneLineError(run, 2, $"config file '{path}' (from default path) is a link to");
    }

    [Test]
    public async Task An_empty_config_path_is_an_error()
    {
        var run = await Run("-c", "", "profiles", "list");

        AssertOneLineError(run, 2, "config path '' (from -c/config path) is empty");
    }

    [TestCase("version: \"9\"\n")]
    [TestCase("version: 3\nprofiles: {}\n")]
    public async Task An_unknown_schema_version_is_an_error_naming_the_file(string text)
    {
        Directory.CreateDirectory(ConfigDirectory);
        var path = Path.Combine(ConfigDirectory, "config.yml");
        await File.WriteAllTextAsync(path, text);

        var run = await Run("configure", "--region", "r");

        AssertOneLineError(run, 2, $"invalid config structure for '{path}' (line 1): version: must be '1' or '2'");
        Assert.That(await File.ReadAllTextAsync(path), Is.EqualTo(text), "a file that fails to load is never rewritten");
    }
}
