using Newtonsoft.Json;

namespace RsSpot.Api;

/// <summary>
/// The one set of Newtonsoft.Json rules used for every Spot payload, by the generated clients and by anyone
/// who (de)serialises the same models (the facade, the emulator, tests).
/// </summary>
internal static class SpotJson
{
    /// <summary>Applies the Spot wire conventions to <paramref name="settings"/>.</summary>
    /// <param name="settings">Settings to update in place.</param>
    public static void Configure(JsonSerializerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        // Timestamps, prices and ids stay the exact strings the server sent; Newtonsoft would otherwise turn
        // date-like strings inside unknown fields into DateTime and re-emit them in another format.
        settings.DateParseHandling = DateParseHandling.None;
        settings.FloatParseHandling = FloatParseHandling.Decimal;
        settings.NullValueHandling = NullValueHandling.Ignore;
        settings.MissingMemberHandling = MissingMemberHandling.Ignore;
        // Newtonsoft's contracts, without an IL method compiled per member (start-up time).
        settings.ContractResolver = Internal.InterpretedContractResolver.Instance;
    }

    /// <summary>Creates a fresh settings object with the Spot wire conventions.</summary>
    public static JsonSerializerSettings CreateSettings()
    {
        var settings = new JsonSerializerSettings();
        Configure(settings);
        return settings;
    }
}
