using Dapper;
using RsSpot.State;
using RsSpot.Testing;
using RsSpot.Tests.Support;
using RsSpot.Workflows;

namespace RsSpot.Tests.Workflows;

/// <summary>
/// A ledger on a test clock, with helpers to place VMs in any status. Every suite deriving from it runs twice: with
/// the ledger in state.db (in memory) and on the PostgreSQL test server (a schema per fixture, emptied per test).
/// </summary>
[TestFixture(SharedBackend.Sqlite)]
[TestFixture(SharedBackend.Postgres)]
public abstract class LedgerTestBase(SharedBackend backend)
{
    private TestSchema? _schema;

    protected const string Cluster = "omni-lab";
    protected const string OrgId = "org_lab";

    protected TestClock Clock { get; private set; } = null!;

    protected StateStore Store { get; private set; } = null!;

    protected RegistrationWorkflow Workflow { get; private set; } = null!;

    /// <summary>Attempts a VM gets in these tests (10 s, 20 s, then 25 s apart).</summary>
    protected const int MaxAttempts = 3;

    protected SharedBackend Backend => backend;

    /// <summary>A workflow over <paramref name="store"/> with the tests' short backoff.</summary>
    protected static RegistrationWorkflow WorkflowOver(StateStore store) =>
        new(store) { MaxAttempts = MaxAttempts, BaseDelay = TimeSpan.FromSeconds(10), MaxDelay = TimeSpan.FromSeconds(25) };

    /// <summary>Where the shared parts of every store of the test live.</summary>
    private SharedStateSettings Shared => _schema is null ? SharedStateSettings.Local : SharedStateSettings.OnPostgres(_schema.ConnectionString, "test");

    [OneTimeSetUp]
    public void CreateSchema() => _schema = backend == SharedBackend.Postgres ? TestPostgres.CreateSchema() : null;

    [OneTimeTearDown]
    public void DropSchema() => _schema?.Dispose();

    [SetUp]
    public void OpenLedger()
    {
        Clock = new TestClock();
        Store = StateStore.OpenInMemory(Shared, Clock);
        Store.Shared.Write((c, tx) => c.Execute("DELETE FROM registration_ledger", transaction: tx));
        Workflow = WorkflowOver(Store);
    }

    [TearDown]
    public void CloseLedger() => Store.Dispose();

    /// <summary>Another store on this test's ledger, as a second process would open it (state.db at <paramref name="path"/>).</summary>
    protected StateStore OpenStore(string path) =>
        backend == SharedBackend.Sqlite ? StateStore.Open(path, Clock) : StateStore.Open(path, Shared, Clock);

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
