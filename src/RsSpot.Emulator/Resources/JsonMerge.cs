using Newtonsoft.Json.Linq;

namespace RsSpot.Emulator.Resources;

/// <summary>JSON helpers for resources: RFC 7386 merge patch and label selectors.</summary>
internal static class JsonMerge
{
    /// <summary>Applies an RFC 7386 merge patch to <paramref name="target"/> in place: null removes, objects merge, anything else replaces.</summary>
    public static void Apply(JObject target, JObject patch)
    {
        foreach (var (name, value) in patch)
        {
            if (value is null || value.Type == JTokenType.Null)
            {
                target.Remove(name);
            }
            else if (value is JObject patchObject)
            {
                if (target[name] is not JObject targetObject)
                {
                    targetObject = [];
                    target[name] = targetObject;
                }

                Apply(targetObject, patchObject);
            }
            else
            {
                target[name] = value.DeepClone();
            }
        }
    }

    /// <summary>True when the object's labels satisfy a selector of comma-separated <c>k=v</c>, <c>k==v</c> or <c>k!=v</c> terms.</summary>
    public static bool MatchesSelector(JObject body, string? selector)
    {
        if (string.IsNullOrWhiteSpace(selector))
        {
            return true;
        }

        var labels = body["metadata"]?["labels"] as JObject;
        foreach (var term in selector.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var negate = term.Contains("!=", StringComparison.Ordinal);
            var parts = term.Split(negate ? "!=" : term.Contains("==", StringComparison.Ordinal) ? "==" : "=", 2);
            var actual = labels?.Value<string>(parts[0].Trim());
            var matches = parts.Length == 1 ? actual is not null : actual == parts[1].Trim();
            if (matches == negate)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The child object <paramref name="name"/>, created when missing or not an object. (Re-assigning an
    /// attached token would make Newtonsoft store a copy, so an existing child is returned as is.)
    /// </summary>
    public static JObject Child(JObject parent, string name)
    {
        if (parent[name] is JObject child)
        {
            return child;
        }

        child = [];
        parent[name] = child;
        return child;
    }

    /// <summary>Reads a string at a dotted path such as <c>spec.serverClass</c>.</summary>
    public static JToken? At(JObject body, string path) => body.SelectToken(path);
}
