using RsSpot.State;
using RsSpot.Testing;
using RsSpot.Tests.Workflows;
using RsSpot.Workflows;

namespace RsSpot.Tests.State;

/// <summary>Leases on ledger rows, on both backends: who may claim what, renewal, release and takeover.</summary>
public sealed class LedgerClaimTests(SharedBackend backend) : LedgerTestBase(backend)
{
    private LedgerWork WorkOf(params RegistrationCandidate[] vms) => Workflow.WorkOf([.. vms.Select(vm => vm.Key)]);

    private DateTimeOffset In(int seconds) => Clock.GetUtcNow().AddSeconds(seconds);

    [Test]
    public void Claims_take_each_open_vm_once_and_leave_finished_ones()
    {
        var vms = Enumerable.Range(1, 5).Select(i => Candidate(i)).ToArray();
        Place(vms[0], RegistrationStatus.Registered);
        Place(vms[1], RegistrationStatus.Skipped);
        Place(vms[2], RegistrationStatus.Failed);
        Store.Ledger.Upsert(new RegistrationLedgerUpdate { Key = vms[2].Key, Attempts = MaxAttempts });
        Workflow.MarkDiscovered(vms[3]);
        Place(vms[4], RegistrationStatus.Submitted);
        var work = WorkOf(vms);

        var claims = new[] { "a", "b", "c" }.Select(runner => Store.Ledger.Claim(work, runner, In(60))).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(claims.Take(2), Is.EquivalentTo(new[] { vms[3].Key, vms[4].Key }), "only unfinished VMs with retries left");
            Assert.That(claims[2], Is.Null, "nothing left that no live lease holds");
            Assert.That(Store.Ledger.CountOpen(work), Is.EqualTo(2));
            Assert.That(Workflow.Get(vms[3].Key)!.LeaseUntil, Is.EqualTo(In(60)));
            Assert.That(Store.Ledger.Count(), Is.EqualTo((5L, 2L)));
        });
    }

    [Test]
    public void An_expired_lease_is_taken_over_and_a_renewed_one_is_not()
    {
        var (held, renewed) = (Candidate(1), Candidate(2));
        Workflow.MarkDiscovered(held);
        Workflow.MarkDiscovered(renewed);
        Assert.That(Store.Ledger.Claim(WorkOf(held), "dead", In(30)), Is.EqualTo(held.Key));
        Assert.That(Store.Ledger.Claim(WorkOf(renewed), "alive", In(30)), Is.EqualTo(renewed.Key));

        Clock.Advance(TimeSpan.FromSeconds(20));
        Assert.That(Store.Ledger.Renew("alive", In(30)), Is.EqualTo(1));
        Clock.Advance(TimeSpan.FromSeconds(15));

        Assert.Multiple(() =>
        {
            Assert.That(Store.Ledger.Claim(WorkOf(held, renewed), "successor", In(30)), Is.EqualTo(held.Key));
            Assert.That(Store.Ledger.Claim(WorkOf(held, renewed), "successor", In(30)), Is.Null);
            Assert.That(Workflow.Get(held.Key)!.ClaimedBy, Is.EqualTo("successor"));
        });
    }

    [Test]
    public void Release_frees_one_vm_or_all_of_a_runners_and_nobody_elses()
    {
        var vms = Enumerable.Range(1, 3).Select(i => Candidate(i)).ToArray();
        foreach (var vm in vms)
        {
            Workflow.MarkDiscovered(vm);
        }

        Store.Ledger.Claim(WorkOf(vms[0]), "a", In(60));
        Store.Ledger.Claim(WorkOf(vms[1]), "a", In(60));
        Store.Ledger.Claim(WorkOf(vms[2]), "b", In(60));

        Assert.Multiple(() =>
        {
            Assert.That(Store.Ledger.Release("a", vms[0].Key), Is.EqualTo(1));
            Assert.That(Store.Ledger.Release("a", vms[2].Key), Is.Zero, "another runner's lease is not ours to release");
            Assert.That(Store.Ledger.Release("a"), Is.EqualTo(1));
            Assert.That(vms.Select(vm => Workflow.Get(vm.Key)!.ClaimedBy), Is.EqualTo(new[] { null, null, "b" }));
        });
    }

    [Test]
    public void A_mark_keeps_the_lease_and_a_lease_guarded_move_needs_it()
    {
        var vm = Candidate(1);
        Workflow.MarkDiscovered(vm);
        Store.Ledger.Claim(WorkOf(vm), "a", In(60));
        var issue = new RegistrationLedgerUpdate { Key = vm.Key, TokenId = "t" };

        Assert.Multiple(() =>
        {
            Assert.That(Store.Ledger.TryTransition(vm.Key, "discovered", issue with { Status = "token_issued" }, owner: "b"), Is.False);
            Assert.That(Store.Ledger.TryTransition(vm.Key, "discovered", issue with { Status = "token_issued" }, owner: "a"), Is.True);
            Assert.That(Workflow.MarkSubmitted(vm.Key).ClaimedBy, Is.EqualTo("a"), "a mark needs no lease and leaves it in place");
        });
    }

    [Test]
    public void Concurrent_claimers_never_take_the_same_vm()
    {
        var vms = Enumerable.Range(1, 40).Select(i => Candidate(i)).ToArray();
        foreach (var vm in vms)
        {
            Workflow.MarkDiscovered(vm);
        }

        var work = WorkOf(vms);
        var claimed = Enumerable.Range(0, 8).AsParallel().WithDegreeOfParallelism(8).SelectMany(runner =>
        {
            var mine = new List<string>();
            while (Store.Ledger.Claim(work, $"runner-{runner}", In(60)) is { } key)
            {
                mine.Add(key);
            }

            return mine.Select(key => (Runner: $"runner-{runner}", Key: key));
        }).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(claimed.Select(c => c.Key), Is.EquivalentTo(vms.Select(vm => vm.Key)), "every VM claimed exactly once");
            Assert.That(claimed.Select(c => Workflow.Get(c.Key)!.ClaimedBy), Is.EqualTo(claimed.Select(c => c.Runner)));
        });
    }
}
