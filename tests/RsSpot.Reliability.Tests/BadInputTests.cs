using System.Security.Cryptography;
using RsSpot.Models;
using RsSpot.Reliability.Tests.BadInput;
using RsSpot.Reliability.Tests.Support;

namespace RsSpot.Reliability.Tests;

/// <summary>
/// A corpus of hostile inputs (configuration files in each format, command lines, server replies, local files): each
/// ends in one <c>error: ...</c> line with its documented exit code, no stack trace, no control byte, and no file of
/// the user's changed. Runs the real command line in-process for speed.
/// </summary>
[NonParallelizable]
public class BadInputTests
{
    private Lab _lab = null!;
    private string _baseline = null!;

    public static IEnumerable<BadInputCase> Corpus() =>
        ConfigFileCases.All().Concat(CommandLineCases.All()).Concat(ServerReplyCases.All()).Concat(LocalFileCases.All());

    [OneTimeSetUp]
    public async Task StartLab()
    {
        _lab = await Lab.StartAsync("{ max_attempts: 2, base_delay: 0.05, max_delay: 0.1 }");
        _baseline = await File.ReadAllTextAsync(_lab.ConfigPath);
        using var client = _lab.CreateClient();
        await client.CloudSpaces.CreateAsync(new CreateCloudSpaceRequest { Name = "lab", Region = "us-central-dfw-1" });
    }

    [OneTimeTearDown]
    public async Task StopLab() => await _lab.DisposeAsync();

    [SetUp]
    public async Task Restore()
    {
        _lab.Emulator.Faults.Clear();
        foreach (var path in new[] { _lab.ConfigDirectory, Path.Combine(_lab.Home, ".kube"), Path.Combine(_lab.Home, ".spot_config") })
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }

        Directory.CreateDirectory(_lab.ConfigDirectory);
        await File.WriteAllTextAsync(_lab.ConfigPath, _baseline);
    }

    [Test]
    public void The_corpus_has_at_least_120_cases() => Assert.That(Corpus().Count(), Is.GreaterThanOrEqualTo(120));

    [TestCaseSource(nameof(Corpus))]
    public async Task Each_bad_input_is_one_line_with_its_exit_code_and_changes_nothing(BadInputCase input)
    {
        if (input.Arrange is not null)
        {
            await input.Arrange(_lab);
        }

        var before = UserFiles();
        var run = await _lab.RunInProcessAsync(input.Args);

        run.AssertOneLineError(input.ExitCode, input.Containing);
        Assert.That(UserFiles(), Is.EqualTo(before), "no user file changed");
    }

    /// <summary>The user's files and their content hashes (rsspot's own state and lock files aside).</summary>
    private Dictionary<string, string> UserFiles() => Directory.EnumerateFiles(_lab.Home, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
        .Where(path => !Path.GetFileName(path).StartsWith("state.db", StringComparison.Ordinal) && !Path.GetFileName(path).StartsWith("sandbox.db", StringComparison.Ordinal) && !path.EndsWith(".lock", StringComparison.Ordinal))
        .ToDictionary(path => path, Hash);

    private static string Hash(string path)
    {
        try
        {
            return Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
        }
        catch (FileNotFoundException)
        {
            return "a dangling link";
        }
    }
}
