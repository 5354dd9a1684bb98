namespace RsSpot.Workflows;

/// <summary>
/// Where a VM stands in its registration. The happy path is <see cref="Discovered"/> → <see cref="TokenIssued"/> →
/// <see cref="Submitted"/> → <see cref="Registered"/>; <see cref="RegistrationStatusText"/> holds the ledger's text for each.
/// </summary>
public enum RegistrationStatus
{
    /// <summary>Seen in the inventory; nothing done yet (<c>discovered</c>).</summary>
    Discovered,

    /// <summary>A join token was issued for the VM (<c>token_issued</c>).</summary>
    TokenIssued,

    /// <summary>The token or machine configuration was handed to the VM; waiting for confirmation (<c>submitted</c>).</summary>
    Submitted,

    /// <summary>The VM has joined the cluster; terminal until reset (<c>registered</c>).</summary>
    Registered,

    /// <summary>The last attempt failed; retried after <see cref="RegistrationRecord.NextAttemptAt"/> (<c>failed</c>).</summary>
    Failed,

    /// <summary>Deliberately excluded; terminal until reset (<c>skipped</c>).</summary>
    Skipped,

    /// <summary>No longer in the inventory (set by reconcile); comes back as discovered if the VM reappears (<c>gone</c>).</summary>
    Gone,
}

/// <summary>The one mapping between <see cref="RegistrationStatus"/> and the snake_case text stored in the ledger.</summary>
internal static class RegistrationStatusText
{
    private static readonly Dictionary<RegistrationStatus, string> Texts = new()
    {
        [RegistrationStatus.Discovered] = "discovered",
        [RegistrationStatus.TokenIssued] = "token_issued",
        [RegistrationStatus.Submitted] = "submitted",
        [RegistrationStatus.Registered] = "registered",
        [RegistrationStatus.Failed] = "failed",
        [RegistrationStatus.Skipped] = "skipped",
        [RegistrationStatus.Gone] = "gone",
    };

    private static readonly Dictionary<string, RegistrationStatus> Statuses =
        Texts.ToDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);

    /// <summary>Every status text, in workflow order.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Texts.Values];

    /// <summary>The ledger text of <paramref name="status"/>, e.g. <c>token_issued</c>.</summary>
    public static string ToText(this RegistrationStatus status) =>
        Texts.TryGetValue(status, out var text) ? text : throw new ArgumentOutOfRangeException(nameof(status), status, "unknown registration status");

    /// <summary>Parses a ledger text (exact, lower case); false for anything else.</summary>
    public static bool TryParse(string? text, out RegistrationStatus status) => Statuses.TryGetValue(text ?? "", out status);

    /// <summary>Parses a ledger text.</summary>
    /// <exception cref="FormatException">The text is not one of <see cref="All"/>.</exception>
    public static RegistrationStatus Parse(string text) => TryParse(text, out var status)
        ? status
        : throw new FormatException($"unknown registration status '{text}' (expected one of: {string.Join(", ", All)})");
}
