using RsSpot.Models;

namespace RsSpot.State;

/// <summary>
/// Where the local event history and the watch checkpoints live. The SQL of the sqlite implementation is plain and
/// portable (no sqlite-only constructs in the queries), so a server-backed store can implement the same contract.
/// </summary>
internal interface IEventStore
{
    /// <summary>Stores <paramref name="events"/> in order; returns them with their ids.</summary>
    IReadOnlyList<SpotEvent> Append(IReadOnlyList<SpotEvent> events);

    /// <summary>The most recent events matching <paramref name="query"/>, oldest first.</summary>
    IReadOnlyList<SpotEvent> Query(EventQuery query);

    /// <summary>The last event of each pool that happened before <paramref name="before"/> (where spend integration starts).</summary>
    IReadOnlyList<SpotEvent> LastPerPoolBefore(DateTimeOffset before, string? cloudSpace);

    /// <summary>How many events are stored.</summary>
    long Count();

    /// <summary>Deletes the events older than <paramref name="cutoff"/>; returns how many.</summary>
    int Prune(DateTimeOffset cutoff);

    /// <summary>
    /// One watch step, atomically: reads the checkpoints of <paramref name="scope"/> (state by cloudspace), lets
    /// <paramref name="step"/> compare them with what was observed, then stores its events and checkpoints. Two
    /// watchers of one scope never record the same transition twice.
    /// </summary>
    IReadOnlyList<SpotEvent> Commit(string scope, Func<IReadOnlyDictionary<string, string>, WatchCommit> step);
}

/// <summary>What one watch step records: its events, the new checkpoint of each cloudspace seen, and the cloudspaces to forget.</summary>
internal sealed record WatchCommit(IReadOnlyList<SpotEvent> Events, IReadOnlyDictionary<string, string> Checkpoints, IReadOnlyCollection<string> Forget);
