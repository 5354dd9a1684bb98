namespace RsSpot.Emulator;

/// <summary>
/// Holds cloudspaces or node pools in a chosen state until released (<see cref="SpotEmulator.Pin"/>, or
/// <c>POST /_emulator/pins</c>): every matching object is served with these status fields, whatever its lifecycle
/// says, so a test can show a client each state of the contract (Error, NoWinningBids, Lost, SpeedBump Hit,
/// SubscriptionSuspended, ...). Matching is by kind, then by name, or for pools by server class (which also catches
/// pools created later). Unset state fields keep their computed value.
/// </summary>
public sealed record ResourcePin
{
    /// <summary>The kinds a pin can hold: cloudspaces, spotnodepools, ondemandnodepools (singular accepted).</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["cloudspaces", "spotnodepools", "ondemandnodepools"];

    /// <summary>Resource kind: <c>cloudspaces</c>, <c>spotnodepools</c> or <c>ondemandnodepools</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>Namespace of the objects; null for the first organization's.</summary>
    public string? Namespace { get; init; }

    /// <summary>Name of the one object held; null for every object of the kind (narrowed by <see cref="ServerClass"/>).</summary>
    public string? Name { get; init; }

    /// <summary>Pools only: hold every pool of this server class, including pools created after the pin.</summary>
    public string? ServerClass { get; init; }

    /// <summary>Cloudspaces: <c>status.phase</c> (Provisioning, Ready, Upgrading, NoWinningBids, Error, Deleting, ...).</summary>
    public string? Phase { get; init; }

    /// <summary>Cloudspaces: <c>status.reason</c> (e.g. <c>SpeedBump Hit</c>, <c>SubscriptionSuspended</c>).</summary>
    public string? Reason { get; init; }

    /// <summary>Cloudspaces: <c>status.health</c>.</summary>
    public string? Health { get; init; }

    /// <summary>Spot pools: <c>status.bidStatus</c> (Pending, Fulfilled, Partial, Lost, ...); on-demand pools: <c>status.reservedStatus</c>.</summary>
    public string? BidStatus { get; init; }

    /// <summary>Spot pools: <c>status.wonCount</c>; on-demand pools: <c>status.reservedCount</c>.</summary>
    public int? WonCount { get; init; }

    /// <summary>The canonical (plural, lowercase) kind, or null when <paramref name="kind"/> is none of <see cref="Kinds"/>.</summary>
    public static string? NormalizeKind(string? kind)
    {
        var lower = kind?.Trim().ToLowerInvariant();
        return Kinds.FirstOrDefault(k => k == lower || k == lower + "s");
    }

    /// <summary>Whether this pin selects the same objects as <paramref name="other"/> (a later pin replaces an earlier one).</summary>
    internal bool SameTarget(ResourcePin other) =>
        NormalizeKind(Kind) == NormalizeKind(other.Kind) && Namespace == other.Namespace && Name == other.Name && ServerClass == other.ServerClass;
}
