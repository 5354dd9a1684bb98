using RsSpot.State;
using RsSpot.Testing;
using RsSpot.Workflows;

namespace RsSpot.Tests.Workflows;

/// <summary>The runner against a scripted orchestrator, on the test clock (backoff waits complete at once).</summary>
public class RegistrationRunnerTests(SharedBackend backend) : LedgerTestBase(backend)
{
    private ScriptedHandler _handler = null!;

    [SetUp]
    public void CreateHandler() => _handler = new ScriptedHandler { Clock = Clock };

    private static RegistrationCandidate[] Vms(int count) => [.. Enumerable.Range(1, count).Select(i => Candidate(i))];

    private static int Count(IEnumerable<RegistrationRecord> records, RegistrationStatus status) => records.Count(r => r.Status == status);

    private Task<IReadOnlyList<RegistrationRecord>> Run(RegistrationCandidate[] vms, int concurrency = 4, CancellationToken cancellationToken = default) =>
        new RegistrationRunner(Workflow, _handler, concurrency).RunAsync(vms, cancellationToken);

    [Test]
    public async Task Every_vm_walks_the_happy_path_once()
    {
        var vms = Vms(5);

        var result = await Run(vms);

        Assert.Multiple(() =>
        {
            Assert.That(Count(result, RegistrationStatus.Registered), Is.EqualTo(5));
            Assert.That(result.Select(r => r.Key), Is.EqualTo(vms.Select(v => v.Key)), "results in candidate order");
            foreach (var vm in vms)
            {
                Assert.That(_handler.Calls.Where(c => c.Key == vm.Key).Select(c => c.Call), Is.EqualTo(new[] { "issue", "submit", "confirm" }));
            }

            Assert.That(_handler.Calls.Where(c => c.Call == "submit").Select(c => c.TokenId), Is.All.StartsWith("tok-"), "Submit sees the issued token");
        });
    }

    [Test]
    public async Task A_rerun_is_idempotent_and_calls_nothing()
    {
        var vms = Vms(3);
        await Run(vms);
        var callsBefore = _handler.Calls.Count;

        var again = await Run(vms);

        Assert.That((Count(again, RegistrationStatus.Registered), _handler.Calls.Count), Is.EqualTo((3, callsBefore)));
    }

    [Test]
    public async Task Token_failures_are_retried_after_the_backoff()
    {
        _handler.TokenFailures = 2;

        var result = await Run(Vms(1), concurrency: 1);
        var record = result.Single();

        Assert.Multiple(() =>
        {
            Assert.That(record.Status, Is.EqualTo(RegistrationStatus.Registered));
            Assert.That(record.Attempts, Is.EqualTo(2));
            Assert.That(record.LastError, Is.EqualTo("issuing a token failed: token service unavailable"), "the last error is kept after success");
            Assert.That(Clock.Delays, Is.EqualTo(new[] { TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20) }));
        });
    }

    [Test]
    public async Task A_failed_submit_starts_over_with_a_new_token()
    {
        _handler.SubmitFailures = 1;

        var record = (await Run(Vms(1))).Single();
        var submits = _handler.Calls.Where(c => c.Call == "submit").Select(c => c.TokenId).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(record.Status, Is.EqualTo(RegistrationStatus.Registered));
            Assert.That(submits, Has.Count.EqualTo(2));
            Assert.That(submits[0], Is.Not.EqualTo(submits[1]), "the retry uses a fresh token");
        });
    }

    [Test]
    public async Task An_unconfirmed_vm_is_confirmed_again_but_never_resubmitted()
    {
        _handler.ConfirmAfter = 2;

        var record = (await Run(Vms(1))).Single();

        Assert.Multiple(() =>
        {
            Assert.That(record.Status, Is.EqualTo(RegistrationStatus.Registered));
            Assert.That((_handler.CountOf("submit"), _handler.CountOf("confirm")), Is.EqualTo((1, 3)));
            Assert.That(record.LastError, Is.EqualTo("not confirmed yet"));
        });
    }

    [Test]
    public async Task A_vm_that_never_shows_up_fails_once_the_attempts_run_out()
    {
        _handler.ConfirmAfter = int.MaxValue;

        var result = await Run(Vms(1));
        var record = result.Single();

        Assert.Multiple(() =>
        {
            Assert.That(record.Status, Is.EqualTo(RegistrationStatus.Failed));
            Assert.That(Count(result, RegistrationStatus.Failed), Is.EqualTo(1));
            Assert.That(record.Attempts, Is.EqualTo(MaxAttempts));
            Assert.That(record.LastError, Is.EqualTo($"not confirmed yet after {MaxAttempts} attempts"));
            Assert.That(_handler.CountOf("submit"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_vm_left_in_submitted_by_a_crash_is_only_confirmed()
    {
        var vm = Vms(1);
        Place(vm[0], RegistrationStatus.Submitted);

        var record = (await Run(vm)).Single();

        Assert.Multiple(() =>
        {
            Assert.That(record.Status, Is.EqualTo(RegistrationStatus.Registered));
            Assert.That(_handler.Calls.Select(c => c.Call), Is.EqualTo(new[] { "confirm" }));
        });
    }

    [Test]
    public async Task An_expired_token_in_the_ledger_is_replaced_before_submitting()
    {
        var vm = Vms(1);
        Place(vm[0], RegistrationStatus.TokenIssued);
        Clock.Advance(TimeSpan.FromHours(2));

        await Run(vm);

        Assert.Multiple(() =>
        {
            Assert.That(_handler.Calls.Select(c => c.Call), Is.EqualTo(new[] { "issue", "submit", "confirm" }));
            Assert.That(_handler.Calls[1].TokenId, Is.Not.EqualTo("tok-1"));
        });
    }

    [Test]
    public async Task Finished_vms_are_left_alone_but_a_gone_vm_back_in_the_inventory_is_registered()
    {
        var vms = Vms(3);
        Place(vms[0], RegistrationStatus.Skipped);
        Place(vms[1], RegistrationStatus.Gone);
        Place(vms[2], RegistrationStatus.Registered);

        var result = await Run(vms);

        Assert.Multiple(() =>
        {
            Assert.That(result.Select(r => r.Status), Is.EqualTo(new[] { RegistrationStatus.Skipped, RegistrationStatus.Registered, RegistrationStatus.Registered }));
            Assert.That(_handler.Calls.Select(c => c.Key), Is.All.EqualTo(vms[1].Key));
        });
    }

    [Test]
    public async Task Concurrency_is_bounded()
    {
        var release = new TaskCompletionSource();
        _handler.Pause = ct => release.Task.WaitAsync(ct);

        var run = Run(Vms(6), concurrency: 2);
        while (_handler.Calls.Count < 2)
        {
            await Task.Yield();
        }

        release.SetResult();
        var result = await run;

        Assert.That((_handler.MaxInFlight, Count(result, RegistrationStatus.Registered)), Is.EqualTo((2, 6)));
    }

    [Test]
    public async Task Cancelling_stops_the_run_and_leaves_the_ledger_resumable()
    {
        using var cancel = new CancellationTokenSource();
        _handler.Pause = async ct =>
        {
            if (_handler.CountOf("submit") > 0)
            {
                await cancel.CancelAsync();
                ct.ThrowIfCancellationRequested();
            }
        };
        var vm = Vms(1);

        Assert.That(async () => await Run(vm, cancellationToken: cancel.Token), Throws.InstanceOf<OperationCanceledException>());
        var interrupted = Workflow.Get(vm[0].Key)!;
        _handler.Pause = _ => Task.CompletedTask;
        var resumed = (await Run(vm)).Single();

        Assert.Multiple(() =>
        {
            Assert.That(interrupted.Status, Is.EqualTo(RegistrationStatus.Submitted), "cancellation is not a failure");
            Assert.That(interrupted.ClaimedBy, Is.Null, "a stopped runner releases its leases");
            Assert.That(interrupted.Attempts, Is.Zero);
            Assert.That(resumed.Status, Is.EqualTo(RegistrationStatus.Registered));
            Assert.That(_handler.CountOf("submit"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Two_runners_on_one_ledger_submit_each_vm_exactly_once()
    {
        var directory = Directory.CreateTempSubdirectory("rsspot-reg-");
        try
        {
            // Two stores as two processes open them: one state.db file, or two machines' files and one PostgreSQL ledger.
            using var first = OpenStore(Path.Combine(directory.FullName, "state.db"));
            using var second = OpenStore(Path.Combine(directory.FullName, Backend == SharedBackend.Sqlite ? "state.db" : "other.db"));

            // Both runners share one handler (one "cluster"), so every call of either is counted together.
            _handler.Pause = ct => Task.Delay(1, ct);
            var vms = Vms(8);
            var runs = new[] { first, second }.Select(store => Task.Run(() =>
                new RegistrationRunner(WorkflowOver(store), _handler, 4) { PollInterval = TimeSpan.FromMilliseconds(20) }.RunAsync(vms)));
            var results = await Task.WhenAll(runs);

            Assert.Multiple(() =>
            {
                Assert.That(results.Select(r => Count(r, RegistrationStatus.Registered)), Is.All.EqualTo(8));
                Assert.That(results.SelectMany(r => r).Select(r => r.ClaimedBy), Is.All.Null, "both released their leases");
                foreach (var vm in vms)
                {
                    Assert.That(_handler.CountOf("submit", vm.Key), Is.EqualTo(1), vm.VmUid);
                    Assert.That(_handler.CountOf("issue", vm.Key), Is.EqualTo(1), $"{vm.VmUid}: one runner walked it, the other left it alone");
                }
            });
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Test]
    public async Task A_vm_another_live_runner_holds_is_left_to_it()
    {
        var vms = Vms(2);
        Workflow.MarkDiscovered(vms[0]);
        Assert.That(Workflow.Ledger.Claim(Workflow.WorkOf([vms[0].Key]), "other-runner", Clock.GetUtcNow().AddMinutes(5)), Is.EqualTo(vms[0].Key));

        // The other runner finishes its VM while this one waits for it.
        _handler.Pause = _ => Task.CompletedTask;
        var run = new RegistrationRunner(Workflow, _handler, 2) { PollInterval = TimeSpan.FromMilliseconds(20) }.RunAsync(vms);
        while (Workflow.Get(vms[1].Key)!.Status != RegistrationStatus.Registered)
        {
            await Task.Delay(10);
        }

        Store.Ledger.Upsert(new RegistrationLedgerUpdate { Key = vms[0].Key, Status = RegistrationStatus.Registered.ToText() });
        var result = await run;

        Assert.Multiple(() =>
        {
            Assert.That(Count(result, RegistrationStatus.Registered), Is.EqualTo(2));
            Assert.That(_handler.Calls.Select(c => c.Key), Is.All.EqualTo(vms[1].Key), "nothing was done to the VM the other runner held");
        });
    }

    [Test]
    public async Task A_vm_whose_runner_died_is_taken_over_once_the_lease_has_run_out()
    {
        var vm = Vms(1);
        Place(vm[0], RegistrationStatus.Submitted);
        Workflow.Ledger.Claim(Workflow.WorkOf([vm[0].Key]), "dead-runner", Clock.GetUtcNow().AddSeconds(30));
        Clock.Advance(TimeSpan.FromSeconds(31));

        var record = (await Run(vm)).Single();

        Assert.Multiple(() =>
        {
            Assert.That(record.Status, Is.EqualTo(RegistrationStatus.Registered));
            Assert.That(record.ClaimedBy, Is.Null);
            Assert.That(_handler.Calls.Select(c => c.Call), Is.EqualTo(new[] { "confirm" }), "the dead runner's submission is confirmed, never repeated");
        });
    }

    [Test]
    public async Task A_runner_that_lost_its_lease_cannot_move_the_vm()
    {
        var vm = Vms(1);
        Workflow.MarkDiscovered(vm[0]);
        var work = Workflow.WorkOf([vm[0].Key]);
        Workflow.Ledger.Claim(work, "slow-runner", Clock.GetUtcNow().AddSeconds(30));
        Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.That(Workflow.Ledger.Claim(work, "new-runner", Clock.GetUtcNow().AddSeconds(30)), Is.EqualTo(vm[0].Key), "taken over");

        var moved = Workflow.TryAdvance(vm[0].Key, RegistrationStatus.Discovered, RegistrationStatus.TokenIssued,
            _ => RegistrationWorkflow.TokenChange(vm[0].Key, new RegistrationToken("tok-late", null), null), "slow-runner");

        Assert.Multiple(() =>
        {
            Assert.That(moved, Is.False);
            Assert.That(Workflow.Get(vm[0].Key)!.Status, Is.EqualTo(RegistrationStatus.Discovered));
            Assert.That(Workflow.Get(vm[0].Key)!.ClaimedBy, Is.EqualTo("new-runner"));
        });
    }
}
