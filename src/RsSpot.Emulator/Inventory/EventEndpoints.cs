using System.Globalization;
using Newtonsoft.Json.Linq;
using RsSpot.Emulator.Routing;

namespace RsSpot.Emulator.Inventory;

/// <summary>The organization event feed (<c>limits</c> caps the count; newest first).</summary>
internal static class EventEndpoints
{
    private const int DefaultLimit = 100;

    public static IEnumerable<Route> Routes() =>
        [new("GET", "/apis/metrics.ngpc.rxt.io/v1/events/organizations", true, List)];

    private static EmulatorResponse List(RequestContext context)
    {
        var organization = context.Options.Organizations.FirstOrDefault(o => o.Id == context.CallerOrgId);
        if (organization is null)
        {
            return Respond.Status(403, "Forbidden", "the organization of the token is not known");
        }

        var limit = int.TryParse(context.QueryValue("limits"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) && parsed > 0
            ? parsed
            : DefaultLimit;
        // Reversed first so that events of the same instant also come newest first (the sort is stable).
        var events = Enumerable.Reverse(context.State.Events)
            .Where(e => e.Namespace == organization.Namespace)
            .OrderByDescending(e => e.At)
            .Take(limit)
            .Select(e => new JArray(RequestContext.Format(e.At), e.Message));
        return Respond.Json(200, new JObject
        {
            ["org_id"] = organization.Id,
            ["type"] = "organization",
            ["events"] = new JArray(events),
        });
    }
}
