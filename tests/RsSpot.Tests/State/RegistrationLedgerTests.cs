using RsSpot.State;
using RsSpot.Testing;
using RsSpot.Tests.Workflows;

namespace RsSpot.Tests.State;

/// <summary>The ledger's storage on both backends (see <see cref="LedgerTestBase"/>).</summary>
public sealed class RegistrationLedgerTests(SharedBackend backend) : LedgerTestBase(backend)
{
    // Reference test 18.
    [Test]
    public void Upsert_AllFields_ReadsBack_ThenStatusUpdates()
    {
        var tokenExpiry = Clock.GetUtcNow().AddHours(1);
        Store.Ledger.Upsert(new RegistrationLedgerUpdate
        {
            Key = "vmreg-1",
            VmUid = "vm-uid-a",
            VmName = "vm-a",
            OrgId = "org-123",
            VmCloudSpace = "space-a",
            VmPool = "pool-a",
            TargetCluster = "omni-1",
            Status = "token_issued",
            TokenId = "token-1",
            TokenExpiresAt = tokenExpiry,
            LastError = "none yet",
            Attempts = 2,
            NextAttemptAt = tokenExpiry,
            PayloadJson = """{"foo":"bar"}""",
        });
        Clock.Advance(TimeSpan.FromMinutes(1));

        Store.Ledger.Upsert(new RegistrationLedgerUpdate { Key = "vmreg-1", Status = "registered" });

        var record = Store.Ledger.Get("vmreg-1")!;
        Assert.Multiple(() =>
        {
            Assert.That(record.Status, Is.EqualTo("registered"));
            Assert.That((record.VmUid, record.VmName, record.OrgId, record.VmCloudSpace, record.VmPool, record.TargetCluster),
                Is.EqualTo(("vm-uid-a", "vm-a", "org-123", "space-a", "pool-a", "omni-1")));
            Assert.That((record.TokenId, record.TokenExpiresAt, record.LastError, record.Attempts, record.NextAttemptAt),
                Is.EqualTo(("token-1", (DateTimeOffset?)tokenExpiry, "none yet", 2, (DateTimeOffset?)tokenExpiry)), "fields not given are never wiped (W15)");
            Assert.That(record.PayloadJson, Is.EqualTo("""{"foo":"bar"}"""));
            Assert.That(record.UpdatedAt - record.CreatedAt, Is.EqualTo(TimeSpan.FromMinutes(1)));
        });
    }

    [Test]
    public void Upsert_ClearFields_ErasesOnlyThoseFields_AndIncrementsAttempts()
    {
        Store.Ledger.Upsert(new RegistrationLedgerUpdate { Key = "k", VmUid = "vm", Status = "failed", LastError = "boom", TokenId = "t", Attempts = 1 });

        var after = Store.Ledger.Upsert(new RegistrationLedgerUpdate
        {
            Key = "k",
            Status = "discovered",
            ClearFields = RegistrationLedgerFields.LastError,
            IncrementAttempts = true,
        });

        Assert.Multiple(() =>
        {
            Assert.That(after.LastError, Is.Null);
            Assert.That(after.TokenId, Is.EqualTo("t"));
            Assert.That(after.Attempts, Is.EqualTo(2));
            Assert.That(Store.Ledger.Get("k"), Is.EqualTo(after));
        });
    }

    [Test]
    public void Upsert_NewRowWithoutVmUidOrStatus_IsRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => Store.Ledger.Upsert(new RegistrationLedgerUpdate { Key = "k", Status = "discovered" }));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("needs VmUid and Status"));
            Assert.That(Store.Ledger.Get("k"), Is.Null);
        });
    }

    [Test]
    public void TryTransition_AppliesOnlyFromTheExpectedStatus()
    {
        var create = new RegistrationLedgerUpdate { Key = "k", VmUid = "vm", Status = "discovered" };

        Assert.Multiple(() =>
        {
            Assert.That(Store.Ledger.TryTransition("k", null, create), Is.True, "null expects no row yet");
            Assert.That(Store.Ledger.TryTransition("k", null, create), Is.False);
            Assert.That(Store.Ledger.TryTransition("k", "submitted", new RegistrationLedgerUpdate { Key = "k", Status = "registered" }), Is.False);
            Assert.That(Store.Ledger.Get("k")!.Status, Is.EqualTo("discovered"));
            Assert.That(Store.Ledger.TryTransition("k", "discovered", new RegistrationLedgerUpdate { Key = "k", Status = "token_issued", TokenId = "t1" }), Is.True);
            Assert.That(Store.Ledger.Get("k")!.TokenId, Is.EqualTo("t1"));
        });
    }

    [Test]
    public void TryTransition_CompetingThreads_ExactlyOneWins()
    {
        Store.Ledger.Upsert(new RegistrationLedgerUpdate { Key = "k", VmUid = "vm", Status = "discovered" });

        var winners = Enumerable.Range(0, 8).AsParallel().WithDegreeOfParallelism(8)
            .Count(i => Store.Ledger.TryTransition("k", "discovered", new RegistrationLedgerUpdate { Key = "k", Status = "token_issued", TokenId = $"t{i}" }));

        Assert.That(winners, Is.EqualTo(1));
    }

    [Test]
    public void List_FiltersByStatus_NewestFirst_AndDeleteRemoves()
    {
        foreach (var (key, status) in new[] { ("a", "failed"), ("b", "registered"), ("c", "failed") })
        {
            Store.Ledger.Upsert(new RegistrationLedgerUpdate { Key = key, VmUid = "vm-" + key, Status = status });
            Clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Multiple(() =>
        {
            Assert.That(Store.Ledger.List("failed").Select(r => r.Key), Is.EqualTo(Seq.Of("c", "a")));
            Assert.That(Store.Ledger.List().Select(r => r.Key), Is.EqualTo(Seq.Of("c", "b", "a")));
            Assert.That(Store.Ledger.List(limit: 1), Has.Count.EqualTo(1));
            Assert.That(Store.Ledger.Delete("a"), Is.True);
            Assert.That(Store.Ledger.Delete("a"), Is.False);
            Assert.That(Store.Ledger.List("failed").Select(r => r.Key), Is.EqualTo(Seq.Of("c")));
        });
    }
}
