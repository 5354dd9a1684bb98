using Newtonsoft.Json;

namespace RsSpot.Configuration;

/// <summary>
/// The <c>state</c> block: where the shared parts of the state (the registration ledger) live, so several machines can work
/// on one. The per-user parts (token and HTTP caches, preferences, command history) always stay in state.db.
/// </summary>
[JsonObject(MissingMemberHandling = MissingMemberHandling.Error)]
internal sealed class StateConfig
{
    /// <summary><c>sqlite</c> (state.db, the default) or <c>postgres</c> (<c>backend</c>).</summary>
    [Setting("backend", OneOf = ["sqlite", "postgres"], Env = ["RSSPOT_STATE_BACKEND"])]
    public string? Backend { get; set; }

    /// <summary>The PostgreSQL connection string, <c>Host=...;Database=...;Username=...;Password=...</c> (<c>connection_string</c>); shown only with its password masked.</summary>
    [Setting("connection_string", Env = ["RSSPOT_STATE_CONNECTION"])]
    public string? ConnectionString { get; set; }
}
