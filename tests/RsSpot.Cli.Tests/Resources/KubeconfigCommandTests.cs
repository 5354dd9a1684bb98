namespace RsSpot.Cli.Tests.Resources;

public class KubeconfigCommandTests : ResourceCommandTestBase
{
    private const string OtherEntry = """
        apiVersion: v1
        kind: Config
        clusters:
        - name: other
          cluster:
            server: https://other.example.com/
            insecure-skip-tls-verify: true
        contexts:
        - name: other
          context:
            cluster: other
            user: other-user
        users:
        - name: other-user
          user:
            token: keep-me
        current-context: other

        """;

    [SetUp]
    public Task ReadyCloudSpace() => CreateCloudSpace("kube");

    [Test]
    public async Task Get_config_prints_the_kubeconfig()
    {
        var run = await Sandbox("cloudspaces", "get-config", "kube");

        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Out, Does.StartWith("apiVersion: v1").And.Contain("current-context: acme-corp-kube"));
    }

    [Test]
    public async Task File_is_written_with_mode_0600_and_nothing_on_stdout()
    {
        var path = Path.Combine(Home, "configs", "kube.yaml");

        var run = await Sandbox("cloudspaces", "get-config", "kube", "--file", path);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.Zero, run.ToString());
            Assert.That(run.Out, Is.Empty);
            Assert.That(run.Error, Does.Contain($"wrote kubeconfig to {path}"));
            Assert.That(File.ReadAllText(path), Does.Contain("name: acme-corp-kube"));
            Assert.That(Directory.GetFiles(Path.GetDirectoryName(path)!), Has.Length.EqualTo(1), "no temporary file is left behind");
        });
        if (!OperatingSystem.IsWindows())
        {
            Assert.That(File.GetUnixFileMode(path), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        }
    }

    [Test]
    public async Task Merge_defaults_to_the_kube_config_and_keeps_other_entries()
    {
        var path = Path.Combine(Home, ".kube", "config");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, OtherEntry);

        var first = await Sandbox("cloudspaces", "get-config", "kube", "--merge");
        var second = await Sandbox("cloudspaces", "get-config", "kube", "--merge");
        var merged = await File.ReadAllTextAsync(path);

        Assert.Multiple(() =>
        {
            Assert.That(first.ExitCode, Is.Zero, first.ToString());
            Assert.That(second.ExitCode, Is.Zero, second.ToString());
            Assert.That(merged, Does.Contain("name: other").And.Contain("token: keep-me").And.Contain("server: https://other.example.com/"));
            Assert.That(merged, Does.Contain("current-context: acme-corp-kube"));
            Assert.That(CountOf(merged, "- name: acme-corp-kube"), Is.EqualTo(2), "one cluster and one context, replaced rather than duplicated");
            Assert.That(merged, Does.Contain("insecure-skip-tls-verify: true"), "booleans stay plain");
        });
    }

    [Test]
    public async Task Merge_never_overwrites_a_file_it_cannot_parse()
    {
        var path = Path.Combine(Home, "broken.yaml");
        const string broken = "clusters: [unclosed\n";
        await File.WriteAllTextAsync(path, broken);

        var run = await Sandbox("cloudspaces", "get-config", "kube", "--file", path, "--merge");

        AssertOneLineError(run, 1, "cannot merge into");
        Assert.That(await File.ReadAllTextAsync(path), Is.EqualTo(broken));
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
