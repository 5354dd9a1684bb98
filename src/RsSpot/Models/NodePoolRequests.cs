namespace RsSpot.Models;

/// <summary>What both kinds of new pool need.</summary>
public abstract record CreateNodePoolRequest
{
    /// <summary>Pool name; a lowercase UUID is generated when null (the API requires one).</summary>
    public string? Name { get; init; }

    /// <summary>Cloudspace the pool joins.</summary>
    public required string CloudSpace { get; init; }

    /// <summary>Server class of every node (must be in the cloudspace's region).</summary>
    public required string ServerClass { get; init; }

    /// <summary>Servers wanted.</summary>
    public int Desired { get; init; } = 1;

    /// <summary>Autoscaler bounds; null leaves autoscaling off.</summary>
    public NodePoolAutoscaling? Autoscaling { get; init; }

    /// <summary>Labels put on every node.</summary>
    public IReadOnlyDictionary<string, string>? CustomLabels { get; init; }

    /// <summary>Annotations put on every node.</summary>
    public IReadOnlyDictionary<string, string>? CustomAnnotations { get; init; }

    /// <summary>Taints put on every node.</summary>
    public IReadOnlyList<Taint>? CustomTaints { get; init; }
}

/// <summary>A new spot pool.</summary>
public sealed record CreateSpotNodePoolRequest : CreateNodePoolRequest
{
    /// <summary>Maximum USD per hour per server: a bare decimal with at most 3 places (a leading $ is accepted and removed), not below the class's minimum bid.</summary>
    public required string BidPrice { get; init; }

    /// <summary>Accept a bid above the on-demand price or the market limit of <see cref="Pricing.BidGuard"/> (refused otherwise).</summary>
    public bool AllowHighBid { get; init; }
}

/// <summary>A new on-demand pool.</summary>
public sealed record CreateOnDemandNodePoolRequest : CreateNodePoolRequest;

/// <summary>Changes to a pool; only the properties set are sent, so nothing else is reset.</summary>
public abstract record UpdateNodePoolRequest
{
    /// <summary>New desired count.</summary>
    public int? Desired { get; init; }

    /// <summary>New autoscaler bounds.</summary>
    public NodePoolAutoscaling? Autoscaling { get; init; }

    /// <summary>Node labels to set or change (merged into the existing ones, as a JSON merge patch does).</summary>
    public IReadOnlyDictionary<string, string>? CustomLabels { get; init; }

    /// <summary>Node annotations to set or change (merged into the existing ones).</summary>
    public IReadOnlyDictionary<string, string>? CustomAnnotations { get; init; }

    /// <summary>Replacement taints (an empty list removes all).</summary>
    public IReadOnlyList<Taint>? CustomTaints { get; init; }

    /// <summary>True when nothing would change.</summary>
    public virtual bool IsEmpty => Desired is null && Autoscaling is null && CustomLabels is null && CustomAnnotations is null && CustomTaints is null;
}

/// <summary>Changes to a spot pool.</summary>
public sealed record UpdateSpotNodePoolRequest : UpdateNodePoolRequest
{
    /// <summary>New bid (same rules as on create).</summary>
    public string? BidPrice { get; init; }

    /// <summary>Accept a new bid above the on-demand price or the market limit of <see cref="Pricing.BidGuard"/> (refused otherwise).</summary>
    public bool AllowHighBid { get; init; }

    /// <inheritdoc />
    public override bool IsEmpty => base.IsEmpty && BidPrice is null;
}

/// <summary>Changes to an on-demand pool.</summary>
public sealed record UpdateOnDemandNodePoolRequest : UpdateNodePoolRequest;
