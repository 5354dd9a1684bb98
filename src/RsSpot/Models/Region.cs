namespace RsSpot.Models;

/// <summary>A Spot region.</summary>
public sealed record Region
{
    /// <summary>Region id, e.g. <c>us-central-dfw-1</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Human-readable location.</summary>
    public string? Description { get; init; }

    /// <summary>ISO 3166 alpha-3 country code.</summary>
    public string? Country { get; init; }

    /// <summary>Platform generation (v1 or v2), when the server says.</summary>
    public string? Generation { get; init; }

    /// <summary>Kind of infrastructure provider.</summary>
    public string? ProviderType { get; init; }

    /// <summary>Provider's own name of the region.</summary>
    public string? ProviderRegionName { get; init; }
}
