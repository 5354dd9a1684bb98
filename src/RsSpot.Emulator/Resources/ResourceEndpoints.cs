using Newtonsoft.Json.Linq;
using RsSpot.Emulator.Routing;
using RsSpot.Emulator.State;
using RsSpot.Emulator.Validation;

namespace RsSpot.Emulator.Resources;

/// <summary>
/// Kubernetes REST semantics shared by every namespaced resource: list with labelSelector, create (409 on an
/// existing name), get (404), PUT with resourceVersion (409 when stale), merge-patch (415 on other media
/// types), delete and delete-collection. Kind-specific rules come from <see cref="IResourceRules"/>.
/// </summary>
internal static class ResourceEndpoints
{
    private const string MergePatch = "application/merge-patch+json";

    public static IEnumerable<Route> Routes(IResourceRules rules, bool readOnly)
    {
        var collection = $"/apis/ngpc.rxt.io/v1/namespaces/{{namespace}}/{rules.Kind.Plural}";
        var item = collection + "/{name}";
        yield return new("GET", collection, true, c => Guard(c, rules, () => List(c, rules)));
        yield return new("GET", item, true, c => Guard(c, rules, () => Get(c, rules)));
        if (readOnly)
        {
            yield break;
        }

        yield return new("POST", collection, true, c => Guard(c, rules, () => Create(c, rules)));
        yield return new("DELETE", collection, true, c => Guard(c, rules, () => DeleteCollection(c, rules)));
        yield return new("PUT", item, true, c => Guard(c, rules, () => Replace(c, rules)));
        yield return new("PATCH", item, true, c => Guard(c, rules, () => Patch(c, rules)));
        yield return new("DELETE", item, true, c => Guard(c, rules, () => Delete(c, rules)));
    }

    /// <summary>The caller may only touch the namespace of the organization its token is bound to.</summary>
    private static EmulatorResponse Guard(RequestContext context, IResourceRules rules, Func<EmulatorResponse> next)
    {
        var ns = context.Route("namespace");
        var own = context.Options.Organizations.FirstOrDefault(o => o.Id == context.CallerOrgId);
        return own?.Namespace == ns ? next() : Respond.Forbidden(rules.Kind.Plural, ns);
    }

    private static EmulatorResponse List(RequestContext context, IResourceRules rules)
    {
        var selector = context.QueryValue("labelSelector");
        var items = context.State.ObjectsOf(rules.Kind.Plural, context.Route("namespace"))
            .Where(o => JsonMerge.MatchesSelector(o.Body, selector))
            .Select(o => rules.Render(context, o));
        return Respond.Json(200, new JObject
        {
            ["apiVersion"] = ResourceKind.ApiVersion,
            ["kind"] = rules.Kind.Kind + "List",
            ["metadata"] = new JObject { ["resourceVersion"] = context.State.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            ["items"] = new JArray(items),
        });
    }

    private static EmulatorResponse Get(RequestContext context, IResourceRules rules) =>
        Find(context, rules) is { } stored
            ? Respond.Json(200, rules.Render(context, stored))
            : Respond.NotFound(rules.Kind.Plural, context.Route("name"));

    private static EmulatorResponse Create(RequestContext context, IResourceRules rules)
    {
        var ns = context.Route("namespace");
        var read = context.ReadJson(rules.Kind.Kind);
        if (Rejection(read, rules, NameIn(read.Object)) is { } rejection)
        {
            return rejection;
        }

        var body = read.Object!;
        var metadata = JsonMerge.Child(body, "metadata");
        if (metadata.Value<string>("namespace") is { Length: > 0 } bodyNs && bodyNs != ns)
        {
            return Respond.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
        }

        var name = metadata.Value<string>("name");
        if (string.IsNullOrEmpty(name))
        {
            return Respond.Invalid(rules.Kind.Kind, rules.Kind.Plural, string.Empty, [FieldError.Required("metadata.name")]);
        }

        rules.ApplyDefaults(context, body);
        if (rules.Validate(context, body, null) is { } denied)
        {
            return denied;
        }

        if (context.State.Find(rules.Kind.Plural, ns, name) is not null)
        {
            return Respond.AlreadyExists(rules.Kind.Plural, name);
        }

        metadata["namespace"] = ns;
        metadata["uid"] = Guid.NewGuid().ToString();
        metadata["resourceVersion"] = context.State.NextResourceVersion();
        metadata["generation"] = 1;
        metadata["creationTimestamp"] = context.Timestamp;
        var stored = new StoredObject { Plural = rules.Kind.Plural, Namespace = ns, Name = name, Body = Canonical(rules.Kind, body) };
        context.State.Put(stored);
        rules.OnCreated(context, stored);
        context.State.RecordEvent(ns, context.Now, $"{rules.Kind.Kind} {name} created");
        context.Changed = true;
        return Respond.Json(201, rules.Render(context, stored));
    }

    private static EmulatorResponse Replace(RequestContext context, IResourceRules rules)
    {
        if (Find(context, rules) is not { } stored)
        {
            return Respond.NotFound(rules.Kind.Plural, context.Route("name"));
        }

        var read = context.ReadJson(rules.Kind.Kind);
        if (Rejection(read, rules, stored.Name) is { } rejection)
        {
            return rejection;
        }

        var body = read.Object!;
        var metadata = JsonMerge.Child(body, "metadata");
        if (metadata.Value<string>("name") is { } bodyName && bodyName != stored.Name)
        {
            return Respond.BadRequest("the name of the object (" + bodyName + ") does not match the name on the URL (" + stored.Name + ")");
        }

        var version = metadata.Value<string>("resourceVersion");
        if (string.IsNullOrEmpty(version))
        {
            return Respond.Invalid(rules.Kind.Kind, rules.Kind.Plural, stored.Name,
                [new FieldError("metadata.resourceVersion", "Invalid value: 0x0: must be specified for an update")]);
        }

        return Update(context, rules, stored, body, version);
    }

    private static EmulatorResponse Patch(RequestContext context, IResourceRules rules)
    {
        if (Find(context, rules) is not { } stored)
        {
            return Respond.NotFound(rules.Kind.Plural, context.Route("name"));
        }

        if (context.Request.MediaType != MergePatch)
        {
            return Respond.UnsupportedMediaType(context.Request.MediaType);
        }

        // The patch is checked against the whole object's schema: a field it sets must have the field's type, and
        // null (RFC 7386: remove the field) is accepted anywhere.
        var read = context.ReadJson(rules.Kind.Kind, SchemaChecks.NullsRemove);
        if (Rejection(read, rules, stored.Name) is { } rejection)
        {
            return rejection;
        }

        var patch = read.Object!;
        var version = (patch["metadata"] as JObject)?.Value<string>("resourceVersion");
        var merged = (JObject)stored.Body.DeepClone();
        JsonMerge.Apply(merged, patch);
        return Update(context, rules, stored, merged, version);
    }

    private static EmulatorResponse Update(RequestContext context, IResourceRules rules, StoredObject stored, JObject body, string? expectedVersion)
    {
        var current = stored.Body;
        if (expectedVersion is not null && expectedVersion != current["metadata"]!.Value<string>("resourceVersion"))
        {
            return Respond.Conflict(rules.Kind.Plural, stored.Name);
        }

        // Server-owned fields survive a replace or a patch (even one that nulls them); the client's copy is ignored.
        var metadata = JsonMerge.Child(body, "metadata");
        foreach (var field in new[] { "uid", "creationTimestamp", "namespace", "generation", "name" })
        {
            metadata[field] = current["metadata"]![field]?.DeepClone();
        }

        body["status"] = current["status"]?.DeepClone();

        var immutable = rules.ImmutableFields
            .Where(path => !JToken.DeepEquals(JsonMerge.At(current, path), JsonMerge.At(body, path)))
            .Select(path => new FieldError(path, $"Invalid value: {JsonMerge.At(body, path)?.ToString(Newtonsoft.Json.Formatting.None) ?? "null"}: field is immutable"))
            .ToList();
        if (immutable.Count > 0)
        {
            return Respond.Invalid(rules.Kind.Kind, rules.Kind.Plural, stored.Name, immutable);
        }

        rules.ApplyDefaults(context, body);
        if (rules.Validate(context, body, stored) is { } rejection)
        {
            return rejection;
        }

        var generation = current["metadata"]!.Value<long?>("generation") ?? 1;
        metadata["generation"] = JToken.DeepEquals(current["spec"], body["spec"]) ? generation : generation + 1;
        metadata["resourceVersion"] = context.State.NextResourceVersion();
        stored.Body = Canonical(rules.Kind, body);
        context.State.RecordEvent(stored.Namespace, context.Now, $"{rules.Kind.Kind} {stored.Name} updated");
        context.Changed = true;
        return Respond.Json(200, rules.Render(context, stored));
    }

    private static EmulatorResponse Delete(RequestContext context, IResourceRules rules)
    {
        if (Find(context, rules) is not { } stored)
        {
            return Respond.NotFound(rules.Kind.Plural, context.Route("name"));
        }

        DeleteOne(context, rules, stored);
        return Respond.Success(rules.Kind.Plural, stored.Name, stored.Body["metadata"]?.Value<string>("uid"));
    }

    private static EmulatorResponse DeleteCollection(RequestContext context, IResourceRules rules)
    {
        var selector = context.QueryValue("labelSelector");
        var victims = context.State.ObjectsOf(rules.Kind.Plural, context.Route("namespace"))
            .Where(o => JsonMerge.MatchesSelector(o.Body, selector)).ToList();
        foreach (var stored in victims)
        {
            DeleteOne(context, rules, stored);
        }

        return Respond.Json(200, new JObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JObject(),
            ["status"] = "Success",
            ["details"] = new JObject { ["group"] = Respond.Group, ["kind"] = rules.Kind.Plural },
        });
    }

    private static void DeleteOne(RequestContext context, IResourceRules rules, StoredObject stored)
    {
        rules.Delete(context, stored);
        context.State.RecordEvent(stored.Namespace, context.Now, $"{rules.Kind.Kind} {stored.Name} deleted");
        context.Changed = true;
    }

    /// <summary>
    /// Why a body cannot be used: a 400 when it is no JSON object (malformed JSON, invalid UTF-8, an array), a 422
    /// Invalid naming each mistyped field; null when it is usable.
    /// </summary>
    private static EmulatorResponse? Rejection(JsonBody read, IResourceRules rules, string name) =>
        read.Problem is { } problem ? Respond.BadRequest("the object provided is unrecognized: " + problem)
        : read.Errors.Count > 0 ? Respond.Invalid(rules.Kind.Kind, rules.Kind.Plural, name, read.Errors)
        : null;

    /// <summary>metadata.name when the body has it as a string (it may be mistyped), else empty.</summary>
    private static string NameIn(JObject? body) =>
        (body?["metadata"] as JObject)?["name"] is JValue { Type: JTokenType.String } name ? name.Value<string>()! : string.Empty;

    /// <summary>The object with apiVersion and kind first, as the API server writes it.</summary>
    private static JObject Canonical(ResourceKind kind, JObject body)
    {
        var result = new JObject { ["apiVersion"] = ResourceKind.ApiVersion, ["kind"] = kind.Kind };
        foreach (var property in body.Properties().Where(p => p.Name is not ("apiVersion" or "kind")))
        {
            result[property.Name] = property.Value.DeepClone();
        }

        return result;
    }

    private static StoredObject? Find(RequestContext context, IResourceRules rules) =>
        context.State.Find(rules.Kind.Plural, context.Route("namespace"), context.Route("name"));
}
