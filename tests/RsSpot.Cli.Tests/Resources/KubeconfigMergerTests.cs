using RsSpot.Cli.Infrastructure;

namespace RsSpot.Cli.Tests.Resources;

public class KubeconfigMergerTests
{
    private const string Generated = """
        apiVersion: v1
        kind: Config
        clusters:
        - name: new
          cluster:
            server: https://new.example.com/
        contexts:
        - name: new
          context:
            cluster: new
            user: u
        users:
        - name: u
          user:
            token: fresh
        current-context: new

        """;

    [Test]
    public void Same_name_entries_are_replaced_and_others_kept()
    {
        const string existing = """
            apiVersion: v1
            kind: Config
            clusters:
            - name: keep
              cluster:
                server: https://keep.example.com/
            users:
            - name: u
              user:
                token: stale
            current-context: keep
            preferences: {}

            """;

        var merged = KubeconfigMerger.Merge(existing, Generated, "config");

        Assert.Multiple(() =>
        {
            Assert.That(merged, Does.Contain("name: keep").And.Contain("name: new").And.Contain("preferences: {}"));
            Assert.That(merged, Does.Contain("token: fresh").And.Not.Contain("stale"));
            Assert.That(merged, Does.Contain("current-context: new").And.Not.Contain("current-context: keep"));
            Assert.That(merged, Does.Contain("contexts:\n- name: new"), "a missing list is created");
        });
    }

    [TestCase("")]
    [TestCase("# only a comment\n")]
    public void An_empty_file_becomes_the_generated_kubeconfig(string existing) =>
        Assert.That(KubeconfigMerger.Merge(existing, Generated, "config"), Is.EqualTo(Generated));

    [TestCase("clusters: [oops\n")]
    [TestCase("- just\n- a list\n")]
    [TestCase("clusters: not-a-list\n")]
    public void Something_that_is_not_a_kubeconfig_is_refused(string existing) =>
        Assert.That(() => KubeconfigMerger.Merge(existing, Generated, "config"), Throws.TypeOf<IOException>().With.Message.Contains("left unchanged"));
}
