namespace RsSpot.State;

/// <summary>
/// A partial change to a ledger row. A null property means "leave as is", never "set to null" (the reference
/// wiped every omitted column, W15). To erase a value, name it in <see cref="ClearFields"/>.
/// Creating a row requires <see cref="VmUid"/> and <see cref="Status"/>.
/// </summary>
internal sealed record RegistrationLedgerUpdate
{
    /// <summary>Registration key of the row.</summary>
    public required string Key { get; init; }

    /// <summary>New VM uid.</summary>
    public string? VmUid { get; init; }

    /// <summary>New VM display name.</summary>
    public string? VmName { get; init; }

    /// <summary>New organization id.</summary>
    public string? OrgId { get; init; }

    /// <summary>New VM cloudspace.</summary>
    public string? VmCloudSpace { get; init; }

    /// <summary>New VM pool.</summary>
    public string? VmPool { get; init; }

    /// <summary>New target cluster.</summary>
    public string? TargetCluster { get; init; }

    /// <summary>New status.</summary>
    public string? Status { get; init; }

    /// <summary>New join token id.</summary>
    public string? TokenId { get; init; }

    /// <summary>New join token expiry.</summary>
    public DateTimeOffset? TokenExpiresAt { get; init; }

    /// <summary>New last error.</summary>
    public string? LastError { get; init; }

    /// <summary>New attempt count (applied before <see cref="IncrementAttempts"/>).</summary>
    public int? Attempts { get; init; }

    /// <summary>Adds one to the attempt count.</summary>
    public bool IncrementAttempts { get; init; }

    /// <summary>New next-attempt time.</summary>
    public DateTimeOffset? NextAttemptAt { get; init; }

    /// <summary>New JSON payload (replaces the old one as a whole).</summary>
    public string? PayloadJson { get; init; }

    /// <summary>Optional fields to erase (set to null) in this update.</summary>
    public RegistrationLedgerFields ClearFields { get; init; }
}

/// <summary>Optional ledger fields that <see cref="RegistrationLedgerUpdate.ClearFields"/> can erase.</summary>
[Flags]
internal enum RegistrationLedgerFields
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary><see cref="RegistrationLedgerRecord.VmName"/>.</summary>
    VmName = 1 << 0,

    /// <summary><see cref="RegistrationLedgerRecord.OrgId"/>.</summary>
    OrgId = 1 << 1,

    /// <summary><see cref="RegistrationLedgerRecord.VmCloudSpace"/>.</summary>
    VmCloudSpace = 1 << 2,

    /// <summary><see cref="RegistrationLedgerRecord.VmPool"/>.</summary>
    VmPool = 1 << 3,

    /// <summary><see cref="RegistrationLedgerRecord.TargetCluster"/>.</summary>
    TargetCluster = 1 << 4,

    /// <summary><see cref="RegistrationLedgerRecord.TokenId"/>.</summary>
    TokenId = 1 << 5,

    /// <summary><see cref="RegistrationLedgerRecord.TokenExpiresAt"/>.</summary>
    TokenExpiresAt = 1 << 6,

    /// <summary><see cref="RegistrationLedgerRecord.LastError"/>.</summary>
    LastError = 1 << 7,

    /// <summary><see cref="RegistrationLedgerRecord.NextAttemptAt"/>.</summary>
    NextAttemptAt = 1 << 8,

    /// <summary><see cref="RegistrationLedgerRecord.PayloadJson"/>.</summary>
    Payload = 1 << 9,
}
