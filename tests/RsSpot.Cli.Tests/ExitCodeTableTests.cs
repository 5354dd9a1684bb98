using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using RsSpot.Cli.Infrastructure;
using RsSpot.Cli.Tests.Support;

namespace RsSpot.Cli.Tests;

/// <summary>One exit-code table: README, troubleshooting.md and <see cref="ExitCodes"/> agree, and a missing profile has one code.</summary>
public class ExitCodeTableTests : CliTestBase
{
    [Test]
    public void README_troubleshooting_and_the_code_list_the_same_exit_codes()
    {
        var readme = CodeTable("README.md", "### Exit codes");
        var troubleshooting = CodeTable("docs/troubleshooting.md", "## Exit codes");
        var constants = typeof(ExitCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (int)f.GetRawConstantValue()!);

        Assert.Multiple(() =>
        {
            Assert.That(readme.Keys, Is.EquivalentTo(constants), "README.md lists every code of ExitCodes and no other");
            Assert.That(troubleshooting, Is.EqualTo(readme), "docs/troubleshooting.md has the README's table, word for word");
        });
    }

    [Test]
    public void Troubleshooting_gives_a_missing_profile_the_code_the_CLI_returns()
    {
        var documented = Regex.Match(RepositoryFiles.Read("docs/troubleshooting.md"), @"`profile 'x' \.\.\. not found`\*\* \(exit (\d+)\)");

        Assert.That(documented.Success, Is.True, "troubleshooting.md documents the missing-profile error");
        Assert.That(int.Parse(documented.Groups[1].Value, CultureInfo.InvariantCulture), Is.EqualTo(ExitCodes.NotFound));
    }

    [TestCase("-p", "missing", "regions", "list")]
    [TestCase("-p", "missing", "config", "info", "--resolved")]
    [TestCase("-p", "missing", "profiles", "show")]
    [TestCase("profiles", "show", "missing")]
    [TestCase("profiles", "use", "missing")]
    [TestCase("profiles", "delete", "missing", "--yes")]
    [TestCase("config", "set-default-profile", "missing")]
    public async Task A_missing_profile_exits_with_the_not_found_code_wherever_it_is_met(params string[] args)
    {
        await Run("configure", "--refresh-token", "rt-secretvalue-0123456789");

        var run = await Run(args);

        AssertOneLineError(run, ExitCodes.NotFound, "profile 'missing'");
        Assert.That(run.Error, Does.Contain("not found in").And.Contain("run 'rsspot configure --profile missing'"));
    }

    [Test]
    public async Task A_missing_profile_named_by_the_environment_has_the_same_code()
    {
        await Run("configure", "--refresh-token", "rt-secretvalue-0123456789");
        Variables["RSSPOT_PROFILE"] = "missing";

        var run = await Run("regions", "list");

        AssertOneLineError(run, ExitCodes.NotFound, "profile 'missing' (from env:RSSPOT_PROFILE) not found");
    }

    private static Dictionary<int, string> CodeTable(string file, string heading) =>
        RepositoryFiles.Table(RepositoryFiles.Read(file), heading).ToDictionary(row => int.Parse(row[0], CultureInfo.InvariantCulture), row => row[1]);
}
