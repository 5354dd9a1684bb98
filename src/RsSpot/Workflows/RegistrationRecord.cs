using RsSpot.State;

namespace RsSpot.Workflows;

/// <summary>One VM's entry in the registration ledger, with its status typed.</summary>
public sealed record RegistrationRecord
{
    /// <summary>Registration key.</summary>
    public required string Key { get; init; }

    /// <summary>Stable VM id (the server name).</summary>
    public required string VmUid { get; init; }

    /// <summary>Display name of the VM.</summary>
    public string? VmName { get; init; }

    /// <summary>Organization id.</summary>
    public string? OrgId { get; init; }

    /// <summary>VM cloudspace.</summary>
    public string? VmCloudSpace { get; init; }

    /// <summary>VM pool.</summary>
    public string? VmPool { get; init; }

    /// <summary>Cluster the VM is joining.</summary>
    public string? Cluster { get; init; }

    /// <summary>Current status.</summary>
    public required RegistrationStatus Status { get; init; }

    /// <summary>Id of the join token last issued (the token itself is never stored).</summary>
    public string? TokenId { get; init; }

    /// <summary>When that token expires; null when it does not.</summary>
    public DateTimeOffset? TokenExpiresAt { get; init; }

    /// <summary>The last failure message.</summary>
    public string? LastError { get; init; }

    /// <summary>Failed or unconfirmed attempts so far.</summary>
    public int Attempts { get; init; }

    /// <summary>Earliest time of the next attempt; null when due now.</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }

    /// <summary>Orchestrator-owned JSON payload.</summary>
    public string? PayloadJson { get; init; }

    /// <summary>When the entry was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the entry last changed.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The runner working on the VM (see <see cref="RegistrationRunner.RunnerId"/>); null when none holds it.</summary>
    public string? ClaimedBy { get; init; }

    /// <summary>When that runner's lease runs out unless renewed; another runner may take the VM over after it.</summary>
    public DateTimeOffset? LeaseUntil { get; init; }

    /// <summary>Whether the token has expired at <paramref name="now"/>.</summary>
    public bool IsTokenExpired(DateTimeOffset now) => TokenExpiresAt is { } expiry && expiry <= now;

    internal static RegistrationRecord From(RegistrationLedgerRecord row) => new()
    {
        Key = row.Key,
        VmUid = row.VmUid,
        VmName = row.VmName,
        OrgId = row.OrgId,
        VmCloudSpace = row.VmCloudSpace,
        VmPool = row.VmPool,
        Cluster = row.TargetCluster,
        Status = RegistrationStatusText.TryParse(row.Status, out var status)
            ? status
            : throw new InvalidDataException($"ledger entry '{row.Key}' has an unknown status '{row.Status}'"),
        TokenId = row.TokenId,
        TokenExpiresAt = row.TokenExpiresAt,
        LastError = row.LastError,
        Attempts = row.Attempts,
        NextAttemptAt = row.NextAttemptAt,
        PayloadJson = row.PayloadJson,
        CreatedAt = row.CreatedAt,
        UpdatedAt = row.UpdatedAt,
        ClaimedBy = row.ClaimedBy,
        LeaseUntil = row.LeaseUntil,
    };
}
