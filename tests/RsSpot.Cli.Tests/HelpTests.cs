using RsSpot.Cli.Commands;
using RsSpot.Cli.Infrastructure;
using RsSpot.Cli.Tests.Support;

namespace RsSpot.Cli.Tests;

public class HelpTests : CliTestBase
{
    [Test]
    public async Task Group_help_describes_its_own_group_and_lists_the_global_options()
    {
        var run = await Run("cloudspaces", "--help");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.ToString());
            Assert.That(run.Out, Does.StartWith("Usage: rsspot cloudspaces <command> [options]"));
            Assert.That(run.Out, Does.Contain("Managed Kubernetes clusters").And.Not.Contain(CommandTree.RootDescription));
            Assert.That(run.Out, Does.Contain("  create ").And.Contain("Global options:"));
            Assert.That(run.Out, Does.Contain("-o, --output <format>").And.Contain("--sandbox").And.Contain("--no-color").And.Contain("--timeout <duration>"));
        });
    }

    [Test]
    public async Task Command_help_lists_arguments_options_and_the_global_options()
    {
        var run = await Run("-o", "table", "cloudspaces", "create", "-h");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.ToString());
            Assert.That(run.Out, Does.StartWith("Usage: rsspot cloudspaces create --name <value> --region <value> [options]"));
            Assert.That(run.Out, Does.Contain("--cni <value>").And.Contain("(default: calico)").And.Contain("(required)"));
            Assert.That(run.Out, Does.Contain("Global options:").And.Contain("-p, --profile <name>"));
        });
    }

    [Test]
    public async Task A_group_named_without_a_command_prints_its_help()
    {
        var run = await Run("nodepools", "spot");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Out, Does.StartWith("Usage: rsspot nodepools spot <command> [options]").And.Contain("Spot"));
    }

    [Test]
    public async Task A_group_that_is_a_command_shows_its_options_not_a_subcommand_of_its_own_name()
    {
        var run = await Run("configure", "--help");
        var tree = CommandTree.Build(typeof(RootCommands));

        Assert.Multiple(() =>
        {
            Assert.That(run.Out, Does.StartWith("Usage: rsspot configure [options]").And.Contain("--refresh-token <value>"));
            Assert.That(tree.Descendants().Select(n => n.Path), Does.Not.Contain("rsspot configure configure").And.Not.Contain("rsspot raw raw"));
            Assert.That(tree.Descendants().Single(n => n.Path == "rsspot raw").Parameters.Select(p => p.Name), Does.Contain("path"));
        });
    }

    [Test]
    public async Task Help_is_not_a_command_run_so_history_does_not_record_it()
    {
        await Run("--help");
        await Run("regions", "list", "--help");
        var history = await Run("history", "list");

        Assert.That(history.Json, Is.Empty, history.ToString());
    }
}
