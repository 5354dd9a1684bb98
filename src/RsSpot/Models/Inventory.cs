using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace RsSpot.Models;

/// <summary>A group of plain virtual machines (no Kubernetes) in one region.</summary>
public sealed record VmCloudSpace
{
    /// <summary>VM cloudspace name.</summary>
    public required string Name { get; init; }

    /// <summary>Organization namespace.</summary>
    public string? Namespace { get; init; }

    /// <summary>Region.</summary>
    public string? Region { get; init; }

    /// <summary>Lifecycle phase.</summary>
    public string? Phase { get; init; }

    /// <summary>Health summary.</summary>
    public string? Health { get; init; }

    /// <summary>The VMs currently assigned.</summary>
    public IReadOnlyList<VmServer> Servers { get; init; } = [];

    /// <summary>The complete object as the server sent it.</summary>
    [JsonIgnore]
    public JObject? Raw { get; init; }
}

/// <summary>A VM assigned to a VM cloudspace.</summary>
public sealed record VmServer
{
    /// <summary>Key of the assignment in the server's map.</summary>
    public required string Key { get; init; }

    /// <summary>Stable server id (falls back to the key).</summary>
    public required string ServerName { get; init; }

    /// <summary>Display name.</summary>
    public string? DisplayName { get; init; }

    /// <summary>IP address.</summary>
    public string? IpAddress { get; init; }

    /// <summary>vCPU count as sent.</summary>
    public string? Cpu { get; init; }

    /// <summary>Memory as sent.</summary>
    public string? Memory { get; init; }

    /// <summary>Server class.</summary>
    public string? ServerClass { get; init; }

    /// <summary>spot or ondemand.</summary>
    public string? ServerType { get; init; }

    /// <summary>VM pool the server belongs to.</summary>
    public string? VmPool { get; init; }

    /// <summary>Lifecycle state.</summary>
    public string? State { get; init; }

    /// <summary>Last error.</summary>
    public string? Error { get; init; }
}

/// <summary>A pool of VMs of one class in a VM cloudspace.</summary>
public sealed record VmPool
{
    /// <summary>Pool name.</summary>
    public required string Name { get; init; }

    /// <summary>Organization namespace.</summary>
    public string? Namespace { get; init; }

    /// <summary>VM cloudspace the pool belongs to.</summary>
    public string? VmCloudSpace { get; init; }

    /// <summary>Server class.</summary>
    public string? ServerClass { get; init; }

    /// <summary>spot or ondemand.</summary>
    public string? PoolType { get; init; }

    /// <summary>VMs wanted.</summary>
    public int Desired { get; init; }

    /// <summary>Bid per VM per hour, as sent.</summary>
    public string? BidPrice { get; init; }

    /// <summary>Image booted.</summary>
    public string? VmImage { get; init; }

    /// <summary>State of the bid.</summary>
    public string? BidStatus { get; init; }

    /// <summary>VMs won.</summary>
    public int WonCount { get; init; }

    /// <summary>The complete object as the server sent it.</summary>
    [JsonIgnore]
    public JObject? Raw { get; init; }
}

/// <summary>Recent events of an organization.</summary>
public sealed record OrganizationEvents
{
    /// <summary>Organization id.</summary>
    public string? OrgId { get; init; }

    /// <summary>Cloudspace the events are scoped to, if any.</summary>
    public string? CloudSpaceId { get; init; }

    /// <summary>Event stream type.</summary>
    public string? Type { get; init; }

    /// <summary>The events, as sent.</summary>
    public IReadOnlyList<OrganizationEvent> Events { get; init; } = [];
}

/// <summary>One event: the server sends each as a pair of strings.</summary>
/// <param name="Timestamp">First element (a timestamp).</param>
/// <param name="Message">Second element (the message); further elements are appended with " | ".</param>
public sealed record OrganizationEvent(string Timestamp, string Message);
