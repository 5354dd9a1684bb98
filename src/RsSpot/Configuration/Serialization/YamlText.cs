using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.EventEmitters;

namespace RsSpot.Configuration;

/// <summary>
/// YAML through YamlDotNet: its representation model read into the tree (with lines), its serializer writing it. Only
/// typing plain scalars by the YAML 1.2 core schema is done here (<see cref="Resolve"/>), with the same rule both ways.
/// </summary>
internal static partial class YamlText
{
    // Built on first write: reading, which every command does, never needs it (its type inspectors and quoting
    // patterns are a noticeable part of a command's start-up).
    private static readonly Lazy<ISerializer> Serializer = new(() => new SerializerBuilder()
        .WithQuotingNecessaryStrings(quoteYaml1_1Strings: true)
        .WithEventEmitter(next => new KeepTypesEmitter(next), where => where.OnBottom())
        .Build());

    public static JObject Read(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (Exception ex) when (ex is YamlException or ArgumentException or InvalidOperationException) // duplicate keys and some malformed input arrive without a position
        {
            throw ConfigDocumentException.Invalid("YAML", ex, (int?)(ex as YamlException)?.Start.Line);
        }

        if (stream.Documents.Count != 1)
        {
            throw ConfigDocumentException.Syntax(stream.Documents.Count == 0 ? "the file is empty" : "the file holds several YAML documents; expected one");
        }

        var root = ToToken(stream.Documents[0].RootNode, 0);
        return root as JObject ?? throw ConfigDocumentException.Syntax($"the document is {ConfigTree.Kind(root)}, expected a map");
    }

    public static string Write(JObject tree) => Serializer.Value.Serialize(ConfigTree.ToPlain(tree));

    private static JToken ToToken(YamlNode node, int depth) => ConfigTree.WithLine(depth > ConfigTree.MaxDepth ? throw TooDeep() : node switch
    {
        // Quoted scalars and !!str are strings; plain ones follow the core schema.
        YamlScalarNode scalar => scalar.Style is ScalarStyle.Plain && (scalar.Tag.IsEmpty || scalar.Tag.Value != "tag:yaml.org,2002:str") ? Resolve(scalar.Value ?? string.Empty) : new JValue(scalar.Value),
        YamlSequenceNode sequence => new JArray(sequence.Children.Select(child => ToToken(child, depth + 1))),
        YamlMappingNode mapping => ToObject(mapping, depth),
        _ => throw ConfigDocumentException.Syntax("unsupported YAML node", (int)node.Start.Line),
    }, (int)node.Start.Line);

    // A loop: LINQ over the map's key/value pairs is JIT-compiled on every CLI start.
    private static JObject ToObject(YamlMappingNode mapping, int depth)
    {
        var map = new JObject();
        foreach (var (key, value) in mapping.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? throw ConfigDocumentException.Syntax("map keys must be plain values", (int)key.Start.Line);
            map.Add(name, ToToken(value, depth + 1));
        }

        return map;
    }

    // YamlDotNet sets no nesting limit of its own (Tomlyn and Newtonsoft enforce ConfigTree.MaxDepth for TOML and JSON).
    private static ConfigDocumentException TooDeep() => ConfigDocumentException.Syntax($"the document nests deeper than {ConfigTree.MaxDepth} levels");

    private static JValue Resolve(string plain) => plain switch
    {
        "" or "~" or "null" or "Null" or "NULL" => JValue.CreateNull(),
        "true" or "True" or "TRUE" => new JValue(true),
        "false" or "False" or "FALSE" => new JValue(false),
        ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF" => new JValue(double.PositiveInfinity),
        "-.inf" or "-.Inf" or "-.INF" => new JValue(double.NegativeInfinity),
        ".nan" or ".NaN" or ".NAN" => new JValue(double.NaN),
        _ when long.TryParse(plain, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer) => new JValue(integer), // [-+]?[0-9]+
        _ when FloatPattern().IsMatch(plain) => new JValue(double.Parse(plain, CultureInfo.InvariantCulture)),
        _ => new JValue(plain),
    };

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();

    /// <summary>Double-quotes strings <see cref="Resolve"/> would not read back as strings, and writes whole doubles as <c>5.0</c>.</summary>
    private sealed class KeepTypesEmitter(IEventEmitter next) : ChainedEventEmitter(next)
    {
        public override void Emit(ScalarEventInfo eventInfo, IEmitter emitter)
        {
            if (eventInfo.Source.Value is string text && Resolve(text).Type is not JTokenType.String)
            {
                eventInfo.Style = ScalarStyle.DoubleQuoted;
            }
            else if (eventInfo.Source.Value is double number && double.IsFinite(number) && number == Math.Floor(number) && Math.Abs(number) < 1e15)
            {
                eventInfo.RenderedValue = number.ToString("0.0", CultureInfo.InvariantCulture);
            }

            base.Emit(eventInfo, emitter);
        }
    }
}
