namespace RsSpot.Workflows;

/// <summary>Where each VM of a <see cref="RegistrationRunner"/> run ended up.</summary>
/// <param name="Records">The final ledger entry of every VM, in candidate order.</param>
public sealed record RegistrationRunResult(IReadOnlyList<RegistrationRecord> Records)
{
    /// <summary>VMs registered (now or in an earlier run).</summary>
    public int Registered => Count(RegistrationStatus.Registered);

    /// <summary>VMs that failed more often than the retry policy allows.</summary>
    public int Failed => Count(RegistrationStatus.Failed);

    /// <summary>How many VMs ended in <paramref name="status"/>.</summary>
    public int Count(RegistrationStatus status) => Records.Count(r => r.Status == status);
}
