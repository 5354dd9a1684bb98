using RsSpot.Models;

namespace RsSpot.Internal.Waiting;

/// <summary>What one observation says: the outcome it ends the wait with (null: still on its way) and the state in words.</summary>
internal readonly record struct WaitState(WaitOutcome? Outcome, string Description);

/// <summary>
/// Reads the contract's state vocabulary (openapi/rackspace-spot.json: cloudspace <c>phase</c>, <c>reason</c> and
/// <c>conditions</c>; pool <c>bidStatus</c>/<c>reservedStatus</c> and won/reserved counts) into wait outcomes. Words are
/// compared without case or spaces, so <c>SpeedBump Hit</c> and <c>SpeedBumpHit</c> are one state. Unknown values
/// mean "still in progress", as the contract asks.
/// </summary>
internal static class WaitRules
{
    /// <summary>Blocking words, most specific first: a phase Error whose reason is SpeedBump Hit is a speed bump.</summary>
    private static readonly (string Word, WaitOutcome Outcome)[] Blocking =
    [
        ("subscriptionsuspended", WaitOutcome.SubscriptionSuspended),
        ("speedbumphit", WaitOutcome.SpeedBumpHit),
        ("speedbump", WaitOutcome.SpeedBumpHit),
        ("nowinningbids", WaitOutcome.NoWinningBids),
        ("lost", WaitOutcome.Lost),
        ("error", WaitOutcome.Failed),
        ("failed", WaitOutcome.Failed),
    ];

    public static WaitState Read(CloudSpace cloudSpace)
    {
        var reason = cloudSpace.Reason is { Length: > 0 } r ? $" ({r})" : "";
        var description = $"phase {cloudSpace.Phase ?? "unknown"}{reason}";
        if (IsDeleting(cloudSpace.Raw) || Same(cloudSpace.Phase, "Deleting"))
        {
            return new(WaitOutcome.Deleted, description);
        }

        if (cloudSpace.IsReady)
        {
            return new(WaitOutcome.Reached, description);
        }

        var conditionReasons = cloudSpace.Raw?["status"]?["conditions"]?.Select(c => (string?)c["reason"]) ?? [];
        // The phase and reason decide; a condition's reason can only add the account-level blockers.
        return new(BlockingIn([cloudSpace.Phase, cloudSpace.Reason]) ?? AccountBlockerIn(conditionReasons), description);
    }

    public static WaitState Read(SpotNodePool pool, int? minWon) =>
        ReadPool(pool, pool.BidStatus, pool.WonCount, minWon ?? pool.Desired, "won");

    public static WaitState Read(OnDemandNodePool pool, int? minWon) =>
        ReadPool(pool, pool.ReservedStatus, pool.ReservedCount, minWon ?? pool.Desired, "reserved");

    /// <summary>What to do about an outcome, in one sentence (empty for success).</summary>
    public static string Advice(WaitOutcome outcome, string subject) => outcome switch
    {
        WaitOutcome.Reached => "",
        WaitOutcome.TimedOut => $"the {subject} keeps going: wait again with a longer timeout",
        WaitOutcome.Failed => $"check the {subject}'s reason and conditions; delete and recreate it if it stays failed",
        WaitOutcome.NoWinningBids => "raise a spot pool's bid above the market price, or add an on-demand pool",
        WaitOutcome.Lost => "raise the bid above the market price, or replace the pool with another server class",
        WaitOutcome.SpeedBumpHit => "the organization reached a provisioning limit: ask Rackspace Spot support to raise it, or ask for fewer servers",
        WaitOutcome.SubscriptionSuspended => "fix the organization's billing in the Spot console, then wait again",
        WaitOutcome.Deleted => $"create the {subject} again if it is still needed",
        _ => "",
    };

    /// <summary>The sentence that says how a wait ended.</summary>
    public static string Message(WaitOutcome outcome, string subject, string state, string goal, TimeSpan limit) => outcome switch
    {
        WaitOutcome.Reached => $"{subject} is {goal} ({state})",
        WaitOutcome.TimedOut => $"{subject} is not {goal} after {Describe(limit)} ({state})",
        WaitOutcome.Failed => $"{subject} failed ({state})",
        WaitOutcome.NoWinningBids => $"{subject} has no winning bids ({state})",
        WaitOutcome.Lost => $"{subject} lost its bid ({state})",
        WaitOutcome.SpeedBumpHit => $"{subject} hit the SpeedBump ({state})",
        WaitOutcome.SubscriptionSuspended => $"{subject} is blocked: the subscription is suspended ({state})",
        WaitOutcome.Deleted => $"{subject} was deleted ({state})",
        _ => $"{subject}: {state}",
    };

    private static WaitState ReadPool(NodePool pool, string? status, int won, int wanted, string verb)
    {
        var description = $"{(status is { Length: > 0 } s ? $"status {s}, " : "")}{verb} {won}/{pool.Desired}";
        if (IsDeleting(pool.Raw))
        {
            return new(WaitOutcome.Deleted, description);
        }

        // A blocking status wins over a count: a pool that lost its bid may still report the servers it is losing.
        return new(BlockingIn([status]) ?? (won >= wanted ? WaitOutcome.Reached : null), description);
    }

    private static WaitOutcome? BlockingIn(IEnumerable<string?> words)
    {
        var normalized = words.Select(Normalize).Where(w => w.Length > 0).ToList();
        return Blocking.Where(b => normalized.Contains(b.Word)).Select(b => (WaitOutcome?)b.Outcome).FirstOrDefault();
    }

    private static WaitOutcome? AccountBlockerIn(IEnumerable<string?> words)
    {
        var outcome = BlockingIn(words);
        return outcome is WaitOutcome.SpeedBumpHit or WaitOutcome.SubscriptionSuspended ? outcome : null;
    }

    private static bool IsDeleting(Newtonsoft.Json.Linq.JObject? raw) => raw?["metadata"]?["deletionTimestamp"] is { Type: not Newtonsoft.Json.Linq.JTokenType.Null };

    private static bool Same(string? a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static string Normalize(string? word) => (word ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();

    private static string Describe(TimeSpan limit) =>
        limit < TimeSpan.FromMinutes(1) ? Plural(limit.TotalSeconds, "second") : Plural(limit.TotalMinutes, "minute");

    private static string Plural(double amount, string unit) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{amount:0.###} {unit}{(amount == 1 ? "" : "s")}");
}
