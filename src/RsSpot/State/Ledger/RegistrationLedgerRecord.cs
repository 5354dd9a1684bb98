namespace RsSpot.State;

/// <summary>One row of the VM registration ledger.</summary>
internal sealed record RegistrationLedgerRecord
{
    /// <summary>Deterministic registration key (primary key).</summary>
    public required string Key { get; init; }

    /// <summary>VM uid (server name) in Spot.</summary>
    public required string VmUid { get; init; }

    /// <summary>Display name of the VM.</summary>
    public string? VmName { get; init; }

    /// <summary>Spot organization id.</summary>
    public string? OrgId { get; init; }

    /// <summary>VM cloudspace the VM belongs to.</summary>
    public string? VmCloudSpace { get; init; }

    /// <summary>VM pool the VM belongs to.</summary>
    public string? VmPool { get; init; }

    /// <summary>Cluster the VM is being registered into.</summary>
    public string? TargetCluster { get; init; }

    /// <summary>Workflow status (e.g. discovered, token_issued, submitted, registered, failed, skipped).</summary>
    public required string Status { get; init; }

    /// <summary>Id of the join token issued for the VM.</summary>
    public string? TokenId { get; init; }

    /// <summary>When the join token expires.</summary>
    public DateTimeOffset? TokenExpiresAt { get; init; }

    /// <summary>Last error message.</summary>
    public string? LastError { get; init; }

    /// <summary>Attempts made so far.</summary>
    public int Attempts { get; init; }

    /// <summary>Earliest time of the next attempt.</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }

    /// <summary>Free-form JSON payload owned by the workflow.</summary>
    public string? PayloadJson { get; init; }

    /// <summary>When the row was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the row last changed.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Runner holding the lease on the row; null when nobody does.</summary>
    public string? ClaimedBy { get; init; }

    /// <summary>When that lease runs out unless renewed; another runner may take the row over after it.</summary>
    public DateTimeOffset? LeaseUntil { get; init; }
}
