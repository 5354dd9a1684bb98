using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using RsSpot.Internal.Mapping;

namespace RsSpot.Internal;

/// <summary>
/// Optimistic-concurrency updates through PUT: the current object must still carry the resourceVersion the caller
/// read; the caller's merge patch is applied to it (RFC 7386: objects merge, arrays replace) and the whole object is
/// replaced, so the server rejects it with 409 if anyone changed it in between.
/// </summary>
internal static class ConditionalReplace
{
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(Api.SpotJson.CreateSettings());

    public static TWire Apply<TWire>(TWire current, object patch, string expectedResourceVersion, string kind, string name)
        where TWire : class
    {
        var json = WireText.Raw(current);
        var actual = json["metadata"]?["resourceVersion"]?.Value<string>();
        if (actual != expectedResourceVersion)
        {
            throw new SpotConflictException(
                $"{kind} '{name}' has changed (resourceVersion {actual ?? "unknown"}, expected {expectedResourceVersion}); read it again and retry",
                System.Net.HttpStatusCode.Conflict, "Conflict", null);
        }

        json.Merge(JObject.FromObject(patch, Serializer), new JsonMergeSettings { MergeArrayHandling = MergeArrayHandling.Replace });
        return json.ToObject<TWire>(Serializer)!;
    }
}
