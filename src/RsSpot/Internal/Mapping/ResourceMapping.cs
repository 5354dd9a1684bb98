using RsSpot.Models;
using Wire = RsSpot.Api;

namespace RsSpot.Internal.Mapping;

/// <summary>Maps generated cloudspace, pool and VM objects to the public models, and requests to wire objects.</summary>
internal static class ResourceMapping
{
    public const string ApiVersion = "ngpc.rxt.io/v1";

    /// <summary>Label the API uses to tie a pool to its cloudspace.</summary>
    public const string CloudSpaceLabel = "ngpc.rxt.io/cloudspace";

    /// <summary>Label the API uses to tie a VM pool to its VM cloudspace.</summary>
    public const string VmCloudSpaceLabel = "ngpc.rxt.io/vmcloudspace";

    public static CloudSpace ToModel(this Wire.CloudSpace c) => new()
    {
        Name = c.Metadata?.Name ?? "",
        Namespace = c.Metadata?.Namespace,
        Region = c.Spec?.Region,
        KubernetesVersion = c.Spec?.KubernetesVersion,
        CurrentKubernetesVersion = c.Status?.CurrentKubernetesVersion,
        Cni = c.Spec?.Cni,
        Cloud = c.Spec?.Cloud,
        DeploymentType = c.Spec?.DeploymentType,
        Webhook = c.Spec?.Webhook,
        HAControlPlane = c.Spec?.HAControlPlane ?? false,
        GpuEnabled = c.Spec?.GpuEnabled ?? false,
        Phase = c.Status?.Phase,
        Health = c.Status?.Health,
        Reason = c.Status?.Reason,
        ApiServerEndpoint = c.Status?.APIServerEndpoint,
        SpotNodePools = c.Spec?.BidRequests?.ToList() ?? [],
        OnDemandNodePools = c.Spec?.OnDemandRequests?.ToList() ?? [],
        AssignedServers = (c.Status?.AssignedServers ?? new Dictionary<string, Wire.AssignedServer>())
            .Select(s => new AssignedServer
            {
                Name = s.Key,
                Ip = s.Value.IP,
                ServerClass = s.Value.ServerClassName,
                ServerType = s.Value.ServerType,
                Role = s.Value.ClusterRole,
                State = s.Value.State,
                Error = s.Value.Error,
            })
            .OrderBy(s => s.Name, StringComparer.Ordinal)
            .ToList(),
        CreatedAt = c.Metadata?.CreationTimestamp,
        ResourceVersion = c.Metadata?.ResourceVersion,
        Uid = c.Metadata?.Uid,
        Raw = WireText.Raw(c),
    };

    public static SpotNodePool ToModel(this Wire.SpotNodePool p) => WithCommonFields(
        new SpotNodePool
        {
            Name = p.Metadata?.Name ?? "",
            BidPrice = p.Spec?.BidPrice,
            BidStatus = p.Status?.BidStatus,
            WonCount = p.Status?.WonCount ?? 0,
        },
        p.Metadata,
        p.Spec,
        p);

    public static OnDemandNodePool ToModel(this Wire.OnDemandNodePool p) => WithCommonFields(
        new OnDemandNodePool
        {
            Name = p.Metadata?.Name ?? "",
            ReservedStatus = p.Status?.ReservedStatus,
            ReservedCount = p.Status?.ReservedCount ?? 0,
        },
        p.Metadata,
        p.Spec,
        p);

    public static VmCloudSpace ToModel(this Wire.VmCloudSpace c) => new()
    {
        Name = c.Metadata?.Name ?? "",
        Namespace = c.Metadata?.Namespace,
        Region = c.Spec?.Region,
        Phase = c.Status?.Phase,
        Health = c.Status?.Health,
        Servers = (c.Status?.AssignedServers ?? new Dictionary<string, Wire.VmAssignedServer>())
            .Select(s => new VmServer
            {
                Key = s.Key,
                ServerName = string.IsNullOrEmpty(s.Value.ServerName) ? s.Key : s.Value.ServerName,
                DisplayName = s.Value.DisplayName,
                IpAddress = s.Value.IpAddress,
                Cpu = s.Value.Cpu,
                Memory = s.Value.Memory,
                ServerClass = s.Value.ServerClassName,
                ServerType = s.Value.ServerType,
                VmPool = s.Value.NodePoolName,
                State = s.Value.State,
                Error = s.Value.Error,
            })
            .OrderBy(s => s.Key, StringComparer.Ordinal)
            .ToList(),
        Raw = WireText.Raw(c),
    };

    public static VmPool ToModel(this Wire.VmPool p) => new()
    {
        Name = p.Metadata?.Name ?? "",
        Namespace = p.Metadata?.Namespace,
        VmCloudSpace = p.Spec?.VmCloudSpace ?? (p.Metadata?.Labels?.TryGetValue(VmCloudSpaceLabel, out var space) == true ? space : null),
        ServerClass = p.Spec?.ServerClass,
        PoolType = p.Spec?.PoolType,
        Desired = p.Spec?.Desired ?? 0,
        BidPrice = p.Spec?.BidPrice,
        VmImage = p.Spec?.VmImage,
        BidStatus = p.Status?.BidStatus,
        WonCount = p.Status?.WonCount ?? 0,
        Raw = WireText.Raw(p),
    };

    /// <summary>Fills what both pool kinds share from the metadata and the common spec fields.</summary>
    private static T WithCommonFields<T>(T pool, Wire.ObjectMeta? metadata, Wire.INodePoolSpec? spec, object wire)
        where T : NodePool => (T)((NodePool)pool with
        {
            Namespace = metadata?.Namespace,
            CloudSpace = spec?.CloudSpace,
            ServerClass = spec?.ServerClass,
            Desired = spec?.Desired ?? 0,
            Autoscaling = spec?.Autoscaling.ToModel(),
            CustomLabels = WireText.Map(spec?.CustomLabels),
            CustomAnnotations = WireText.Map(spec?.CustomAnnotations),
            CustomTaints = spec?.CustomTaints.ToModel() ?? [],
            Labels = WireText.Map(metadata?.Labels),
            CreatedAt = metadata?.CreationTimestamp,
            ResourceVersion = metadata?.ResourceVersion,
            Uid = metadata?.Uid,
            Raw = WireText.Raw(wire),
        });

    public static NodePoolAutoscaling? ToModel(this Wire.Autoscaling? a) => a is null ? null : new NodePoolAutoscaling(a.Enabled, a.MinNodes, a.MaxNodes);

    public static Wire.Autoscaling? ToWire(this NodePoolAutoscaling? a) => a is null ? null : new Wire.Autoscaling { Enabled = a.Enabled, MinNodes = a.MinNodes, MaxNodes = a.MaxNodes };

    public static IReadOnlyList<Taint>? ToModel(this IList<Wire.Taint>? taints) =>
        taints?.Select(t => new Taint(t.Key, t.Value, t.Effect.ToString())).ToList();

    public static IList<Wire.Taint>? ToWire(this IReadOnlyList<Taint>? taints) =>
        taints?.Select(t => new Wire.Taint { Key = t.Key, Value = t.Value, Effect = Enum.Parse<Wire.TaintEffect>(t.Effect) }).ToList();

    public static IDictionary<string, string>? ToWire(this IReadOnlyDictionary<string, string>? map) =>
        map is null ? null : new Dictionary<string, string>(map, StringComparer.Ordinal);
}
