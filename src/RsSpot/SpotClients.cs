using System.Collections.Concurrent;

namespace RsSpot;

/// <summary>
/// Process-wide, thread-safe registry of shared clients keyed by (profile, org, region), with ambient scopes
/// (<see cref="UseProfile"/>, <see cref="UseOrg"/>, <see cref="UseRegion"/>) that flow across async calls.
/// </summary>
public static class SpotClients
{
    private static readonly AsyncLocal<Scope?> Ambient = new();
    private static readonly ConcurrentDictionary<Key, Lazy<SpotClient>> SyncClients = new();
    private static readonly ConcurrentDictionary<Key, Lazy<AsyncSpotClient>> AsyncClients = new();
    private static readonly Lock TemplateLock = new();
    private static SpotClientOptions _template = new();

    /// <summary>Sets the options every new shared client starts from, and closes the clients built from the previous ones.</summary>
    /// <param name="template">Base options (profile, org and region are overridden per key).</param>
    public static void Configure(SpotClientOptions template)
    {
        ArgumentNullException.ThrowIfNull(template);
        lock (TemplateLock)
        {
            _template = template.Clone();
        }

        CloseAll();
    }

    /// <summary>The shared <see cref="SpotClient"/> for the given (or ambient) profile, org and region.</summary>
    /// <param name="profile">Profile; null takes the ambient scope, then the configured default.</param>
    /// <param name="org">Organization; null takes the ambient scope, then the profile's.</param>
    /// <param name="region">Region; null takes the ambient scope, then the profile's.</param>
    public static SpotClient Get(string? profile = null, string? org = null, string? region = null) =>
        SyncClients.GetOrAdd(KeyOf(profile, org, region), key => new Lazy<SpotClient>(() => new SpotClient(OptionsFor(key)))).Value;

    /// <summary>The shared <see cref="AsyncSpotClient"/> for the given (or ambient) profile, org and region.</summary>
    /// <param name="profile">Profile; null takes the ambient scope, then the configured default.</param>
    /// <param name="org">Organization; null takes the ambient scope, then the profile's.</param>
    /// <param name="region">Region; null takes the ambient scope, then the profile's.</param>
    public static AsyncSpotClient GetAsyncClient(string? profile = null, string? org = null, string? region = null) =>
        AsyncClients.GetOrAdd(KeyOf(profile, org, region), key => new Lazy<AsyncSpotClient>(() => new AsyncSpotClient(OptionsFor(key)))).Value;

    /// <summary>Within the returned scope (this async flow only), shared clients use <paramref name="profile"/>.</summary>
    /// <param name="profile">Profile name.</param>
    public static IDisposable UseProfile(string profile) => Push(s => s with { Profile = profile });

    /// <summary>Within the returned scope (this async flow only), shared clients use <paramref name="org"/>.</summary>
    /// <param name="org">Organization.</param>
    public static IDisposable UseOrg(string org) => Push(s => s with { Org = org });

    /// <summary>Within the returned scope (this async flow only), shared clients use <paramref name="region"/>.</summary>
    /// <param name="region">Region.</param>
    public static IDisposable UseRegion(string region) => Push(s => s with { Region = region });

    /// <summary>Disposes every shared client; the next <see cref="Get"/> builds new ones.</summary>
    public static void CloseAll()
    {
        foreach (var key in SyncClients.Keys)
        {
            if (SyncClients.TryRemove(key, out var client) && client.IsValueCreated)
            {
                client.Value.Dispose();
            }
        }

        foreach (var key in AsyncClients.Keys)
        {
            if (AsyncClients.TryRemove(key, out var client) && client.IsValueCreated)
            {
                client.Value.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }
    }

    /// <summary>Number of shared clients alive (diagnostics).</summary>
    public static int Count => SyncClients.Count + AsyncClients.Count;

    private static Key KeyOf(string? profile, string? org, string? region)
    {
        var scope = Ambient.Value;
        return new Key(profile ?? scope?.Profile, org ?? scope?.Org, region ?? scope?.Region);
    }

    private static SpotClientOptions OptionsFor(Key key)
    {
        SpotClientOptions options;
        lock (TemplateLock)
        {
            options = _template.Clone();
        }

        options.Profile = key.Profile ?? options.Profile;
        options.Org = key.Org ?? options.Org;
        options.Region = key.Region ?? options.Region;
        return options;
    }

    private static Restore Push(Func<Scope, Scope> change)
    {
        var previous = Ambient.Value;
        Ambient.Value = change(previous ?? new Scope(null, null, null));
        return new Restore(previous);
    }

    private sealed record Key(string? Profile, string? Org, string? Region);

    private sealed record Scope(string? Profile, string? Org, string? Region);

    private sealed class Restore(Scope? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}
