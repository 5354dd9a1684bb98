namespace RsSpot.Cli.Progress;

/// <summary>What one poll of a wait saw: the phase, and where the resource says so its bid status and won/desired servers.</summary>
internal sealed record WaitStatus(string Phase, string? Reason = null, string? BidStatus = null, int? Won = null, int? Desired = null)
{
    /// <summary>The part that, when it changes, is worth a line of its own.</summary>
    public string Key => $"{Phase}|{Reason}|{BidStatus}|{Won}|{Desired}";
}
