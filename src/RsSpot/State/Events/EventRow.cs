using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using RsSpot.Models;

namespace RsSpot.State;

/// <summary>One row of <c>events</c> as stored (instants as Unix milliseconds, data as its JSON text).</summary>
internal sealed record EventRow
{
    public long Id { get; set; }

    public long OccurredAt { get; set; }

    public string Type { get; set; } = "";

    public string Source { get; set; } = "";

    public string? Profile { get; set; }

    public string? Org { get; set; }

    public string? Region { get; set; }

    public string? CloudSpace { get; set; }

    public string? Pool { get; set; }

    public string? Server { get; set; }

    public string Message { get; set; } = "";

    public string? DataJson { get; set; }

    public static EventRow From(SpotEvent e) => new()
    {
        OccurredAt = UnixTime.ToMs(e.OccurredAt),
        Type = e.Type,
        Source = e.Source,
        Profile = e.Profile,
        Org = e.Org,
        Region = e.Region,
        CloudSpace = e.CloudSpace,
        Pool = e.Pool,
        Server = e.Server,
        Message = e.Message,
        DataJson = e.Data?.ToString(Formatting.None),
    };

    public SpotEvent ToEvent() => new()
    {
        Id = Id,
        OccurredAt = UnixTime.FromMs(OccurredAt),
        Type = Type,
        Source = Source,
        Profile = Profile,
        Org = Org,
        Region = Region,
        CloudSpace = CloudSpace,
        Pool = Pool,
        Server = Server,
        Message = Message,
        Data = DataJson is null ? null : ParseData(DataJson),
    };

    /// <summary>Prices stay decimals and timestamps stay text, exactly as they were stored.</summary>
    private static JObject ParseData(string json)
    {
        using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal };
        return JObject.Load(reader);
    }
}

/// <summary>One row of <c>watch_checkpoints</c>: the state a watch of <see cref="Scope"/> last saw of one cloudspace.</summary>
internal sealed record WatchCheckpointRow
{
    public string Scope { get; set; } = "";

    public string CloudSpace { get; set; } = "";

    public string StateJson { get; set; } = "";

    public long UpdatedAt { get; set; }
}
