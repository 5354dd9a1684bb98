using Newtonsoft.Json.Linq;
using RsSpot.Emulator.Resources;
using RsSpot.Emulator.State;

namespace RsSpot.Emulator.Pins;

/// <summary>
/// Applies the pins of the state to an object as it is served: the status fields a matching pin sets replace the
/// computed ones. The stored object and its lifecycle are left alone, so releasing the pin shows the real state again.
/// </summary>
internal static class PinOverlay
{
    /// <summary>The pin holding <paramref name="stored"/>, if any (the latest matching one wins).</summary>
    public static ResourcePin? Find(EmulatorState state, StoredObject stored) =>
        state.Pins.LastOrDefault(pin => Matches(pin, stored));

    /// <summary>Overwrites <paramref name="status"/> with the fields of the pin holding <paramref name="stored"/>.</summary>
    public static void Apply(EmulatorState state, StoredObject stored, JObject status)
    {
        if (Find(state, stored) is not { } pin)
        {
            return;
        }

        if (stored.Plural == ResourceKind.CloudSpaces.Plural)
        {
            Set(status, "phase", pin.Phase);
            Set(status, "reason", pin.Reason);
            Set(status, "health", pin.Health);
            return;
        }

        var spot = stored.Plural == ResourceKind.SpotNodePools.Plural;
        Set(status, spot ? "bidStatus" : "reservedStatus", pin.BidStatus);
        if (pin.WonCount is { } won)
        {
            status[spot ? "wonCount" : "reservedCount"] = won;
        }
    }

    private static bool Matches(ResourcePin pin, StoredObject stored) =>
        ResourcePin.NormalizeKind(pin.Kind) == stored.Plural
        && pin.Namespace == stored.Namespace
        && (pin.Name is null || pin.Name == stored.Name)
        && (pin.ServerClass is null || pin.ServerClass == stored.Body["spec"]?.Value<string>("serverClass"));

    private static void Set(JObject status, string field, string? value)
    {
        if (value is not null)
        {
            status[field] = value;
        }
    }
}
