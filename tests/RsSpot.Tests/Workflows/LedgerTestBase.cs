using RsSpot.State;
using RsSpot.Tests.Support;
using RsSpot.Workflows;

namespace RsSpot.Tests.Workflows;

/// <summary>An in-memory ledger on a test clock, with helpers to place VMs in any status.</summary>
public abstract class LedgerTestBase
{
    protected const string Cluster = "omni-lab";
    protected const string OrgId = "org_lab";

    protected TestClock Clock { get; private set; } = null!;

    protected StateStore Store { get; private set; } = null!;

    protected RegistrationWorkflow Workflow { get; private set; } = null!;

    protected static RegistrationRetryPolicy Policy { get; } = new() { MaxAttempts = 3, BaseDelay = TimeSpan.FromSeconds(10), MaxDelay = TimeSpan.FromSeconds(25) };

    [SetUp]
    public void OpenLedger()
    {
        Clock = new TestClock();
        Store = StateStore.OpenInMemory(Clock);
        Workflow = new RegistrationWorkflow(Store, Policy);
    }

    [TearDown]
    public void CloseLedger() => Store.Dispose();

    protected static RegistrationCandidate Candidate(int number, string cluster = Cluster, string orgId = OrgId)
    {
        var vm = $"vm-{number}";
        return new RegistrationCandidate(RegistrationWorkflow.RegistrationKey(vm, orgId, "vm-lab", "pool-a", cluster), vm, $"VM {number}", orgId, "vm-lab", "pool-a", cluster);
    }

    /// <summary>Puts a VM straight into <paramref name="status"/> (bypassing the guards) with an unexpired token, an error and a payload.</summary>
    protected RegistrationRecord Place(RegistrationCandidate candidate, RegistrationStatus status)
    {
        Workflow.MarkDiscovered(candidate);
        Store.Ledger.Upsert(new RegistrationLedgerUpdate
        {
            Key = candidate.Key,
            Status = status.ToText(),
            TokenId = "tok-1",
            TokenExpiresAt = Clock.GetUtcNow().AddHours(1),
            LastError = "earlier error",
            PayloadJson = """{"step":"placed"}""",
        });
        return Workflow.Get(candidate.Key)!;
    }

    /// <summary>Calls the mark for <paramref name="status"/> with the arguments it needs.</summary>
    protected RegistrationRecord Mark(string key, RegistrationStatus status) => status switch
    {
        RegistrationStatus.TokenIssued => Workflow.MarkTokenIssued(key, "tok-2", Clock.GetUtcNow().AddHours(2)),
        RegistrationStatus.Submitted => Workflow.MarkSubmitted(key),
        RegistrationStatus.Registered => Workflow.MarkRegistered(key),
        RegistrationStatus.Failed => Workflow.MarkFailed(key, "boom"),
        RegistrationStatus.Skipped => Workflow.MarkSkipped(key),
        RegistrationStatus.Gone => Workflow.MarkGone(key),
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "not a mark"),
    };
}
