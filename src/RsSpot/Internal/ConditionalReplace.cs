using Microsoft.Extensions.Logging;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using RsSpot.Internal.Mapping;

namespace RsSpot.Internal;

/// <summary>One conditional update as <see cref="ConditionalReplace"/> sees it: the change, and how to read and replace the object.</summary>
/// <typeparam name="TWire">The generated resource type.</typeparam>
internal sealed record ConditionalUpdate<TWire>(string Kind, string Name, object Patch, string ExpectedResourceVersion,
    Func<CancellationToken, Task<TWire>> Get, Func<TWire, CancellationToken, Task<TWire>> Replace)
    where TWire : class;

/// <summary>
/// Optimistic-concurrency updates through PUT: the current object must still carry the resourceVersion the caller
/// read; the caller's merge patch is applied to it (RFC 7386: objects merge, arrays replace) and the whole object is
/// replaced, so the server rejects it with 409 if anyone changed it in between.
/// An object that already holds every value the patch sets needs no update, whatever its version: that is how a
/// re-run of an update whose reply was lost finds it done. For the same reason a conflict or an unknown outcome of
/// the replace itself is read back: a retried PUT carries the version its own lost first attempt replaced, so the
/// server's 409 may be that attempt's success.
/// </summary>
internal static class ConditionalReplace
{
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(Api.SpotJson.CreateSettings());

    private static readonly JsonMergeSettings MergeSettings = new() { MergeArrayHandling = MergeArrayHandling.Replace };

    public static async Task<TWire> UpdateAsync<TWire>(SpotClientCore core, ConditionalUpdate<TWire> update, CancellationToken cancellationToken)
        where TWire : class
    {
        var current = await update.Get(cancellationToken).ConfigureAwait(false);
        var (json, merged) = Merge(current, update.Patch);
        if (Unchanged(json, merged))
        {
            core.Logger.LogInformation("The {Kind} {Name} already holds every requested value; nothing to update", update.Kind, update.Name);
            return current;
        }

        var actual = json["metadata"]?["resourceVersion"]?.Value<string>();
        if (actual != update.ExpectedResourceVersion)
        {
            throw new SpotConflictException(
                $"{update.Kind} '{update.Name}' has changed (resourceVersion {actual ?? "unknown"}, expected {update.ExpectedResourceVersion}); read it again and retry",
                System.Net.HttpStatusCode.Conflict, "Conflict", null);
        }

        var replacement = merged.ToObject<TWire>(Serializer)!;
        try
        {
            return await update.Replace(replacement, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (core.Translate(e) is SpotConflictException or SpotException { StatusCode: >= System.Net.HttpStatusCode.InternalServerError } or SpotNetworkException { OutcomeUnknown: true })
        {
            if (await ReadBackAsync(update, cancellationToken).ConfigureAwait(false) is { } now && Holds(now, update.Patch))
            {
                core.Logger.LogWarning("Updating the {Kind} {Name} failed ({Error}), but it holds every requested value: an earlier attempt whose reply was lost applied it", update.Kind, update.Name, core.Translate(e)!.Message);
                return now;
            }

            throw;
        }
    }

    /// <summary>Whether merging <paramref name="patch"/> into <paramref name="resource"/> would change nothing.</summary>
    private static bool Holds(object resource, object patch)
    {
        var (json, merged) = Merge(resource, patch);
        return Unchanged(json, merged);
    }

    private static bool Unchanged(JObject json, JObject merged) => JToken.DeepEquals(merged, json);

    /// <summary>The resource's JSON, and a copy with <paramref name="patch"/> merged in.</summary>
    private static (JObject Json, JObject Merged) Merge(object resource, object patch)
    {
        var json = WireText.Raw(resource);
        var merged = (JObject)json.DeepClone();
        merged.Merge(JObject.FromObject(patch, Serializer), MergeSettings);
        return (json, merged);
    }

    /// <summary>The object as it is now; null when it cannot be read (the update's own error then stands).</summary>
    private static async Task<TWire?> ReadBackAsync<TWire>(ConditionalUpdate<TWire> update, CancellationToken cancellationToken)
        where TWire : class
    {
        try
        {
            return await update.Get(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return null;
        }
    }
}
