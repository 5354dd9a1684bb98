namespace RsSpot.Emulator;

/// <summary>Configures a <see cref="SpotEmulator"/>: its clock, lifecycle delays, credentials and persistence.</summary>
public sealed class SpotEmulatorOptions
{
    /// <summary>The clock every timestamp, token expiry and lifecycle transition is computed from.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>How long a new cloudspace stays Provisioning before it turns Ready (zero: Ready at once).</summary>
    public TimeSpan ProvisioningDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a deleted cloudspace stays in phase Deleting before it disappears; null means a sixth of
    /// <see cref="ProvisioningDelay"/> (so a zero provisioning delay also deletes at once).
    /// </summary>
    public TimeSpan? DeletionDelay { get; set; }

    /// <summary>Lifetime of the id_tokens issued by the token endpoint.</summary>
    public TimeSpan IdTokenLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Refresh tokens the token endpoint accepts, each mapped to the organization id it is bound to.</summary>
    public IDictionary<string, string> RefreshTokens { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [SpotEmulator.SandboxRefreshToken] = SpotEmulator.DefaultOrganizationId,
    };

    /// <summary>The organizations the emulated user belongs to (the first one owns the seeded VM inventory).</summary>
    public IList<EmulatorOrganization> Organizations { get; } =
    [
        new(SpotEmulator.DefaultOrganizationId, "acme-corp", "Acme Corp"),
        new("org_Gb7Lx2Vq9Rm4Tz8K", "globex-labs", "Globex Labs"),
    ];

    /// <summary>Path of the sqlite file holding the mutable state across processes; null keeps it in memory.</summary>
    public string? StatePath { get; set; }

    /// <summary>The default of <see cref="MaxRequestBodyBytes"/>: 1 MiB, far above any Spot object.</summary>
    public const int DefaultMaxRequestBodyBytes = 1024 * 1024;

    /// <summary>
    /// Largest request body accepted, in bytes; a larger one is answered 413 (reason RequestEntityTooLarge) and is
    /// never read past this limit.
    /// </summary>
    public int MaxRequestBodyBytes { get; set; } = DefaultMaxRequestBodyBytes;

    /// <summary>The default of <see cref="JournalCapacity"/>.</summary>
    public const int DefaultJournalCapacity = 10_000;

    /// <summary>
    /// How many of the most recent requests <see cref="SpotEmulator.Journal"/> keeps (older ones are dropped), so a
    /// long-running <c>rsspot emulator serve</c> stays within bounded memory.
    /// </summary>
    public int JournalCapacity { get; set; } = DefaultJournalCapacity;

    /// <summary>When true, bid prices must also be multiples of 0.005 (an unconfirmed server rule).</summary>
    public bool StrictBidIncrement { get; set; }

    internal TimeSpan EffectiveDeletionDelay => DeletionDelay ?? ProvisioningDelay / 6;
}

/// <summary>An organization known to the emulator.</summary>
/// <param name="Id">Auth0-style organization id, e.g. <c>org_Xy3kQ9LmN2pR7sTu</c>.</param>
/// <param name="Name">Organization name used by generate-kubeconfig, e.g. <c>acme-corp</c>.</param>
/// <param name="DisplayName">Human-readable name.</param>
public sealed record EmulatorOrganization(string Id, string Name, string DisplayName)
{
    /// <summary>The Kubernetes namespace of the organization: <c>org-</c> plus the lowercased id suffix.</summary>
    public string Namespace => "org-" + Id["org_".Length..].ToLowerInvariant();
}
