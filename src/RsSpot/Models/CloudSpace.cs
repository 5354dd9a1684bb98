using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace RsSpot.Models;

/// <summary>A managed Kubernetes cluster (cloudspace) in one region.</summary>
public sealed record CloudSpace
{
    /// <summary>Cloudspace name (a DNS label).</summary>
    public required string Name { get; init; }

    /// <summary>Organization namespace.</summary>
    public string? Namespace { get; init; }

    /// <summary>Region.</summary>
    public string? Region { get; init; }

    /// <summary>Requested Kubernetes version.</summary>
    public string? KubernetesVersion { get; init; }

    /// <summary>Version currently running.</summary>
    public string? CurrentKubernetesVersion { get; init; }

    /// <summary>Network plugin (calico, cilium, byocni).</summary>
    public string? Cni { get; init; }

    /// <summary>Cloud flavour.</summary>
    public string? Cloud { get; init; }

    /// <summary>Deployment type (gen2 for new cloudspaces).</summary>
    public string? DeploymentType { get; init; }

    /// <summary>Pre-emption webhook URL (empty for none).</summary>
    public string? Webhook { get; init; }

    /// <summary>Whether the control plane is highly available.</summary>
    public bool HAControlPlane { get; init; }

    /// <summary>Whether GPU pools are allowed.</summary>
    public bool GpuEnabled { get; init; }

    /// <summary>Lifecycle phase (Provisioning, Ready, Upgrading, NoWinningBids, Error, Deleting, ...).</summary>
    public string? Phase { get; init; }

    /// <summary>Health summary.</summary>
    public string? Health { get; init; }

    /// <summary>Why the cloudspace is in its phase.</summary>
    public string? Reason { get; init; }

    /// <summary>Host of the Kubernetes API server; empty until the control plane is up.</summary>
    public string? ApiServerEndpoint { get; init; }

    /// <summary>Names of the attached spot pools.</summary>
    public IReadOnlyList<string> SpotNodePools { get; init; } = [];

    /// <summary>Names of the attached on-demand pools.</summary>
    public IReadOnlyList<string> OnDemandNodePools { get; init; } = [];

    /// <summary>Servers currently assigned.</summary>
    public IReadOnlyList<AssignedServer> AssignedServers { get; init; } = [];

    /// <summary>Creation time as sent by the server (RFC 3339).</summary>
    public string? CreatedAt { get; init; }

    /// <summary>Opaque version for optimistic concurrency.</summary>
    public string? ResourceVersion { get; init; }

    /// <summary>Server-assigned unique id.</summary>
    public string? Uid { get; init; }

    /// <summary>True when the cloudspace is usable: phase Ready (or, without a phase, an API endpoint is published).</summary>
    public bool IsReady => Phase is null ? !string.IsNullOrEmpty(ApiServerEndpoint) : string.Equals(Phase, "Ready", StringComparison.OrdinalIgnoreCase);

    /// <summary>The complete object as the server sent it (fields RsSpot does not model included).</summary>
    [JsonIgnore]
    public JObject? Raw { get; init; }
}

/// <summary>A server assigned to a cloudspace.</summary>
public sealed record AssignedServer
{
    /// <summary>Server name (key of the assignment).</summary>
    public required string Name { get; init; }

    /// <summary>Private IP address.</summary>
    public string? Ip { get; init; }

    /// <summary>Server class.</summary>
    public string? ServerClass { get; init; }

    /// <summary>spot or ondemand.</summary>
    public string? ServerType { get; init; }

    /// <summary>Role in the cluster.</summary>
    public string? Role { get; init; }

    /// <summary>Lifecycle state.</summary>
    public string? State { get; init; }

    /// <summary>Last provisioning error.</summary>
    public string? Error { get; init; }
}
