using System.Security.Cryptography;
using Newtonsoft.Json.Linq;

namespace RsSpot.Emulator.State;

/// <summary>
/// Everything mutable the emulator knows. Serialised as one JSON document so that sandbox mode can persist it
/// in a single sqlite row; the catalogue is not stored because it is derived from the clock.
/// </summary>
internal sealed class EmulatorState
{
    /// <summary>Last resourceVersion handed out (one counter for every object, as in Kubernetes).</summary>
    public long ResourceVersion { get; set; } = 1000;

    /// <summary>Key signing the id_tokens; rotating it invalidates every token issued so far.</summary>
    public string SigningKey { get; set; } = NewSigningKey();

    /// <summary>Stored objects keyed by <see cref="StoredObject.KeyOf"/>.</summary>
    public Dictionary<string, StoredObject> Objects { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Organization events, oldest first.</summary>
    public List<EventRecord> Events { get; set; } = [];

    /// <summary>Objects held in a chosen state until released (tests), oldest first.</summary>
    public List<ResourcePin> Pins { get; set; } = [];

    /// <summary>Market prices set by tests (server class name → USD per hour), served instead of the computed auction price.</summary>
    public Dictionary<string, decimal> MarketPrices { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Servers taken from spot pools by simulated pre-emptions (<see cref="StoredObject.KeyOf"/> of the pool → count).</summary>
    public Dictionary<string, int> Preempted { get; set; } = new(StringComparer.Ordinal);

    public string NextResourceVersion() => (++ResourceVersion).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string NewSigningKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public IEnumerable<StoredObject> ObjectsOf(string plural, string ns) =>
        Objects.Values.Where(o => o.Plural == plural && o.Namespace == ns).OrderBy(o => o.Name, StringComparer.Ordinal);

    public StoredObject? Find(string plural, string ns, string name) =>
        Objects.GetValueOrDefault(StoredObject.KeyOf(plural, ns, name));

    public void Put(StoredObject stored) => Objects[StoredObject.KeyOf(stored.Plural, stored.Namespace, stored.Name)] = stored;

    public void Remove(StoredObject stored) => Objects.Remove(StoredObject.KeyOf(stored.Plural, stored.Namespace, stored.Name));

    public void RecordEvent(string ns, DateTimeOffset at, string message) =>
        Events.Add(new EventRecord { Namespace = ns, At = at, Message = message });
}

/// <summary>One namespaced object: its wire body plus the lifecycle deadlines the emulator evaluates lazily.</summary>
internal sealed class StoredObject
{
    public string Plural { get; set; } = string.Empty;

    public string Namespace { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    /// <summary>The object as served (apiVersion, kind, metadata, spec, status).</summary>
    public JObject Body { get; set; } = [];

    /// <summary>When a Provisioning cloudspace turns Ready.</summary>
    public DateTimeOffset? ReadyAt { get; set; }

    /// <summary>When a Deleting object disappears.</summary>
    public DateTimeOffset? RemoveAt { get; set; }

    public static string KeyOf(string plural, string ns, string name) => $"{plural}/{ns}/{name}";
}

/// <summary>An organization event (time and message).</summary>
internal sealed class EventRecord
{
    public string Namespace { get; set; } = string.Empty;

    public DateTimeOffset At { get; set; }

    public string Message { get; set; } = string.Empty;
}
