using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace RsSpot.Models;

/// <summary>What spot and on-demand pools have in common.</summary>
public abstract record NodePool
{
    /// <summary>Pool name (a lowercase UUID).</summary>
    public required string Name { get; init; }

    /// <summary>Organization namespace.</summary>
    public string? Namespace { get; init; }

    /// <summary>Cloudspace the pool belongs to.</summary>
    public string? CloudSpace { get; init; }

    /// <summary>Server class of every node.</summary>
    public string? ServerClass { get; init; }

    /// <summary>Servers wanted.</summary>
    public int Desired { get; init; }

    /// <summary>Autoscaler bounds, when set.</summary>
    public NodePoolAutoscaling? Autoscaling { get; init; }

    /// <summary>Labels put on every node.</summary>
    public IReadOnlyDictionary<string, string> CustomLabels { get; init; } = new Dictionary<string, string>();

    /// <summary>Annotations put on every node.</summary>
    public IReadOnlyDictionary<string, string> CustomAnnotations { get; init; } = new Dictionary<string, string>();

    /// <summary>Taints put on every node.</summary>
    public IReadOnlyList<Taint> CustomTaints { get; init; } = [];

    /// <summary>Labels of the pool object itself.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Creation time as sent by the server (RFC 3339).</summary>
    public string? CreatedAt { get; init; }

    /// <summary>Opaque version for optimistic concurrency.</summary>
    public string? ResourceVersion { get; init; }

    /// <summary>Server-assigned unique id.</summary>
    public string? Uid { get; init; }

    /// <summary>The complete object as the server sent it.</summary>
    [JsonIgnore]
    public JObject? Raw { get; init; }
}

/// <summary>A pool of auction-priced servers.</summary>
public sealed record SpotNodePool : NodePool
{
    /// <summary>Maximum USD per hour per server, as sent (bare decimal string).</summary>
    public string? BidPrice { get; init; }

    /// <summary>State of the bid (e.g. Pending, Fulfilled, Lost).</summary>
    public string? BidStatus { get; init; }

    /// <summary>Servers currently won.</summary>
    public int WonCount { get; init; }
}

/// <summary>A pool of fixed-price servers.</summary>
public sealed record OnDemandNodePool : NodePool
{
    /// <summary>State of the reservation.</summary>
    public string? ReservedStatus { get; init; }

    /// <summary>Servers currently reserved.</summary>
    public int ReservedCount { get; init; }
}

/// <summary>Cluster-autoscaler bounds of a pool.</summary>
/// <param name="Enabled">Whether the autoscaler owns the pool size.</param>
/// <param name="MinNodes">Lower bound (required when enabled).</param>
/// <param name="MaxNodes">Upper bound (required when enabled).</param>
public sealed record NodePoolAutoscaling(bool Enabled, int? MinNodes = null, int? MaxNodes = null);
