using YamlDotNet.RepresentationModel;

namespace RsSpot.Cli.Infrastructure;

/// <summary>Who the exec credential runs: the command line of this tool and the names of the kubeconfig's entries.</summary>
internal sealed record ExecIdentity(string Context, string User, IReadOnlyList<string> Command);

/// <summary>
/// A kubeconfig that never expires: the cluster (its server from the cloudspace's API endpoint, its TLS settings from
/// the generated kubeconfig) and a user whose <c>client.authentication.k8s.io/v1</c> exec credential runs
/// <c>rsspot auth kube-token</c>, so kubectl asks rsspot for a fresh token instead of holding one that expires.
/// </summary>
internal static class ExecKubeconfig
{
    public const string ExecApiVersion = "client.authentication.k8s.io/v1";

    /// <summary>The kubeconfig text, built from the generated one's cluster entry.</summary>
    public static string Build(string generated, string server, ExecIdentity identity)
    {
        var cluster = new YamlMappingNode();
        foreach (var entry in GeneratedCluster(generated)?.Children ?? Enumerable.Empty<KeyValuePair<YamlNode, YamlNode>>())
        {
            cluster.Children[entry.Key] = entry.Value;
        }

        cluster.Children[new YamlScalarNode("server")] = new YamlScalarNode(server);
        var root = new YamlMappingNode
        {
            { "apiVersion", "v1" },
            { "kind", "Config" },
            { "clusters", new YamlSequenceNode(new YamlMappingNode { { "name", identity.Context }, { "cluster", cluster } }) },
            { "contexts", new YamlSequenceNode(new YamlMappingNode
                {
                    { "name", identity.Context },
                    { "context", new YamlMappingNode { { "cluster", identity.Context }, { "user", identity.User }, { "namespace", "default" } } },
                }) },
            { "current-context", identity.Context },
            { "users", new YamlSequenceNode(new YamlMappingNode { { "name", identity.User }, { "user", new YamlMappingNode { { "exec", Exec(identity.Command) } } } }) },
        };
        using var writer = new StringWriter();
        new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
        var text = writer.ToString().TrimEnd();
        return (text.EndsWith("\n...", StringComparison.Ordinal) ? text[..^4] : text) + "\n";
    }

    private static YamlMappingNode Exec(IReadOnlyList<string> command) => new()
    {
        { "apiVersion", ExecApiVersion },
        { "command", command[0] },
        { "args", new YamlSequenceNode(command.Skip(1).Select(a => new YamlScalarNode(a) { Style = YamlDotNet.Core.ScalarStyle.DoubleQuoted })) },
        // Never prompts: kubectl runs it with no terminal to answer on.
        { "interactiveMode", "Never" },
        { "provideClusterInfo", new YamlScalarNode("false") { Style = YamlDotNet.Core.ScalarStyle.Plain } },
    };

    /// <summary>The cluster settings (certificate authority or TLS verification) of the generated kubeconfig's current context, if it has any.</summary>
    private static YamlMappingNode? GeneratedCluster(string generated)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(generated));
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new IOException($"the generated kubeconfig is not valid YAML (line {e.Start.Line}): {e.Message}", e);
        }

        if (stream.Documents is not [{ RootNode: YamlMappingNode root }] || Child(root, "clusters") is not YamlSequenceNode clusters)
        {
            return null;
        }

        var currentCluster = Child(root, "contexts") is YamlSequenceNode contexts
            ? contexts.OfType<YamlMappingNode>().Where(c => Scalar(c, "name") == Scalar(root, "current-context")).Select(c => Child(c, "context") is YamlMappingNode m ? Scalar(m, "cluster") : null).FirstOrDefault()
            : null;
        var entries = clusters.OfType<YamlMappingNode>().ToList();
        var entry = entries.FirstOrDefault(c => Scalar(c, "name") == currentCluster) ?? entries.FirstOrDefault();
        return entry is null ? null : Child(entry, "cluster") as YamlMappingNode;
    }

    private static YamlNode? Child(YamlMappingNode map, string key) => map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    private static string? Scalar(YamlMappingNode map, string key) => (Child(map, key) as YamlScalarNode)?.Value;
}
