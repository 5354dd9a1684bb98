namespace RsSpot.Models;

/// <summary>What to create: a new cloudspace. Defaults are those of the Spot console.</summary>
public sealed record CreateCloudSpaceRequest
{
    /// <summary>Default Kubernetes version of new cloudspaces.</summary>
    public const string DefaultKubernetesVersion = "1.31.1";

    /// <summary>Cloudspace name: a lowercase DNS label of at most 63 characters.</summary>
    public required string Name { get; init; }

    /// <summary>Region, e.g. us-central-dfw-1.</summary>
    public required string Region { get; init; }

    /// <summary>Kubernetes version without a leading v.</summary>
    public string KubernetesVersion { get; init; } = DefaultKubernetesVersion;

    /// <summary>Network plugin: calico, cilium or byocni.</summary>
    public string Cni { get; init; } = "calico";

    /// <summary>Cloud flavour.</summary>
    public string Cloud { get; init; } = "default";

    /// <summary>Deployment type; gen2 is the only value accepted for new cloudspaces.</summary>
    public string DeploymentType { get; init; } = "gen2";

    /// <summary>URL called before servers are pre-empted; null for none.</summary>
    public string? Webhook { get; init; }

    /// <summary>Highly available control plane.</summary>
    public bool HAControlPlane { get; init; }

    /// <summary>Allow GPU pools.</summary>
    public bool GpuEnabled { get; init; }
}

/// <summary>Changes to a cloudspace; only the properties set are sent (a JSON merge patch).</summary>
public sealed record UpdateCloudSpaceRequest
{
    /// <summary>New Kubernetes version.</summary>
    public string? KubernetesVersion { get; init; }

    /// <summary>Enable or disable the HA control plane.</summary>
    public bool? HAControlPlane { get; init; }

    /// <summary>Enable or disable GPU pools.</summary>
    public bool? GpuEnabled { get; init; }

    /// <summary>New pre-emption webhook URL (empty string clears it).</summary>
    public string? Webhook { get; init; }

    /// <summary>True when nothing would change.</summary>
    public bool IsEmpty => KubernetesVersion is null && HAControlPlane is null && GpuEnabled is null && Webhook is null;
}
