using System.Globalization;
using RsSpot.Configuration;
using RsSpot.State;

namespace RsSpot.StateStress;

/// <summary>The write mix shared by the in-process threads and the worker processes of the concurrency test.</summary>
internal static class StateWorkload
{
    /// <summary>Key of the ledger row every worker increments.</summary>
    public const string SharedKey = "vmreg-shared";

    /// <summary>Runs <paramref name="operations"/> rounds of writes as <paramref name="worker"/>.</summary>
    public static void Run(StateStore store, string worker, int operations)
    {
        ArgumentNullException.ThrowIfNull(store);
        for (var i = 0; i < operations; i++)
        {
            store.History.Add(new HistoryEntry { Argv = ["rsspot", "stress", worker, i.ToString(CultureInfo.InvariantCulture)], Profile = worker, ExitCode = 0 });
            store.Ledger.Upsert(new RegistrationLedgerUpdate { Key = $"vmreg-{worker}-{i}", VmUid = $"{worker}-vm-{i}", Status = "discovered" });
            store.Ledger.Upsert(new RegistrationLedgerUpdate { Key = SharedKey, VmUid = "shared-vm", Status = "discovered", IncrementAttempts = true });
            store.Preferences.Set(PreferenceKeys.ProfileOrg(worker), $"org-{i}");
        }
    }
}
