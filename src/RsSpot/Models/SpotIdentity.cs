namespace RsSpot.Models;

/// <summary>
/// Who a client acts as and where (for <c>rsspot whoami</c>): the profile, the organization in all three forms, the
/// region, the API endpoint and the id_token's expiry, with where each choice came from. Holds no secret.
/// </summary>
public sealed record SpotIdentity
{
    /// <summary>The profile in effect.</summary>
    public required string Profile { get; init; }

    /// <summary>What chose the profile (a <see cref="Configuration.ResolvedSettings.Sources"/> label).</summary>
    public required string ProfileSource { get; init; }

    /// <summary>The organization: its name, id (<c>org_...</c>) and namespace (<c>org-...</c>).</summary>
    public required Organization Organization { get; init; }

    /// <summary>What named the organization (a settings source, or <c>token</c> when the id_token's org_id was used).</summary>
    public required string OrganizationSource { get; init; }

    /// <summary>The default region, if any.</summary>
    public string? Region { get; init; }

    /// <summary>The API endpoint requests go to.</summary>
    public required string ApiEndpoint { get; init; }

    /// <summary>Where the refresh token came from (<c>profile:NAME</c>, <c>env:VARIABLE</c>, <c>sandbox</c>, ...).</summary>
    public required string RefreshTokenSource { get; init; }

    /// <summary>When the current id_token expires (a new one is obtained shortly before).</summary>
    public required DateTimeOffset TokenExpiresAt { get; init; }
}
