using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using RsSpot.OpenApiTools.Cli;
using RsSpot.OpenApiTools.Documents;
using RsSpot.OpenApiTools.Sync;
using RsSpot.Tools.Tests.Support;

namespace RsSpot.Tools.Tests.Sync;

public class SyncCommandTests
{
    private static readonly Dictionary<string, string?> NoEnvironment = [];

    private string _root = null!;

    [SetUp]
    public void CreateCheckout()
    {
        _root = Directory.CreateTempSubdirectory("rsspot-tools-").FullName;
        File.WriteAllText(Path.Combine(_root, "RsSpot.sln"), string.Empty);
        Directory.CreateDirectory(Path.Combine(_root, "openapi"));
    }

    [TearDown]
    public void RemoveCheckout() => Directory.Delete(_root, recursive: true);

    [Test]
    public async Task Environment_url_is_tried_first_with_the_environment_token_and_the_snapshot_is_canonical()
    {
        using var server = new LoopbackServer().Serve("/spec.yaml", Fixtures.Read("crafted.yaml"), "application/yaml");
        var environment = new Dictionary<string, string?>
        {
            [UpstreamSources.UrlVariable] = server.Url("/spec.yaml").ToString(),
            ["RACKSPACE_ACCESS_TOKEN"] = "env-token-7",
        };
        var (exit, stdout, stderr) = await RunAsync(environment, "sync");

        Assert.That(exit, Is.EqualTo(0), stderr);
        var snapshotPath = Path.Combine(_root, "openapi", "upstream", "spot-upstream.json");
        var snapshot = await File.ReadAllTextAsync(snapshotPath);
        var metadata = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_root, "openapi", "upstream", "metadata.json")))!;
        Assert.Multiple(() =>
        {
            Assert.That(server.Requests.Single().Authorization, Is.EqualTo("Bearer env-token-7"));
            Assert.That(snapshot, Is.EqualTo(JsonCanonicalizer.Serialize(OpenApiDocumentReader.Read(Fixtures.Read("crafted.yaml")))));
            Assert.That(metadata["sourceUrl"]!.GetValue<string>(), Is.EqualTo(server.Url("/spec.yaml").ToString()));
            Assert.That(metadata["fetchedAt"]!.GetValue<string>(), Is.EqualTo("2026-03-01T12:00:00Z"));
            Assert.That(metadata["openapiVersion"]!.GetValue<string>(), Is.EqualTo("3.0.3"));
            Assert.That(metadata["title"]!.GetValue<string>(), Is.EqualTo("YAML Upstream"));
            Assert.That(metadata["sha256"]!.GetValue<string>(), Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(snapshotPath)))));
            Assert.That(stdout + stderr, Does.Not.Contain("env-token-7"));
        });
    }

    [Test]
    public async Task Syncing_the_same_content_twice_gives_identical_bytes()
    {
        using var server = new LoopbackServer().Serve("/a", Fixtures.Read("raw-newlines.json"));
        var snapshot = Path.Combine(_root, "openapi", "upstream", "spot-upstream.json");

        await RunAsync(NoEnvironment, "sync", "--url", server.Url("/a").ToString());
        var first = await File.ReadAllBytesAsync(snapshot);
        await RunAsync(NoEnvironment, "sync", "--url", server.Url("/a").ToString());

        Assert.That(await File.ReadAllBytesAsync(snapshot), Is.EqualTo(first));
    }

    [Test]
    public async Task Failure_exits_1_and_lists_every_url_tried()
    {
        using var server = new LoopbackServer();

        var (exit, _, stderr) = await RunAsync(NoEnvironment, "sync", "--url", server.Url("/nothing").ToString());

        Assert.That(exit, Is.EqualTo(1));
        Assert.That(stderr, Does.Contain($"{server.Url("/nothing")}: HTTP 404 NotFound"));
        Assert.That(File.Exists(Path.Combine(_root, "openapi", "upstream", "spot-upstream.json")), Is.False);
    }

    [Test]
    public void Explicit_url_replaces_the_candidates_and_environment_url_goes_first()
    {
        string? Unset(string _) => null;
        string? WithUrl(string name) => name == UpstreamSources.UrlVariable ? "https://mirror.example/spec" : null;

        Assert.That(UpstreamSources.Candidates("https://only.example/x", WithUrl), Is.EqualTo(new[] { new Uri("https://only.example/x") }));
        Assert.That(UpstreamSources.Candidates(null, Unset), Is.EqualTo(UpstreamSources.DefaultCandidates));
        Assert.That(UpstreamSources.Candidates(null, WithUrl), Is.EqualTo(new[] { new Uri("https://mirror.example/spec") }.Concat(UpstreamSources.DefaultCandidates)));
        Assert.Throws<ArgumentException>(() => UpstreamSources.Candidates("ftp://x/y", Unset));
    }

    [Test]
    public void Rsspot_token_wins_over_rackspace_token()
    {
        var environment = new Dictionary<string, string?> { ["RSSPOT_ACCESS_TOKEN"] = "a", ["RACKSPACE_ACCESS_TOKEN"] = "b" };
        Assert.That(UpstreamSources.BearerToken(environment.GetValueOrDefault), Is.EqualTo("a"));
        Assert.That(UpstreamSources.BearerToken(_ => " "), Is.Null);
    }

    private async Task<(int Exit, string Stdout, string Stderr)> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var context = new ToolContext(stdout, stderr, environment.GetValueOrDefault, _root)
        {
            Time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero)),
        };
        var exit = await ToolApp.RunAsync(args, context);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
