using Microsoft.Extensions.Time.Testing;
using NJsonSchema;
using RsSpot.Cli.Infrastructure;
using RsSpot.Cli.Tests.Support;
using RsSpot.Emulator;
using RsSpot.Emulator.Server;
using YamlDotNet.RepresentationModel;

namespace RsSpot.Cli.Tests.Operator;

/// <summary>
/// Kubeconfigs that never expire: <c>get-config --exec</c> writes an exec credential running <c>auth kube-token</c>,
/// which prints a schema-valid ExecCredential served from the token cache and renewed near expiry. These run against
/// the emulator on loopback, so its journal shows every token exchange.
/// </summary>
public class KubeTokenTests : CliTestBase
{
    private static readonly Lazy<JsonSchema> ExecCredentialSchema = new(() =>
        JsonSchema.FromJsonAsync(File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "schemas", "exec-credential-v1.schema.json"))).GetAwaiter().GetResult());

    private SpotEmulatorServer _server = null!;

    [TearDown]
    public async Task StopServer() => await _server.DisposeAsync();

    [Test]
    public async Task Kube_token_prints_only_a_valid_ExecCredential_and_reuses_the_cached_token()
    {
        await StartServer(new SpotEmulatorOptions());

        var first = await Run("auth", "kube-token", "--profile", "default");
        var second = await Run("-o", "yaml", "auth", "kube-token", "--profile", "default");
        var history = await Run("history", "list");

        Assert.Multiple(() =>
        {
            Assert.That(first.ExitCode, Is.Zero, first.ToString());
            Assert.That(ExecCredentialSchema.Value.Validate(first.Out), Is.Empty, "valid against the ExecCredential schema");
            Assert.That(first.Out.TrimEnd(), Does.Not.Contain("\n"), "nothing but the credential on stdout");
            Assert.That(first.Error, Is.Empty);
            Assert.That(second.Json["status"]!["token"], Is.EqualTo(first.Json["status"]!["token"]), "-o does not change the format kubectl reads");
            Assert.That(TokenExchanges(), Is.EqualTo(1), "the second run took the token from the cache");
            Assert.That(history.Out, Does.Not.Contain("kube-token"), "kubectl's calls do not flood the history");
        });
        var expires = DateTimeOffset.Parse((string)first.Json["status"]!["expirationTimestamp"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(expires, Is.GreaterThan(DateTimeOffset.UtcNow.AddHours(23)), "the token's own expiry");
    }

    [Test]
    public async Task A_token_near_expiry_is_renewed()
    {
        // The emulator's clock runs a day minus 30 s behind: every token it issues expires 30 s from now, inside the renewal margin.
        var lifetime = TimeSpan.FromHours(24);
        await StartServer(new SpotEmulatorOptions { Clock = new FakeTimeProvider(DateTimeOffset.UtcNow - lifetime + TimeSpan.FromSeconds(30)), IdTokenLifetime = lifetime });

        var first = await Run("auth", "kube-token");
        var second = await Run("auth", "kube-token");

        Assert.Multiple(() =>
        {
            Assert.That(first.ExitCode, Is.Zero, first.ToString());
            Assert.That(second.ExitCode, Is.Zero, second.ToString());
            Assert.That(TokenExchanges(), Is.EqualTo(2), "a token about to expire is not handed to kubectl again");
        });
    }

    [Test]
    public async Task A_rejected_refresh_token_is_one_line_on_stderr_and_a_non_zero_exit()
    {
        await StartServer(new SpotEmulatorOptions());
        await Run("configure", "--refresh-token", "not-a-valid-refresh-token");

        var run = await Run("auth", "kube-token");

        AssertOneLineError(run, ExitCodes.Auth, "authentication failed");
        Assert.That(run.Error, Does.Not.Contain("not-a-valid-refresh-token"));
    }

    [Test]
    public async Task Get_config_exec_merges_an_exec_user_whose_server_is_the_cloudspace_endpoint()
    {
        await StartServer(new SpotEmulatorOptions { ProvisioningDelay = TimeSpan.Zero });
        var kubeDirectory = Directory.CreateDirectory(Path.Combine(Home, ".kube")).FullName;
        File.WriteAllText(Path.Combine(kubeDirectory, "config"), "apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\nusers:\n- name: keep-me\n  user:\n    token: t\n");
        await Run("cloudspaces", "create", "--name", "kube", "--region", "us-central-dfw-1");
        var cloudSpace = await Run("cloudspaces", "get", "kube");

        var run = await Run("cloudspaces", "get-config", "kube", "--exec", "--merge");

        var merged = LoadYaml(Path.Combine(kubeDirectory, "config"));
        var users = (YamlSequenceNode)merged["users"];
        var exec = (YamlMappingNode)users.OfType<YamlMappingNode>().Single(u => u["name"].ToString() == "rsspot-default")["user"]["exec"];
        var cluster = (YamlMappingNode)((YamlSequenceNode)merged["clusters"]).OfType<YamlMappingNode>().Single()["cluster"];
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.ToString());
            Assert.That(users.Select(u => u["name"].ToString()), Does.Contain("keep-me"), "other entries are kept");
            Assert.That(cluster["server"].ToString(), Is.EqualTo($"https://{cloudSpace.Json["api_server_endpoint"]}"));
            Assert.That(exec["apiVersion"].ToString(), Is.EqualTo("client.authentication.k8s.io/v1"));
            Assert.That(Path.IsPathRooted(exec["command"].ToString()), Is.True, "the absolute path of the running tool");
            Assert.That(((YamlSequenceNode)exec["args"]).Select(a => a.ToString()), Is.SupersetOf(new[] { "auth", "kube-token", "--profile", "default" }));
            Assert.That(exec["interactiveMode"].ToString(), Is.EqualTo("Never"));
            Assert.That(merged["current-context"].ToString(), Is.EqualTo("acme-corp-kube"));
            Assert.That(File.ReadAllText(Path.Combine(kubeDirectory, "config")), Does.Not.Contain("token: ey"), "no token is written down");
        });
        if (!OperatingSystem.IsWindows())
        {
            Assert.That(File.GetUnixFileMode(Path.Combine(kubeDirectory, "config")), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        }
    }

    [Test]
    public async Task The_plain_kubeconfig_stays_the_default_and_a_sandbox_exec_config_keeps_the_sandbox()
    {
        Variables[CliContext.SandboxProvisioningDelayVariable] = "0";
        await Sandbox("cloudspaces", "create", "--name", "kube", "--region", "us-central-dfw-1");

        var plain = await Sandbox("cloudspaces", "get-config", "kube");
        var exec = await Sandbox("cloudspaces", "get-config", "kube", "--exec");
        var token = await Sandbox("auth", "kube-token", "--profile", "default");

        Assert.Multiple(() =>
        {
            Assert.That(plain.Out, Does.Contain("token: ").And.Not.Contain("kube-token"));
            Assert.That(exec.Out, Does.Contain("\"kube-token\"").And.Contain("\"--sandbox\"").And.Contain("name: rsspot-sandbox-default"));
            Assert.That(ExecCredentialSchema.Value.Validate(token.Out), Is.Empty);
        });
    }

    private async Task StartServer(SpotEmulatorOptions options)
    {
        _server = await SpotEmulatorServer.StartAsync(new SpotEmulator(options));
        var url = _server.BaseAddress.ToString();
        Assert.That((await Run("configure", "--base-url", url, "--oauth-url", url, "--refresh-token", SpotEmulator.SandboxRefreshToken)).ExitCode, Is.Zero);
        _server.Emulator.ClearJournal();
    }

    private int TokenExchanges() => _server.Emulator.Journal.Count(e => e.Method == "POST" && e.PathAndQuery.StartsWith("/oauth/token", StringComparison.Ordinal));

    private static YamlMappingNode LoadYaml(string path)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(path)));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }
}
