namespace RsSpot.Workflows;

/// <summary>
/// The transition rules, in one table. A mark to the status a VM is already in is an idempotent repeat, except
/// token_issued (a fresh token replaces the old one) and failed (one more failed attempt).
/// </summary>
internal static class RegistrationTransitions
{
    // Target → the statuses it may be reached from. Discovered is special: rediscovery never moves a known VM,
    // except one that had gone and came back.
    private static readonly Dictionary<RegistrationStatus, RegistrationStatus[]> Sources = new()
    {
        [RegistrationStatus.Discovered] = [RegistrationStatus.Gone],
        [RegistrationStatus.TokenIssued] = [RegistrationStatus.Discovered, RegistrationStatus.TokenIssued, RegistrationStatus.Failed],
        [RegistrationStatus.Submitted] = [RegistrationStatus.TokenIssued, RegistrationStatus.Submitted],
        [RegistrationStatus.Registered] = [RegistrationStatus.Submitted, RegistrationStatus.Registered],
        [RegistrationStatus.Failed] = [RegistrationStatus.Discovered, RegistrationStatus.TokenIssued, RegistrationStatus.Submitted, RegistrationStatus.Failed],
        [RegistrationStatus.Skipped] =
            [RegistrationStatus.Discovered, RegistrationStatus.TokenIssued, RegistrationStatus.Submitted, RegistrationStatus.Failed, RegistrationStatus.Skipped],

        // A VM that left the inventory is gone whatever it was: even a registered machine no longer exists.
        [RegistrationStatus.Gone] = Enum.GetValues<RegistrationStatus>(),
    };

    /// <summary>Whether a VM in <paramref name="from"/> may be marked <paramref name="to"/>.</summary>
    public static bool IsAllowed(RegistrationStatus from, RegistrationStatus to) => Sources[to].Contains(from);

    /// <summary>Registered, skipped and gone VMs are left alone until reset (or, for gone, rediscovery).</summary>
    public static bool IsTerminal(RegistrationStatus status) =>
        status is RegistrationStatus.Registered or RegistrationStatus.Skipped or RegistrationStatus.Gone;

    /// <summary>Throws unless the move of <paramref name="current"/> to <paramref name="to"/> is legal at <paramref name="now"/>.</summary>
    /// <exception cref="RegistrationTransitionException">The move is not allowed.</exception>
    public static void Check(RegistrationRecord current, RegistrationStatus to, DateTimeOffset now)
    {
        if (!IsAllowed(current.Status, to))
        {
            throw new RegistrationTransitionException(current.Key, current.Status, to, Explain(current.Status, to));
        }

        if (to == RegistrationStatus.Submitted && current.Status == RegistrationStatus.TokenIssued && current.IsTokenExpired(now))
        {
            throw new RegistrationTransitionException(current.Key, current.Status, to,
                $"token '{current.TokenId}' expired at {current.TokenExpiresAt:O}; issue a new token first");
        }
    }

    private static string Explain(RegistrationStatus from, RegistrationStatus to) => from switch
    {
        _ when IsTerminal(from) && from != RegistrationStatus.Gone => $"it is {from.ToText()}, which is final until it is reset",
        RegistrationStatus.Gone => "it is gone from the inventory; rediscover it first",
        _ => $"it is {from.ToText()}; {to.ToText()} can only follow {string.Join(" or ", Sources[to].Select(s => s.ToText()))}",
    };
}
