using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace RsSpot.Cli.Infrastructure;

/// <summary>
/// Merges a generated kubeconfig into an existing one the way <c>kubectl config</c> users expect: clusters, contexts
/// and users of other names are kept, same-name entries are replaced, and current-context moves to the new cluster.
/// Works on the YAML node tree so untouched entries keep their exact scalars (booleans stay booleans).
/// </summary>
internal static class KubeconfigMerger
{
    private static readonly string[] NamedLists = ["clusters", "contexts", "users"];

    /// <summary>Returns <paramref name="existing"/> with <paramref name="generated"/> merged in.</summary>
    /// <exception cref="IOException"><paramref name="existing"/> is not a kubeconfig (the caller must leave that file alone).</exception>
    public static string Merge(string existing, string generated, string existingPath)
    {
        var source = Load(generated, reason => $"cannot merge: the generated kubeconfig is {reason}");
        var target = Load(existing, reason => $"cannot merge into '{existingPath}': it is {reason}; the file was left unchanged");
        if (target is null)
        {
            return generated;
        }

        if (source is null)
        {
            return existing;
        }

        foreach (var list in NamedLists)
        {
            if (source.Children.TryGetValue(new YamlScalarNode(list), out var node) && node is YamlSequenceNode entries)
            {
                MergeList(target, list, entries, existingPath);
            }
        }

        if (source.Children.TryGetValue(new YamlScalarNode("current-context"), out var current))
        {
            target.Children[new YamlScalarNode("current-context")] = current;
        }

        using var writer = new StringWriter();
        new YamlStream(new YamlDocument(target)).Save(writer, assignAnchors: false);
        return StripDocumentEnd(writer.ToString());
    }

    private static void MergeList(YamlMappingNode target, string list, YamlSequenceNode entries, string existingPath)
    {
        var key = new YamlScalarNode(list);
        if (!target.Children.TryGetValue(key, out var node) || node is YamlScalarNode { Value: null or "" or "~" or "null" })
        {
            node = new YamlSequenceNode();
            target.Children[key] = node;
        }

        if (node is not YamlSequenceNode existing)
        {
            throw new IOException($"cannot merge into '{existingPath}': '{list}' is not a list; the file was left unchanged");
        }

        // An empty list is often written in flow style ("users: []"); entries added to it must read like the rest.
        existing.Style = YamlDotNet.Core.Events.SequenceStyle.Block;
        foreach (var entry in entries)
        {
            var name = NameOf(entry);
            var sameName = existing.Children.Where(e => name is not null && NameOf(e) == name).ToList();
            foreach (var old in sameName)
            {
                existing.Children.Remove(old);
            }

            existing.Children.Add(entry);
        }
    }

    private static string? NameOf(YamlNode entry) =>
        entry is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode("name"), out var name) && name is YamlScalarNode scalar ? scalar.Value : null;

    /// <summary>The root mapping, or null for an empty document.</summary>
    private static YamlMappingNode? Load(string text, Func<string, string> failure)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new IOException(failure($"not valid YAML (line {e.Start.Line}, column {e.Start.Column}: {e.Message.TrimEnd('.')})"), e);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet reports some malformed documents (recursive aliases, say) with these.
            throw new IOException(failure($"not valid YAML ({e.Message.TrimEnd('.')})"), e);
        }

        if (stream.Documents.Count > 1)
        {
            // Merging would keep only the first and silently drop the rest of what the user saved.
            throw new IOException(failure($"made of {stream.Documents.Count} YAML documents (a kubeconfig is one)"));
        }

        return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode switch
        {
            YamlMappingNode map => map,
            YamlScalarNode { Value: null or "" or "~" or "null" } => null,
            _ => throw new IOException(failure("not a kubeconfig (expected a mapping at the top)")),
        };
    }

    private static string StripDocumentEnd(string yaml)
    {
        var text = yaml.TrimEnd();
        return (text.EndsWith("\n...", StringComparison.Ordinal) ? text[..^4] : text) + "\n";
    }
}
