using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace RsSpot.Configuration;

/// <summary>Reads and writes the neutral tree as YAML, resolving plain scalars with the YAML 1.2 core schema.</summary>
internal static partial class YamlTreeCodec
{
    private const string StringTag = "tag:yaml.org,2002:str";

    public static OrderedDictionary<string, object?> Read(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        // YamlDotNet reports some malformed input (e.g. an unclosed flow sequence) as InvalidOperationException.
        catch (Exception ex) when (ex is YamlException or ArgumentException or InvalidOperationException)
        {
            throw ConfigDocumentException.Syntax($"invalid YAML: {OneLine(ex.Message)}", ex);
        }

        if (stream.Documents.Count == 0)
        {
            throw ConfigDocumentException.Syntax("the file is empty");
        }

        if (stream.Documents.Count > 1)
        {
            throw ConfigDocumentException.Syntax("the file holds several YAML documents; expected one");
        }

        var root = Convert(stream.Documents[0].RootNode, 0);
        return root as OrderedDictionary<string, object?>
            ?? throw ConfigDocumentException.Syntax($"the document is {ConfigTree.Describe(root)}, expected a map");
    }

    public static string Write(IDictionary<string, object?> tree)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var emitter = new Emitter(writer, bestIndent: 2, bestWidth: int.MaxValue);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        EmitNode(emitter, tree);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return writer.ToString();
    }

    private static object? Convert(YamlNode node, int depth)
    {
        if (depth > ConfigTree.MaxDepth)
        {
            throw ConfigDocumentException.Syntax($"the document nests deeper than {ConfigTree.MaxDepth} levels");
        }

        switch (node)
        {
            case YamlScalarNode scalar:
                return ResolveScalar(scalar);
            case YamlSequenceNode sequence:
                return sequence.Children.Select(child => Convert(child, depth + 1)).ToList();
            case YamlMappingNode mapping:
                var map = ConfigTree.NewMap();
                foreach (var (keyNode, valueNode) in mapping.Children)
                {
                    if (keyNode is not YamlScalarNode keyScalar)
                    {
                        throw ConfigDocumentException.Syntax($"line {keyNode.Start.Line}: map keys must be plain values");
                    }

                    map[keyScalar.Value ?? string.Empty] = Convert(valueNode, depth + 1);
                }

                return map;
            default:
                throw ConfigDocumentException.Syntax($"line {node.Start.Line}: unsupported YAML node");
        }
    }

    /// <summary>Quoted scalars and <c>!!str</c> are strings; plain ones follow the YAML 1.2 core schema.</summary>
    private static object? ResolveScalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? string.Empty;
        if (scalar.Style is not ScalarStyle.Plain || (!scalar.Tag.IsEmpty && scalar.Tag.Value == StringTag))
        {
            return value;
        }

        return ResolvePlain(value);
    }

    private static object? ResolvePlain(string value)
    {
        if (value is "" or "~" or "null" or "Null" or "NULL")
        {
            return null;
        }

        if (value is "true" or "True" or "TRUE")
        {
            return true;
        }

        if (value is "false" or "False" or "FALSE")
        {
            return false;
        }

        if (IntegerPattern().IsMatch(value) && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return integer;
        }

        if (FloatPattern().IsMatch(value))
        {
            return double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        return value.ToLowerInvariant() switch
        {
            ".inf" or "+.inf" => double.PositiveInfinity,
            "-.inf" => double.NegativeInfinity,
            ".nan" => double.NaN,
            _ => value,
        };
    }

    private static void EmitNode(IEmitter emitter, object? node)
    {
        switch (node)
        {
            case IDictionary<string, object?> map:
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, isImplicit: true, map.Count == 0 ? MappingStyle.Flow : MappingStyle.Block));
                foreach (var (key, value) in map)
                {
                    EmitString(emitter, key);
                    EmitNode(emitter, value);
                }

                emitter.Emit(new MappingEnd());
                break;
            case IList<object?> list:
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, isImplicit: true, list.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in list)
                {
                    EmitNode(emitter, item);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case string text:
                EmitString(emitter, text);
                break;
            default:
                emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, FormatScalar(node), ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));
                break;
        }
    }

    /// <summary>
    /// Strings that would read back as another type ("2", "true", "null") are quoted so types survive, including
    /// for YAML 1.1 readers (yes/no/on/off, hex and sexagesimal numbers) such as the Python reference.
    /// </summary>
    private static void EmitString(IEmitter emitter, string text)
    {
        var ambiguous = ResolvePlain(text) is not string || Yaml11Scalar().IsMatch(text) || text.Contains('\n', StringComparison.Ordinal);
        var style = ambiguous ? ScalarStyle.DoubleQuoted : ScalarStyle.Any;

        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, text, style, isPlainImplicit: true, isQuotedImplicit: true));
    }

    private static string FormatScalar(object? value) => value switch
    {
        null => "null",
        bool flag => flag ? "true" : "false",
        long integer => integer.ToString(CultureInfo.InvariantCulture),
        double number => ConfigTree.FormatDouble(number),
        _ => System.Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");

    [GeneratedRegex(@"^(?i:y|n|yes|no|on|off)$|^[-+]?(0[xob])?[0-9a-fA-F_.:]*[0-9][0-9a-fA-F_.:]*$")]
    private static partial Regex Yaml11Scalar();

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
