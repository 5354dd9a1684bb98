using System.Reflection;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace RsSpot.Configuration;

/// <summary>Binds the tree to <see cref="SpotConfig"/> and back with one Newtonsoft serializer; a bad value becomes one message with its key path and line, never its value.</summary>
internal static partial class ConfigBinder
{
    private static readonly ConfigContractResolver Resolver = ConfigContractResolver.Instance;

    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        ContractResolver = Resolver,
        NullValueHandling = NullValueHandling.Ignore,
        Converters = [new LenientBooleanConverter()],
        MaxDepth = ConfigTree.MaxDepth,
    });

    // Top-level profile keys mark the legacy flat schema of ~/.spot_config; these keys name the profile they belong to.
    private static readonly HashSet<string> FlatKeys = Resolver.KeysOf(typeof(ProfileSettings)).ToHashSet(StringComparer.Ordinal);
    private static readonly string[] FlatSelectors = ["active_profile", "activeProfile", "default_profile"];

    public static SpotConfig Bind(JObject tree)
    {
        tree = Unflatten(tree);
        foreach (var bodiless in (tree["profiles"] as JObject)?.Properties().Where(p => p.Value.Type is JTokenType.Null) ?? [])
        {
            bodiless.Value = new JObject(); // "prod:" with no body is an empty profile, not an error
        }

        using var reader = new JTokenReader(tree);
        try
        {
            return Serializer.Deserialize<SpotConfig>(reader)!;
        }
        catch (Exception ex) when (ex is JsonException or ConfigDocumentException)
        {
            var token = tree.SelectToken(reader.Path);
            var badValue = ex as ConfigDocumentException;
            throw new ConfigDocumentException($"{BracketedKey().Replace(reader.Path, ".$1")}{badValue?.Suffix}: {badValue?.Message ?? Mismatch(token)}", ConfigTree.LineOf(token));
        }
    }

    /// <summary>The tree of <paramref name="config"/> as written: snake_case keys, unset values and empty preferences left out.</summary>
    public static JObject ToTree(SpotConfig config)
    {
        var tree = JObject.FromObject(config, Serializer);
        tree.Properties().Where(p => p is { Name: "preferences", Value: JObject { Count: 0 } }).ToList().ForEach(empty => empty.Remove());
        return tree;
    }

    /// <summary>Converts an environment variable to <paramref name="property"/>'s type, checked like a file value.</summary>
    public static object? FromVariable(string text, PropertyInfo property, SettingAttribute setting, string variable)
    {
        try
        {
            var value = new JValue(text).ToObject(property.PropertyType, Serializer);
            return setting.Check(value) is var (_, problem) ? throw new SpotConfigurationException($"environment variable {variable}: {problem}") : value;
        }
        catch (JsonException)
        {
            throw new SpotConfigurationException($"environment variable {variable}: expected {Expected(property.PropertyType)}, got a string that does not convert");
        }
    }

    /// <summary>Moves the credentials of a legacy flat file into the profile it selects (not always "default", unlike the reference: W12).</summary>
    private static JObject Unflatten(JObject tree)
    {
        var flat = tree.Properties().Where(p => FlatKeys.Contains(p.Name)).ToList();
        if (tree.ContainsKey("profiles") || flat.Count == 0)
        {
            return tree;
        }

        var name = FlatSelectors.Select(key => (tree[key] as JValue)?.Value as string).FirstOrDefault(value => value is not null) ?? SpotDefaults.ProfileName;
        var profiled = new JObject { ["version"] = SpotConfig.CurrentVersion, ["default_profile"] = name, ["active_profile"] = name };
        foreach (var property in tree.Properties().Except(flat).Where(p => p.Name is not ("active_profile" or "activeProfile" or "version")))
        {
            profiled[property.Name] ??= property.Value;
        }

        profiled["profiles"] = new JObject(new JProperty(name, new JObject(flat)));
        return profiled;
    }

    /// <summary>"expected a number, got a list": what the model wants at <paramref name="token"/>'s path, and what is there.</summary>
    private static string Mismatch(JToken? token)
    {
        var type = typeof(SpotConfig);
        foreach (var step in token?.AncestorsAndSelf().Reverse().Skip(1) ?? [])
        {
            var contract = Resolver.ResolveContract(Nullable.GetUnderlyingType(type) ?? type);
            type = (contract, step) switch
            {
                (JsonObjectContract map, JProperty { Name: var key }) => map.Properties.GetClosestMatchProperty(key)?.PropertyType ?? (map.ExtensionDataSetter is null ? null : typeof(object)),
                (JsonDictionaryContract map, JProperty) => map.DictionaryValueType,
                (JsonArrayContract list, _) when step.Parent is JArray => list.CollectionItemType,
                _ => type,
            };
            if (type is null)
            {
                return $"unknown key; expected one of {string.Join(", ", Resolver.KeysOf(contract.UnderlyingType, written: true))}";
            }
        }

        return $"expected {Expected(type)}, got {(token?.Type is JTokenType.String ? "a string that does not convert" : ConfigTree.Kind(token))}";
    }

    private static string Expected(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(string) => "a string",
        var t when t == typeof(bool) => "a boolean (true/false)",
        var t when t == typeof(int) || t == typeof(long) => "an integer",
        var t when t == typeof(double) => "a number",
        var t => Resolver.ResolveContract(t) is JsonArrayContract ? "a list" : "a map",
    };

    [GeneratedRegex(@"\['(.*?)'\]")]
    private static partial Regex BracketedKey();
}
