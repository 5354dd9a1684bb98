using Newtonsoft.Json;

namespace RsSpot.Emulator.Json;

/// <summary>
/// The emulator's Newtonsoft.Json rules, on the wire and in sandbox.db. They match the generated client's wire
/// conventions where it matters to the emulator, which handles raw JSON (JObject) rather than models.
/// </summary>
internal static class EmulatorJson
{
    /// <summary>Deep enough for every Spot object; a deeper body is rejected while parsing instead of recursing on.</summary>
    public const int MaxDepth = 64;

    /// <summary>Shared settings; never mutated after creation.</summary>
    public static JsonSerializerSettings Settings { get; } = new()
    {
        // Timestamps stay the exact strings sent or stored: parsing them into DateTime would re-emit them in another
        // format (and lose the offset) when the object is served or persisted again.
        DateParseHandling = DateParseHandling.None,
        // Prices and other fractions round-trip exactly.
        FloatParseHandling = FloatParseHandling.Decimal,
        // Unset optional state (e.g. a cloudspace's ReadyAt) is omitted from sandbox.db rather than written as null.
        NullValueHandling = NullValueHandling.Ignore,
        MissingMemberHandling = MissingMemberHandling.Ignore,
        MaxDepth = MaxDepth,
        // Newtonsoft's contracts, without an IL method compiled per member (sandbox start-up time).
        ContractResolver = Internal.InterpretedContractResolver.Instance,
    };
}
