using System.Diagnostics;
using System.Reflection;
using RsSpot.Cli.Infrastructure;

namespace RsSpot.Cli.Tests.Support;

/// <summary>
/// Runs rsspot in-process as a user would, each test with its own empty home directory (so ~/.config/rsspot is
/// private to it) and no RSSPOT_* variables from the machine.
/// </summary>
[NonParallelizable]
public abstract class CliTestBase
{
    protected string Home { get; private set; } = null!;

    protected Dictionary<string, string?> Variables { get; } = new(StringComparer.Ordinal);

    protected string ConfigDirectory => Path.Combine(Home, ".config", "rsspot");

    [SetUp]
    public void CreateHome()
    {
        Home = Directory.CreateTempSubdirectory("rsspot-cli-").FullName;
        Variables.Clear();
        Variables["HOME"] = Home;
        Variables["NO_COLOR"] = "1";
    }

    [TearDown]
    public void DeleteHome() => Directory.Delete(Home, recursive: true);

    /// <summary>Runs <c>rsspot</c> with <paramref name="args"/>; <paramref name="input"/> feeds prompts (and makes the run interactive).</summary>
    private protected async Task<CliRun> Run(string[] args, string? input = null, Interruption? interruption = null, StringWriter? errorWriter = null)
    {
        using var output = new StringWriter();
        using var error = errorWriter ?? new StringWriter();
        var environment = new CliEnvironment
        {
            Out = output,
            Error = error,
            In = new StringReader(input ?? ""),
            IsInteractive = input is not null,
            Variables = new Dictionary<string, string?>(Variables),
            HomeDirectory = Home,
            Interruption = interruption ?? new Interruption(),
        };
        var exitCode = await CliApp.RunAsync(args, environment);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    protected Task<CliRun> Run(params string[] args) => Run(args, input: null);

    /// <summary>
    /// Runs the built CLI as its own process (<c>dotnet RsSpot.Cli.dll</c>), for what only a real process shows (its
    /// entry point, file locks between processes): the machine's environment without RSSPOT_/SPOT_/RACKSPACE_
    /// variables, then this test's <see cref="Variables"/>.
    /// </summary>
    protected async Task<CliRun> RunProcess(params string[] args)
    {
        var dll = typeof(CliTestBase).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RsSpotCliDll").Value!;
        Assume.That(File.Exists(dll), $"CLI not built: {dll}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        args.ToList().ForEach(start.ArgumentList.Add);
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("RSSPOT_", StringComparison.OrdinalIgnoreCase) || k.StartsWith("SPOT_", StringComparison.OrdinalIgnoreCase) || k.StartsWith("RACKSPACE_", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in Variables)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new CliRun(process.ExitCode, output, await error);
    }

    /// <summary>Runs a command against the sandbox emulator.</summary>
    protected Task<CliRun> Sandbox(params string[] args) => Run(["--sandbox", .. args], input: null);

    /// <summary>Asserts the usual shape of a refused command: the exit code, one error line, nothing on stdout.</summary>
    protected static void AssertOneLineError(CliRun run, int exitCode, string message)
    {
        var errors = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith("sandbox:", StringComparison.Ordinal)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(exitCode), run.ToString());
            Assert.That(errors, Has.Count.EqualTo(1), run.ToString());
            Assert.That(errors.FirstOrDefault(), Does.StartWith("error: ").And.Contain(message));
            Assert.That(run.Out, Is.Empty);
        });
    }
}
