using Newtonsoft.Json.Linq;
using RsSpot.Models;
using RsSpot.State;

namespace RsSpot.Observability.Watching;

/// <summary>What a watch looks at and how early it warns.</summary>
/// <param name="CloudSpace">Only this cloudspace (or VM cloudspace); null for every one of the organization.</param>
/// <param name="Org">Organization (name, id or namespace); null for the configured one.</param>
/// <param name="RiskMargin">How close (a fraction of the bid) the market price may come before <c>capacity-at-risk</c>.</param>
internal sealed record WatchOptions(string? CloudSpace = null, string? Org = null, decimal RiskMargin = WatchOptions.DefaultRiskMargin)
{
    public const decimal DefaultRiskMargin = 0.10m;
}

/// <summary>
/// One watch: each <see cref="PollAsync"/> reads the organization (<see cref="FleetReader"/>), compares it with the
/// checkpoint in state.db and records every transition (<see cref="Transitions"/>) in the same transaction. A failed
/// look changes no checkpoint and records one <c>watch-error</c> per run of failures (then <c>watch-recovered</c>), so
/// an outage never reads as servers gone. On the first look, a failure the watch cannot outlast (credentials, a
/// cloudspace that does not exist) is thrown instead.
/// </summary>
internal sealed class Watcher(SpotClient client, WatchOptions options)
{
    private readonly FleetReader _reader = new(client);
    private string? _org;
    private bool _succeeded;
    private int _failures;

    /// <summary>Looks once; returns the events recorded (transitions, or the error), oldest first.</summary>
    /// <exception cref="SpotException">On the first look only: the credentials, the organization or the cloudspace are wrong.</exception>
    public async Task<IReadOnlyList<SpotEvent>> PollAsync(CancellationToken cancellationToken)
    {
        var store = client.Core.EventStore;
        IReadOnlyList<CloudSpaceState> fleet;
        try
        {
            _org ??= await client.ResolveOrgNamespaceAsync(options.Org, cancellationToken).ConfigureAwait(false);
            fleet = await _reader.ReadAsync(options.CloudSpace, _org, cancellationToken).ConfigureAwait(false);
        }
        catch (SpotException e) when (_succeeded || e is not (SpotAuthenticationException or SpotNotFoundException or SpotConfigurationException))
        {
            return ++_failures == 1 ? store.Append([Event(EventTypes.WatchError, $"the API failed, nothing was compared: {e.Message}", data: Failure(e))]) : [];
        }

        var now = client.Core.Time.GetUtcNow();
        var recovered = _failures > 0
            ? store.Append([Event(EventTypes.WatchRecovered, $"the API answers again after {_failures} failed look{(_failures == 1 ? "" : "s")}", at: now)])
            : [];
        var changes = store.Commit($"{client.Core.Settings.BaseUri}|{client.ProfileName}|{_org}", stored => Compare(stored, fleet, now));
        (_succeeded, _failures) = (true, 0);
        return [.. recovered, .. changes];
    }

    private WatchCommit Compare(IReadOnlyDictionary<string, string> stored, IReadOnlyList<CloudSpaceState> fleet, DateTimeOffset now)
    {
        var watched = options.CloudSpace is { } only
            ? stored.Where(s => s.Key == CloudSpaceState.KeyOf(CloudSpaceState.Kubernetes, only) || s.Key == CloudSpaceState.KeyOf(CloudSpaceState.Vm, only)).ToDictionary()
            : stored.ToDictionary();
        if (options.CloudSpace is { } missing && fleet.Count == 0 && watched.Count == 0 && !_succeeded)
        {
            throw new SpotNotFoundException($"no cloudspace or VM cloudspace named '{missing}' in {_org}");
        }

        var events = new List<SpotEvent>();
        var checkpoints = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var cloudSpace in fleet)
        {
            var changes = watched.TryGetValue(cloudSpace.Key, out var json)
                ? Transitions.Between(CloudSpaceState.FromJson(json), cloudSpace, options.RiskMargin)
                : Transitions.FirstSight(cloudSpace, options.RiskMargin);
            events.AddRange(changes.Select(c => Event(c.Type, c.Message, cloudSpace, c.Pool, c.Server, c.Data, now)));
            checkpoints[cloudSpace.Key] = cloudSpace.ToJson();
        }

        var gone = watched.Keys.Except(checkpoints.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        foreach (var key in gone)
        {
            var before = CloudSpaceState.FromJson(watched[key]);
            events.AddRange(Transitions.Removed(before).Select(c => Event(c.Type, c.Message, before, c.Pool, c.Server, c.Data, now)));
        }

        return new WatchCommit(events, checkpoints, gone);
    }

    private SpotEvent Event(string type, string message, CloudSpaceState? cloudSpace = null, string? pool = null, string? server = null, JObject? data = null, DateTimeOffset? at = null) => new()
    {
        OccurredAt = at ?? client.Core.Time.GetUtcNow(),
        Type = type,
        Source = EventTypes.WatchSource,
        Profile = client.ProfileName,
        Org = _org,
        Region = cloudSpace?.Region,
        CloudSpace = cloudSpace?.Name ?? options.CloudSpace,
        Pool = pool,
        Server = server,
        Message = message,
        Data = data,
    };

    private static JObject Failure(SpotException e) => new()
    {
        ["error"] = e.GetType().Name,
        ["status"] = e.StatusCode is { } status ? (int)status : null,
        ["reason"] = e.Reason,
        ["request_id"] = e.RequestId,
    };
}
