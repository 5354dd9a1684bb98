using RsSpot.Cli.Commands;
using RsSpot.Cli.Infrastructure;
using RsSpot.Cli.Tests.Support;

namespace RsSpot.Cli.Tests;

public class CompletionAndReferenceTests : CliTestBase
{
    [Test]
    public void The_tree_has_every_registered_group_and_each_command_its_options()
    {
        var tree = CommandTree.Build(typeof(RootCommands));
        var paths = tree.Descendants().Select(n => n.Path).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(paths, Does.Contain("rsspot organizations list").And.Contain("rsspot emulator serve").And.Contain("rsspot completion fish"));
            Assert.That(tree.Descendants().Single(n => n.Path == "rsspot completion reference").IsHidden, Is.True, "maintenance command stays out of help");
            Assert.That(tree.Descendants().Single(n => n.Path == "rsspot emulator serve").Parameters.Select(p => p.Name), Is.EquivalentTo(new[] { "port", "state", "provisioning-delay" }));
        });
    }

    [Test]
    public void Options_of_shared_parameter_sets_are_listed_with_their_defaults()
    {
        var create = CommandTree.Build(typeof(RootCommands)).Descendants().Single(n => n.Path == "rsspot nodepools spot create");

        Assert.Multiple(() =>
        {
            Assert.That(create.Parameters.Select(p => p.Name), Is.SupersetOf(new[] { "cloudspace", "server-class", "desired", "taint", "bid-price" }));
            Assert.That(create.Parameters.Single(p => p.Name == "cloudspace").IsRequired, Is.True);
            Assert.That(create.Parameters.Single(p => p.Name == "desired").Default, Is.EqualTo("1"));
            Assert.That(create.Parameters.Single(p => p.Name == "taint").IsRepeatable, Is.True);
        });
    }

    [TestCase("bash", "complete -F _rsspot rsspot")]
    [TestCase("zsh", "bashcompinit")]
    [TestCase("fish", "complete -c rsspot")]
    public async Task Completion_scripts_cover_the_command_tree(string shell, string marker)
    {
        var run = await Run("completion", shell);

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Out, Does.Contain(marker).And.Contain("organizations").And.Contain("serve"));
    }

    [Test]
    public async Task The_bash_script_is_valid_bash()
    {
        var run = await Run("completion", "bash");
        var file = Path.Combine(Home, "rsspot.bash");
        await File.WriteAllTextAsync(file, run.Out);

        using var bash = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("bash", ["-n", file]) { RedirectStandardError = true })!;
        var errors = await bash.StandardError.ReadToEndAsync();
        await bash.WaitForExitAsync();

        Assert.That(bash.ExitCode, Is.Zero, errors);
    }

    [Test]
    public void The_committed_cli_reference_matches_the_command_tree()
    {
        var expected = CliReference.Render(CommandTree.Build(typeof(RootCommands)));
        var committed = RepositoryFiles.Read("docs/cli-reference.md");

        Assert.That(committed.TrimEnd(), Is.EqualTo(expected.TrimEnd()), $"docs/cli-reference.md is stale; run `{CliReference.RegenerateCommand}`");
    }
}
