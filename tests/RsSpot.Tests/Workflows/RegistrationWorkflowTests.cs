using RsSpot.Models;
using RsSpot.Testing;
using RsSpot.Workflows;

namespace RsSpot.Tests.Workflows;

/// <summary>Keys, candidates, field preservation, backoff and reconciliation of the registration ledger.</summary>
public class RegistrationWorkflowTests(SharedBackend backend) : LedgerTestBase(backend)
{
    private static VmCloudSpace Space(string name, params VmServer[] servers) => new() { Name = name, Servers = servers };

    [Test]
    public void The_key_is_the_reference_hash_so_ledgers_stay_comparable()
    {
        // Expected values: "vmreg-" + sha256("vm-uid-a|org-1|space-a|pool-a|cluster-a")[:32], computed with Python's hashlib.
        Assert.Multiple(() =>
        {
            Assert.That(RegistrationWorkflow.RegistrationKey("vm-uid-a", "org-1", "space-a", "pool-a", "cluster-a"), Is.EqualTo("vmreg-ce0ce9e16813769a705b68e26f5aa19f"));
            Assert.That(RegistrationWorkflow.RegistrationKey("vm-uid-a", null, "space-a", null, null), Is.EqualTo("vmreg-fd172aef319890244a51c68f42a6cf11"));
            Assert.That(RegistrationWorkflow.RegistrationKey("vm-uid-a", "org-1", "space-a", "pool-a", "cluster-b"),
                Is.Not.EqualTo(RegistrationWorkflow.RegistrationKey("vm-uid-a", "org-1", "space-a", "pool-a", "cluster-a")), "another cluster is another key");
        });
    }

    [Test]
    public void Reference_test_19_candidates_and_state_markers()
    {
        var spaces = new[] { Space("space-a", new VmServer { Key = "k-a", ServerName = "vm-uid-a", DisplayName = "vm-a", VmPool = "pool-a" }) };

        var candidates = RegistrationWorkflow.ListCandidates(spaces, "org-1", "cluster-a");
        var key = Workflow.MarkDiscovered(candidates.Single()).Key;
        Workflow.MarkTokenIssued(key, "token-1");
        Workflow.MarkSubmitted(key);
        Workflow.MarkRegistered(key);
        var record = Workflow.Get(key)!;

        Assert.Multiple(() =>
        {
            Assert.That(candidates, Has.Count.EqualTo(1));
            Assert.That(record.Status, Is.EqualTo(RegistrationStatus.Registered));
            Assert.That(record.VmUid, Is.EqualTo("vm-uid-a"));
            Assert.That(record.VmName, Is.EqualTo("vm-a"));
            Assert.That(record.TokenId, Is.EqualTo("token-1"), "later marks keep the token (the reference wiped it)");
        });
    }

    [Test]
    public void Candidates_take_every_assigned_vm_with_name_fallbacks()
    {
        var spaces = new[]
        {
            Space("space-a", new VmServer { Key = "k1", ServerName = "uid-1", DisplayName = "", VmPool = "p1" }),
            Space("space-b", new VmServer { Key = "k2", ServerName = "uid-2", DisplayName = "Two", VmPool = "p2" }, new VmServer { Key = "k3", ServerName = "uid-3" }),
        };

        var candidates = RegistrationWorkflow.ListCandidates(spaces, OrgId, Cluster);

        Assert.Multiple(() =>
        {
            Assert.That(candidates.Select(c => (c.VmUid, c.VmName, c.VmCloudSpace, c.VmPool)), Is.EqualTo(new[]
            {
                ("uid-1", "uid-1", "space-a", "p1"), ("uid-2", "Two", "space-b", "p2"), ("uid-3", "uid-3", "space-b", (string?)null),
            }));
            Assert.That(candidates[1].Key, Is.EqualTo(RegistrationWorkflow.RegistrationKey("uid-2", OrgId, "space-b", "p2", Cluster)));
            Assert.That(candidates.Select(c => c.Cluster), Is.All.EqualTo(Cluster));
        });
    }

    [Test]
    public void A_mark_never_wipes_the_token_error_or_payload_it_was_not_given()
    {
        var key = Workflow.MarkDiscovered(Candidate(1), """{"rack": 7}""").Key;
        Workflow.MarkTokenIssued(key, "tok-1", Clock.GetUtcNow().AddHours(1));
        Workflow.MarkFailed(key, "network down");
        Workflow.MarkTokenIssued(key, "tok-2", Clock.GetUtcNow().AddHours(1), """{"rack": 8}""");
        var submitted = Workflow.MarkSubmitted(key);

        Assert.Multiple(() =>
        {
            Assert.That(submitted.TokenId, Is.EqualTo("tok-2"));
            Assert.That(submitted.TokenExpiresAt, Is.EqualTo(Clock.GetUtcNow().AddHours(1)));
            Assert.That(submitted.LastError, Is.EqualTo("network down"));
            Assert.That(submitted.PayloadJson, Is.EqualTo("""{"rack":8}"""));
            Assert.That(submitted.Attempts, Is.EqualTo(1));
            Assert.That(submitted.NextAttemptAt, Is.Null, "progress clears the pending retry");
        });
    }

    [Test]
    public void A_new_token_without_expiry_does_not_inherit_the_old_tokens()
    {
        var key = Workflow.MarkDiscovered(Candidate(1)).Key;
        Workflow.MarkTokenIssued(key, "tok-1", Clock.GetUtcNow().AddMinutes(1));

        var renewed = Workflow.MarkTokenIssued(key, "tok-2");

        Assert.That((renewed.TokenId, renewed.TokenExpiresAt), Is.EqualTo(("tok-2", (DateTimeOffset?)null)));
    }

    [Test]
    public void Each_failure_counts_an_attempt_and_backs_off_exponentially_up_to_the_cap()
    {
        var key = Workflow.MarkDiscovered(Candidate(1)).Key;
        var start = Clock.GetUtcNow();

        var waits = Enumerable.Range(1, 3).Select(_ => Workflow.MarkFailed(key, "boom")).Select(r => (r.Attempts, r.NextAttemptAt - start)).ToList();

        Assert.That(waits, Is.EqualTo(new (int, TimeSpan?)[] { (1, TimeSpan.FromSeconds(10)), (2, TimeSpan.FromSeconds(20)), (3, TimeSpan.FromSeconds(25)) }));
    }

    [Test]
    public void Reconcile_marks_vanished_vms_of_the_cluster_and_org_gone_and_nothing_else()
    {
        var (kept, vanished, registered) = (Candidate(1), Candidate(2), Candidate(3));
        var otherCluster = Candidate(2, cluster: "other");
        var otherOrg = Candidate(2, orgId: "org_other");
        foreach (var candidate in new[] { kept, vanished, registered, otherCluster, otherOrg })
        {
            Workflow.MarkDiscovered(candidate);
        }

        Place(registered, RegistrationStatus.Registered);

        var gone = Workflow.Reconcile([kept], Cluster, OrgId);
        var again = Workflow.Reconcile([kept], Cluster, OrgId);

        Assert.Multiple(() =>
        {
            Assert.That(gone.Select(r => r.Key), Is.EquivalentTo(new[] { vanished.Key, registered.Key }));
            Assert.That(gone.Select(r => r.Status), Is.All.EqualTo(RegistrationStatus.Gone));
            Assert.That(again, Is.Empty, "reconcile is idempotent");
            Assert.That(Workflow.Get(kept.Key)!.Status, Is.EqualTo(RegistrationStatus.Discovered));
            Assert.That(Workflow.Get(otherCluster.Key)!.Status, Is.EqualTo(RegistrationStatus.Discovered));
            Assert.That(Workflow.Get(otherOrg.Key)!.Status, Is.EqualTo(RegistrationStatus.Discovered));
        });
    }

    [Test]
    public void List_filters_by_status()
    {
        Workflow.MarkDiscovered(Candidate(1));
        var failed = Workflow.MarkFailed(Workflow.MarkDiscovered(Candidate(2)).Key, "boom");

        Assert.Multiple(() =>
        {
            Assert.That(Workflow.List(RegistrationStatus.Failed).Select(r => r.Key), Is.EqualTo(new[] { failed.Key }));
            Assert.That(Workflow.List(), Has.Count.EqualTo(2));
        });
    }

    [Test]
    public void Marking_an_unknown_vm_or_with_a_bad_payload_fails_clearly()
    {
        var key = Workflow.MarkDiscovered(Candidate(1)).Key;

        Assert.Multiple(() =>
        {
            Assert.That(() => Workflow.MarkSubmitted("vmreg-nope"), Throws.TypeOf<SpotNotFoundException>().With.Message.Contain("discover the VM first"));
            Assert.That(() => Workflow.MarkSkipped(key, "{not json"), Throws.ArgumentException.With.Message.Contain("not valid JSON"));
            Assert.That(Workflow.Get(key)!.Status, Is.EqualTo(RegistrationStatus.Discovered));
        });
    }

    [TestCase("token_issued", RegistrationStatus.TokenIssued)]
    [TestCase("gone", RegistrationStatus.Gone)]
    public void Status_text_round_trips(string text, RegistrationStatus status)
    {
        Assert.Multiple(() =>
        {
            Assert.That(RegistrationStatusText.Parse(text), Is.EqualTo(status));
            Assert.That(status.ToText(), Is.EqualTo(text));
            Assert.That(RegistrationStatusText.All, Is.EqualTo(new[] { "discovered", "token_issued", "submitted", "registered", "failed", "skipped", "gone" }));
            Assert.That(() => RegistrationStatusText.Parse("Registered"), Throws.TypeOf<FormatException>());
        });
    }
}
