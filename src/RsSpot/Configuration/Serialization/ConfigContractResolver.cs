using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;

namespace RsSpot.Configuration;

/// <summary>
/// How Newtonsoft sees the configuration model: snake_case keys, each <see cref="SettingAttribute"/> key plus its aliases (read,
/// never written), values checked as they are set, and unknown keys kept as plain values so JTokens never leak into the model.
/// </summary>
internal sealed class ConfigContractResolver : Internal.InterpretedContractResolver
{
    private ConfigContractResolver() => NamingStrategy = new SnakeCaseNamingStrategy();

    public static new ConfigContractResolver Instance { get; } = new();

    /// <summary>Every key a type accepts (aliases included) or, with <paramref name="written"/>, writes.</summary>
    public IEnumerable<string> KeysOf(Type type, bool written = false) =>
        ((JsonObjectContract)ResolveContract(type)).Properties.Where(p => !written || p.Readable).Select(p => p.PropertyName!);

    protected override JsonObjectContract CreateObjectContract(Type objectType)
    {
        var contract = base.CreateObjectContract(objectType);
        var keepExtra = contract.ExtensionDataSetter;
        contract.ExtensionDataSetter = keepExtra is null ? null : (target, key, value) => keepExtra(target, key, value is JToken token ? ConfigTree.ToPlain(token) : value);
        return contract;
    }

    // Inherited settings first, so a profile is written in the order its settings are declared.
    protected override IList<JsonProperty> CreateProperties(Type type, MemberSerialization memberSerialization) =>
        base.CreateProperties(type, memberSerialization).OrderBy(p => p.DeclaringType == type).SelectMany(Spellings).ToList();

    private static IEnumerable<JsonProperty> Spellings(JsonProperty property)
    {
        if (property.AttributeProvider?.GetAttributes(typeof(SettingAttribute), inherit: true).SingleOrDefault() is not SettingAttribute setting)
        {
            return [property];
        }

        property.PropertyName = setting.Key;
        property.ValueProvider = new CheckedValueProvider(property.ValueProvider!, setting);
        return setting.Aliases.Select(alias => AliasOf(property, alias)).Prepend(property);
    }

    /// <summary>Another spelling of <paramref name="property"/>: read into the same member, never written.</summary>
    private static JsonProperty AliasOf(JsonProperty property, string alias)
    {
        var spelling = new JsonProperty { PropertyName = alias, Readable = false, Writable = true };
        (spelling.UnderlyingName, spelling.DeclaringType, spelling.PropertyType, spelling.ValueProvider) =
            (property.UnderlyingName, property.DeclaringType, property.PropertyType, property.ValueProvider);
        return spelling;
    }

    /// <summary>Checks a value against its declaration before it is set, and refuses two spellings that disagree.</summary>
    private sealed class CheckedValueProvider(IValueProvider inner, SettingAttribute setting) : IValueProvider
    {
        public object? GetValue(object target) => inner.GetValue(target);

        public void SetValue(object target, object? value)
        {
            if (setting.Check(value) is var (suffix, problem))
            {
                throw ConfigDocumentException.BadValue(suffix, problem);
            }

            if (setting.Aliases.Count > 0 && inner.GetValue(target) is { } earlier && !Equals(earlier, value))
            {
                throw ConfigDocumentException.BadValue(string.Empty, $"conflicts with '{setting.Key}' spelled another way ({string.Join(", ", setting.Aliases.Prepend(setting.Key))}); keep one");
            }

            inner.SetValue(target, value);
        }
    }
}

/// <summary>Booleans as people write them: true/false, yes/no, on/off, 1/0, y/n, t/f.</summary>
internal sealed class LenientBooleanConverter : JsonConverter
{
    private static readonly string[] TrueWords = ["true", "yes", "on", "1", "y", "t"];
    private static readonly string[] FalseWords = ["false", "no", "off", "0", "n", "f"];

    public override bool CanWrite => false;

    public override bool CanConvert(Type objectType) => objectType == typeof(bool) || objectType == typeof(bool?);

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer) => reader.Value switch
    {
        null when reader.TokenType is JsonToken.Null => null,
        bool flag => flag,
        long number when number is 0 or 1 => number == 1,
        string text when TrueWords.Contains(text.Trim(), StringComparer.OrdinalIgnoreCase) => true,
        string text when FalseWords.Contains(text.Trim(), StringComparer.OrdinalIgnoreCase) => false,
        _ => throw new JsonSerializationException("not a boolean"),
    };

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer) => throw new NotSupportedException();
}
