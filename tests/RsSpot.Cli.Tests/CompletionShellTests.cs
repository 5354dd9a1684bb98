using System.Diagnostics;
using RsSpot.Cli.Tests.Support;

namespace RsSpot.Cli.Tests;

/// <summary>
/// The completion scripts driven in real shells: bash through COMP_WORDS and the completion function, fish through
/// <c>complete -C</c>, zsh through bashcompinit (which hands the candidates to compsys to filter by prefix). The
/// <c>rsspot</c> the scripts call back for profile and region names is a stub printing known values.
/// </summary>
public class CompletionShellTests : CliTestBase
{
    private string _stubs = null!;

    [SetUp]
    public void CreateStub()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("the completion scripts are for POSIX shells");
        }

        _stubs = Path.Combine(Home, "bin");
        Directory.CreateDirectory(_stubs);
        var stub = Path.Combine(_stubs, "rsspot");
        File.WriteAllText(stub, "#!/bin/sh\ncase \"$3\" in profiles) echo default; echo prod ;; regions) echo us-central-dfw-1; echo uk-lon-1 ;; esac\n");
#pragma warning disable CA1416 // Not reached on Windows (ignored above).
        File.SetUnixFileMode(stub, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
#pragma warning restore CA1416
    }

    [TestCase(new[] { "rsspot", "configure", "" }, new[] { "--region", "--refresh-token", "--profile" }, new[] { "configure" })]
    [TestCase(new[] { "rsspot", "configure", "--re" }, new[] { "--region", "--refresh-token" }, new[] { "--org" })]
    [TestCase(new[] { "rsspot", "-o", "" }, new[] { "json", "yaml", "table", "jsonl" }, new[] { "regions" })]
    [TestCase(new[] { "rsspot", "pricing", "build", "--risk", "" }, new[] { "low", "med", "high" }, new[] { "--nodes" })]
    [TestCase(new[] { "rsspot", "-p", "" }, new[] { "default", "prod" }, new[] { "regions" })]
    [TestCase(new[] { "rsspot", "cloudspaces", "create", "--region", "uk" }, new[] { "uk-lon-1" }, new[] { "us-central-dfw-1" })]
    [TestCase(new[] { "rsspot", "nodepools", "spot", "" }, new[] { "create", "list" }, new[] { "spot" })]
    public async Task Bash_completes_commands_options_and_values(string[] words, string[] offered, string[] notOffered)
    {
        var script = await Script("bash");
        var line = string.Join(' ', words.Select(w => $"'{w}'"));
        var output = await Shell("bash", $"source '{script}'; COMP_WORDS=({line}); COMP_CWORD={words.Length - 1}; _rsspot; printf '%s\\n' \"${{COMPREPLY[@]}}\"");

        Assert.That(output, Is.SupersetOf(offered).And.Not.Contains(notOffered[0]));
    }

    [TestCase("rsspot configure --re", new[] { "--region", "--refresh-token" }, "--org")]
    [TestCase("rsspot -o ", new[] { "json", "yaml", "table", "jsonl" }, "regions")]
    [TestCase("rsspot regions ", new[] { "list", "get" }, "regions")]
    [TestCase("rsspot pricing build --risk ", new[] { "low", "med", "high" }, "--nodes")]
    [TestCase("rsspot -p ", new[] { "default", "prod" }, "regions")]
    [TestCase("rsspot cloudspaces create --region ", new[] { "us-central-dfw-1", "uk-lon-1" }, "--name")]
    public async Task Fish_completes_commands_options_and_values(string line, string[] offered, string notOffered)
    {
        RequireShell("fish");
        var script = await Script("fish");
        var output = await Shell("fish", $"source '{script}'; complete -C '{line}'");
        var candidates = output.Select(l => l.Split('\t')[0]).ToList();

        Assert.That(candidates, Is.SupersetOf(offered).And.Not.Contains(notOffered));
    }

    [TestCase(new[] { "rsspot", "configure", "--re" }, new[] { "--region", "--refresh-token" }, "configure")]
    [TestCase(new[] { "rsspot", "-o", "" }, new[] { "json", "yaml", "table", "jsonl" }, "regions")]
    [TestCase(new[] { "rsspot", "-p", "" }, new[] { "default", "prod" }, "regions")]
    public async Task Zsh_gets_the_candidates_through_bashcompinit(string[] words, string[] offered, string notOffered)
    {
        RequireShell("zsh");
        var script = await Script("zsh");
        var line = string.Join(' ', words.Select(w => $"'{w}'"));
        var body = $"autoload -U compinit && compinit -u; source '{script}'; emulate sh -c \"COMP_WORDS=({line.Replace("\"", "\\\"", StringComparison.Ordinal)}); COMP_CWORD={words.Length - 1}; _rsspot; printf '%s\\n' \\\"\\${{COMPREPLY[@]}}\\\"\"";
        var output = await Shell("zsh", body);

        Assert.That(output, Is.SupersetOf(offered).And.Not.Contains(notOffered));
    }

    private static void RequireShell(string shell)
    {
        if (!File.Exists($"/usr/bin/{shell}") && !File.Exists($"/bin/{shell}"))
        {
            Assert.Ignore($"{shell} is not installed (CI installs it: build/install-shells.sh)");
        }
    }

    private async Task<string> Script(string shell)
    {
        var run = await Run("completion", shell);
        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var path = Path.Combine(Home, $"rsspot.{shell}");
        await File.WriteAllTextAsync(path, run.Out);
        return path;
    }

    private async Task<List<string>> Shell(string shell, string command)
    {
        var start = new ProcessStartInfo(shell, ["-c", command]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["PATH"] = $"{_stubs}:{Environment.GetEnvironmentVariable("PATH")}";
        start.Environment["HOME"] = Home;
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.That(process.ExitCode, Is.Zero, $"{shell} failed: {errors}");
        return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries)];
    }
}
