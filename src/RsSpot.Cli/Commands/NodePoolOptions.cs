using Cocona;
using RsSpot.Cli.Infrastructure;
using RsSpot.Models;

namespace RsSpot.Cli.Commands;

/// <summary>The options <c>nodepools spot create</c> and <c>nodepools ondemand create</c> share (the bid is spot's own).</summary>
internal sealed class PoolCreateOptions : ICommandParameterSet
{
    [Option("cloudspace", Description = "Cloudspace the pool joins")]
    public string CloudSpace { get; set; } = "";

    [Option("server-class", Description = "Server class of every node, e.g. gp.vs1.medium-dfw")]
    public string ServerClass { get; set; } = "";

    [Option("name", Description = "Pool name, a lowercase UUID (generated when omitted)")]
    [HasDefaultValue]
    public string? Name { get; set; }

    [Option("desired", Description = "Servers wanted")]
    [HasDefaultValue]
    public int Desired { get; set; } = 1;

    [Option("autoscaling", Description = "Let the cluster autoscaler size the pool (needs --min-nodes and --max-nodes)")]
    [HasDefaultValue]
    public bool Autoscaling { get; set; }

    [Option("min-nodes", Description = "Autoscaler lower bound")]
    [HasDefaultValue]
    public int? MinNodes { get; set; }

    [Option("max-nodes", Description = "Autoscaler upper bound")]
    [HasDefaultValue]
    public int? MaxNodes { get; set; }

    [Option("label", Description = "Node label key=value")]
    [HasDefaultValue]
    public string[] Labels { get; set; } = [];

    [Option("annotation", Description = "Node annotation key=value")]
    [HasDefaultValue]
    public string[] Annotations { get; set; } = [];

    [Option("taint", Description = "Node taint key=value:Effect")]
    [HasDefaultValue]
    public string[] Taints { get; set; } = [];

    [Option("org", Description = "Organization name, id or namespace (default: the configured one)")]
    [HasDefaultValue]
    public string? Org { get; set; }

    /// <summary>Copies every shared option onto a request of either kind.</summary>
    public T ApplyTo<T>(T request)
        where T : CreateNodePoolRequest
    {
        CreateNodePoolRequest shared = request;
        return (T)(shared with
        {
            Name = Name,
            CloudSpace = CloudSpace,
            ServerClass = ServerClass,
            Desired = Desired,
            Autoscaling = PoolOptionRules.Autoscaling(Autoscaling ? true : null, MinNodes, MaxNodes),
            CustomLabels = OptionValues.KeyValues(Labels, "label"),
            CustomAnnotations = OptionValues.KeyValues(Annotations, "annotation"),
            CustomTaints = PoolOptionRules.Taints(Taints, clear: false),
        });
    }
}

/// <summary>The options both kinds of <c>nodepools ... update</c> share; an option not given is not sent.</summary>
internal sealed class PoolUpdateOptions : ICommandParameterSet
{
    [Option("desired", Description = "New desired server count")]
    [HasDefaultValue]
    public int? Desired { get; set; }

    [Option("autoscaling", Description = "true (with --min-nodes and --max-nodes) or false")]
    [HasDefaultValue]
    public string? Autoscaling { get; set; }

    [Option("min-nodes", Description = "Autoscaler lower bound (with --autoscaling true)")]
    [HasDefaultValue]
    public int? MinNodes { get; set; }

    [Option("max-nodes", Description = "Autoscaler upper bound (with --autoscaling true)")]
    [HasDefaultValue]
    public int? MaxNodes { get; set; }

    [Option("label", Description = "Node label key=value to set (repeatable; other labels are kept)")]
    [HasDefaultValue]
    public string[] Labels { get; set; } = [];

    [Option("annotation", Description = "Node annotation key=value to set (repeatable; others are kept)")]
    [HasDefaultValue]
    public string[] Annotations { get; set; } = [];

    [Option("taint", Description = "Replacement taints key=value:Effect (repeatable; replaces all taints)")]
    [HasDefaultValue]
    public string[] Taints { get; set; } = [];

    [Option("clear-taints", Description = "Remove every taint")]
    [HasDefaultValue]
    public bool ClearTaints { get; set; }

    [Option("if-resource-version", Description = "Only update if the pool is still at this resourceVersion")]
    [HasDefaultValue]
    public string? IfResourceVersion { get; set; }

    [Option("server-class", Description = "Refused: a pool's class cannot change in place (see 'replace')")]
    [HasDefaultValue]
    public string? ServerClass { get; set; }

    [Option("cloudspace", Description = "Refused: a pool cannot move to another cloudspace")]
    [HasDefaultValue]
    public string? CloudSpace { get; set; }

    [Option("org", Description = "Organization name, id or namespace (default: the configured one)")]
    [HasDefaultValue]
    public string? Org { get; set; }

    /// <summary>Copies the options given onto a request of either kind; fails when the result would change nothing.</summary>
    public T ApplyTo<T>(T request)
        where T : UpdateNodePoolRequest
    {
        // Immutable fields are refused here, before any request, with the command that does what was meant.
        PoolSupport.RefuseImmutable(request is UpdateSpotNodePoolRequest ? "spot" : "ondemand", ServerClass, CloudSpace);
        if (ClearTaints && Taints.Length > 0)
        {
            throw new UsageException("--clear-taints and --taint contradict each other: give one of them");
        }

        UpdateNodePoolRequest shared = request;
        var result = (T)(shared with
        {
            Desired = Desired,
            Autoscaling = PoolOptionRules.Autoscaling(OptionValues.Boolean(Autoscaling, "autoscaling"), MinNodes, MaxNodes),
            CustomLabels = OptionValues.KeyValues(Labels, "label"),
            CustomAnnotations = OptionValues.KeyValues(Annotations, "annotation"),
            CustomTaints = PoolOptionRules.Taints(Taints, ClearTaints),
        });
        return result.IsEmpty ? throw new UsageException("nothing to update: give at least one option to change (see --help)") : result;
    }
}

/// <summary><c>--wait</c> and <c>--wait-timeout</c> of pool create and update, both kinds.</summary>
internal sealed class PoolWaitOptions : ICommandParameterSet
{
    [Option("wait", Description = PoolSupport.WaitHelp)]
    [HasDefaultValue]
    public bool Wait { get; set; }

    [Option("wait-timeout", Description = PoolSupport.WaitTimeoutHelp)]
    [HasDefaultValue]
    public string WaitTimeout { get; set; } = "30m";

    /// <summary>The longest wait, or null without <c>--wait</c>; parsed before anything is sent, so a bad duration never leaves a pool behind.</summary>
    public TimeSpan? Limit()
    {
        var limit = OptionValues.Duration(WaitTimeout, "wait-timeout");
        return Wait ? limit : null;
    }
}

/// <summary>How pool options become request values, the same for create and update.</summary>
internal static class PoolOptionRules
{
    /// <summary>Autoscaler settings; bounds without autoscaling switched on are a mistake, not something to ignore.</summary>
    public static NodePoolAutoscaling? Autoscaling(bool? enabled, int? minNodes, int? maxNodes)
    {
        if (enabled is not true && (minNodes is not null || maxNodes is not null))
        {
            throw new UsageException("--min-nodes and --max-nodes need autoscaling switched on (--autoscaling)");
        }

        return enabled switch
        {
            true when minNodes is null || maxNodes is null => throw new UsageException("--autoscaling needs both --min-nodes and --max-nodes"),
            true => new NodePoolAutoscaling(true, minNodes, maxNodes),
            false => new NodePoolAutoscaling(false),
            null => null,
        };
    }

    /// <summary>Parsed taints: null leaves them alone, an empty list (from <paramref name="clear"/>) removes them all.</summary>
    public static IReadOnlyList<Taint>? Taints(string[] taints, bool clear) =>
        clear ? [] : taints.Length == 0 ? null : [.. taints.Select(Taint.Parse)];

    /// <summary>Autoscaling for a table cell: <c>1..5</c> or <c>off</c>.</summary>
    public static string Describe(NodePoolAutoscaling? autoscaling) =>
        autoscaling is { Enabled: true } a ? $"{a.MinNodes}..{a.MaxNodes}" : "off";
}
