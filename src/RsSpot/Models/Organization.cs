namespace RsSpot.Models;

/// <summary>An organization the caller belongs to. Its resources live in <see cref="Namespace"/>.</summary>
public sealed record Organization
{
    /// <summary>Identity-provider id, e.g. <c>org_Xy3kQ9LmN2pR7sTu</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Short unique name, e.g. <c>acme-corp</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Name for display.</summary>
    public string? DisplayName { get; init; }

    /// <summary>Namespace of the organization's resources (<c>org-</c> plus the lowercased id).</summary>
    public required string Namespace { get; init; }

    /// <summary>Derives the namespace of an organization id: lowercase, underscores become hyphens.</summary>
    public static string NamespaceOf(string orgId)
    {
        ArgumentNullException.ThrowIfNull(orgId);
        return orgId.Replace('_', '-').ToLowerInvariant();
    }
}
