namespace RsSpot.Api;

/// <summary>
/// The fields spot and on-demand pool specs share (the generated classes already have them), so code that reads
/// either kind of pool is written once.
/// </summary>
internal interface INodePoolSpec
{
    /// <summary>Server class of every node.</summary>
    string ServerClass { get; }

    /// <summary>Cloudspace the pool belongs to.</summary>
    string CloudSpace { get; }

    /// <summary>Servers wanted.</summary>
    int Desired { get; }

    /// <summary>Autoscaler bounds.</summary>
    Autoscaling? Autoscaling { get; }

    /// <summary>Labels put on every node.</summary>
    IDictionary<string, string>? CustomLabels { get; }

    /// <summary>Annotations put on every node.</summary>
    IDictionary<string, string>? CustomAnnotations { get; }

    /// <summary>Taints put on every node.</summary>
    IList<Taint>? CustomTaints { get; }
}

/// <summary>Spec of a spot pool.</summary>
internal partial class SpotNodePoolSpec : INodePoolSpec;

/// <summary>Spec of an on-demand pool.</summary>
internal partial class OnDemandNodePoolSpec : INodePoolSpec;
