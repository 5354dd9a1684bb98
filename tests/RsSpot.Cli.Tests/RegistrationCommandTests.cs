using Newtonsoft.Json.Linq;
using RsSpot.Cli.Tests.Support;
using RsSpot.State;
using RsSpot.Workflows;

namespace RsSpot.Cli.Tests;

/// <summary><c>rsspot registration ...</c> driven as a script would: JSON in, JSON out, exit codes for decisions.</summary>
public class RegistrationCommandTests : CliTestBase
{
    private const string Cluster = "omni-lab";

    private async Task<string[]> DiscoverKeys()
    {
        var run = await Sandbox("-o", "jsonl", "registration", "discover", "--cluster", Cluster);
        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        return [.. Lines(run).Select(o => (string)o["key"]!)];
    }

    private static JObject[] Lines(CliRun run) => [.. run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(JObject.Parse)];

    [Test]
    public async Task Candidates_lists_the_inventory_and_marks_nothing()
    {
        var candidates = await Sandbox("registration", "candidates", "--cluster", Cluster);
        var ledger = await Sandbox("registration", "list");

        Assert.Multiple(() =>
        {
            Assert.That(candidates.ExitCode, Is.Zero, candidates.ToString());
            Assert.That(candidates.Json.Count(), Is.EqualTo(3));
            Assert.That(candidates.Json.Select(c => (string)c["key"]!), Is.All.StartWith("vmreg-"));
            Assert.That(candidates.Json.Select(c => (string)c["cluster"]!), Is.All.EqualTo(Cluster));
            Assert.That(ledger.Json, Is.Empty);
        });
    }

    [Test]
    public async Task A_script_walks_a_vm_to_registered_with_one_json_line_per_entry()
    {
        var keys = await DiscoverKeys();
        var key = keys[0];

        var token = await Run("registration", "mark", key, "--status", "token_issued", "--token-id", "tok-1", "--token-expires-at", "2099-01-01T00:00:00Z");
        var submitted = await Run("registration", "mark", key, "--status", "submitted", "--payload-json", """{"node":"n1"}""");
        var registered = await Run("registration", "mark", key, "--status", "registered");
        var listed = await Run("-o", "jsonl", "registration", "list", "--status", "registered");
        var rediscovered = await DiscoverKeys();
        var shown = await Run("registration", "show", key);

        Assert.Multiple(() =>
        {
            Assert.That(new[] { token, submitted, registered }.Select(r => r.ExitCode), Is.All.Zero, registered.ToString());
            Assert.That(token.Out, Does.Contain("\"token_expires_at\": \"2099-01-01T00:00:00"));
            Assert.That(Lines(listed).Select(o => (string)o["key"]!), Is.EqualTo(new[] { key }));
            Assert.That(rediscovered, Is.EquivalentTo(keys), "discover is idempotent");
            Assert.That((string)shown.Json["status"]!, Is.EqualTo("registered"), "rediscovery does not regress it");
            Assert.That((string)shown.Json["token_id"]!, Is.EqualTo("tok-1"));
            Assert.That((string)shown.Json["payload_json"]!, Is.EqualTo("""{"node":"n1"}"""));
        });
    }

    [Test]
    public async Task An_illegal_transition_exits_2_with_one_line()
    {
        var key = (await DiscoverKeys())[0];

        var run = await Run("registration", "mark", key, "--status", "registered");

        AssertOneLineError(run, 2, $"cannot mark '{key}' registered: it is discovered");
    }

    [TestCase(new[] { "--status", "done" }, "invalid status 'done'")]
    [TestCase(new[] { "--status", "token_issued" }, "--status token_issued needs --token-id")]
    [TestCase(new[] { "--status", "failed" }, "--status failed needs --error")]
    [TestCase(new[] { "--status", "token_issued", "--token-id", "t", "--token-expires-at", "soon" }, "invalid --token-expires-at 'soon'")]
    [TestCase(new[] { "--status", "skipped", "--payload-json", "{oops" }, "not valid JSON")]
    public async Task Bad_mark_values_exit_2(string[] options, string message)
    {
        var key = (await DiscoverKeys())[0];

        var run = await Run(["registration", "mark", key, .. options]);

        Assert.That((run.ExitCode, run.Error.Contains(message, StringComparison.Ordinal)), Is.EqualTo((2, true)), run.ToString());
    }

    [Test]
    public async Task Unknown_keys_exit_4()
    {
        var show = await Run("registration", "show", "vmreg-missing");
        var mark = await Run("registration", "mark", "vmreg-missing", "--status", "skipped");

        Assert.Multiple(() =>
        {
            Assert.That(show.ExitCode, Is.EqualTo(4), show.ToString());
            Assert.That(mark.ExitCode, Is.EqualTo(4), mark.ToString());
            Assert.That(mark.Error, Does.Contain("no registration 'vmreg-missing'"));
        });
    }

    [Test]
    public async Task Failed_counts_attempts_and_reset_needs_confirmation()
    {
        var key = (await DiscoverKeys())[0];

        var failed = await Run("registration", "mark", key, "--status", "failed", "--error", "ssh timeout");
        var unconfirmed = await Run("registration", "reset", key);
        var reset = await Run("registration", "reset", key, "--yes");
        var after = await Run("registration", "show", key);

        Assert.Multiple(() =>
        {
            Assert.That(((int)failed.Json["attempts"]!, (string)failed.Json["last_error"]!), Is.EqualTo((1, "ssh timeout")));
            Assert.That(failed.Json["next_attempt_at"]!.Type, Is.Not.EqualTo(JTokenType.Null));
            Assert.That(unconfirmed.ExitCode, Is.EqualTo(2), unconfirmed.ToString());
            Assert.That(unconfirmed.Error, Does.Contain("pass --yes"));
            Assert.That(reset.ExitCode, Is.Zero, reset.ToString());
            Assert.That(after.ExitCode, Is.EqualTo(4), "reset forgets the entry");
        });
    }

    [Test]
    public async Task Reconcile_marks_entries_whose_vm_left_the_inventory_gone()
    {
        var discovered = await Sandbox("registration", "discover", "--cluster", Cluster);
        await Sandbox("registration", "discover", "--cluster", "other-cluster");
        var retired = RetireVm((string)discovered.Json[0]!["org_id"]!);

        var reconciled = await Sandbox("registration", "reconcile", "--cluster", Cluster);
        var again = await Sandbox("registration", "reconcile", "--cluster", Cluster);
        var gone = await Run("-o", "jsonl", "registration", "list", "--status", "gone");

        Assert.Multiple(() =>
        {
            Assert.That(reconciled.ExitCode, Is.Zero, reconciled.ToString());
            Assert.That(reconciled.Json.Select(r => (string)r["key"]!), Is.EqualTo(new[] { retired }));
            Assert.That(again.Json, Is.Empty, "reconcile is idempotent");
            Assert.That(Lines(gone).Select(o => (string)o["key"]!), Is.EqualTo(new[] { retired }), "the VMs still present, and other clusters, are untouched");
        });
    }

    /// <summary>Records a VM of the cluster that is no longer in the sandbox inventory, as an earlier run would have.</summary>
    private string RetireVm(string orgId)
    {
        using var store = StateStore.Open(Path.Combine(ConfigDirectory, StateStore.FileName));
        var retired = new RegistrationCandidate(
            RegistrationWorkflow.RegistrationKey("vm-retired", orgId, "vm-lab", "pool-x", Cluster), "vm-retired", null, orgId, "vm-lab", "pool-x", Cluster);
        return new RegistrationWorkflow(store).MarkDiscovered(retired).Key;
    }
}
