using RsSpot.Cli.Tests.Support;

namespace RsSpot.Cli.Tests;

/// <summary>Every bad flag or value of configure, profiles, config, history and cache: one line on stderr, a stable exit code, nothing on stdout.</summary>
public class ConfigUsageErrorTests : CliTestBase
{
    [SetUp]
    public Task OneProfile() => Run("configure", "--region", "us-central-dfw-1", "--refresh-token", "rt-secretvalue-0123456789");

    [TestCase(new[] { "config", "set", "nope", "x" }, 2, "unknown preference key 'nope': use default_profile, default_org")]
    [TestCase(new[] { "config", "get", "profile_org:" }, 2, "unknown preference key 'profile_org:'")]
    [TestCase(new[] { "config", "unset", "region" }, 2, "unknown preference key 'region'")]
    [TestCase(new[] { "config", "set", "default_org", " " }, 2, "default_org must not be blank")]
    [TestCase(new[] { "config", "set", "default_org" }, 2, "missing argument <value>")]
    [TestCase(new[] { "config", "set-default-profile", "missing" }, 4, "profile 'missing' not found")]
    [TestCase(new[] { "config", "set", "default_profile", "missing" }, 4, "profile 'missing' not found")]
    [TestCase(new[] { "config", "info", "--all" }, 2, "unknown option --all (see --help)")]
    [TestCase(new[] { "profiles", "use", "missing" }, 4, "profile 'missing' not found")]
    [TestCase(new[] { "profiles", "show", "missing" }, 4, "run 'rsspot configure --profile missing'")]
    [TestCase(new[] { "profiles", "delete", "missing", "--yes" }, 4, "profile 'missing' not found")]
    [TestCase(new[] { "profiles", "delete", "default" }, 2, "needs confirmation: pass --yes")]
    [TestCase(new[] { "-p", "missing", "profiles", "show" }, 4, "profile 'missing' (from argument) not found")]
    [TestCase(new[] { "configure", "--base-url", "notaurl" }, 2, "--base-url 'notaurl' is not an absolute http(s) URL")]
    [TestCase(new[] { "configure", "--oauth-url", "ftp://login.example" }, 2, "--oauth-url 'ftp://login.example' is not an absolute http(s) URL")]
    [TestCase(new[] { "configure", "--base-url", "https://user:pw@spot.example" }, 2, "--base-url must not embed credentials")]
    [TestCase(new[] { "configure", "--region", "" }, 2, "--region must not be blank")]
    [TestCase(new[] { "configure", "--activate", "--no-activate" }, 2, "--activate and --no-activate exclude each other")]
    [TestCase(new[] { "configure", "--refresh-token", "two words" }, 2, "--refresh-token must be a single token without spaces (value not shown)")]
    [TestCase(new[] { "configure", "--colour" }, 2, "unknown option --colour (see --help)")]
    [TestCase(new[] { "history", "list", "--limit", "0" }, 2, "--limit must be at least 1, got 0")]
    [TestCase(new[] { "history", "list", "--limit=-1" }, 2, "--limit must be at least 1, got -1")]
    [TestCase(new[] { "history", "list", "--limit", "many" }, 2, "invalid --limit: expected a whole number")]
    [TestCase(new[] { "history", "search", " " }, 2, "search text must not be blank")]
    [TestCase(new[] { "history", "search" }, 2, "missing argument <text>")]
    [TestCase(new[] { "history", "clear" }, 2, "delete the whole command history? needs confirmation: pass --yes")]
    [TestCase(new[] { "cache", "clear" }, 2, "needs confirmation: pass --yes")]
    [TestCase(new[] { "cache", "purge" }, 2, "'purge' is not a command")]
    public async Task Bad_input_exits_with_one_line(string[] args, int exitCode, string message)
    {
        var run = await Run(args);

        AssertOneLineError(run, exitCode, message);
        Assert.That(run.Error, Does.Not.Contain("secretvalue").And.Not.Contain("two words"), "values are never echoed");
    }

    [Test]
    public async Task A_missing_explicit_config_file_is_an_error_not_an_empty_configuration()
    {
        var run = await Run("-c", Path.Combine(Home, "nope.yml"), "profiles", "list");

        Assert.That(run.ExitCode, Is.EqualTo(4), "a missing input file is not found, as the exit-code table says; " + run);
        Assert.That(run.Error, Does.StartWith("error: config file").And.Contain("does not exist"));
    }

    [Test]
    public async Task A_mistyped_config_path_leaves_nothing_behind()
    {
        var typo = Path.Combine(Home, "typo");

        var run = await Run("-c", Path.Combine(typo, "rsspot.yml"), "regions", "list");

        AssertOneLineError(run, 4, "does not exist; run 'rsspot configure' or fix the path");
        Assert.That(Directory.Exists(typo), Is.False, "no state.db (nor its directory) beside a file that does not exist");
    }
}
