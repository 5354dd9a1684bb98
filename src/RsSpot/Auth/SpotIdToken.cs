namespace RsSpot.Auth;

/// <summary>
/// An id_token for the Spot API (and a cloudspace's Kubernetes API), with its expiry. <see cref="ToString"/> never
/// prints the token.
/// </summary>
/// <param name="Value">The bearer token. A secret.</param>
/// <param name="ExpiresAt">When it expires.</param>
public sealed record SpotIdToken(string Value, DateTimeOffset ExpiresAt)
{
    /// <summary>Shows the expiry only.</summary>
    public override string ToString() => $"SpotIdToken {{ Value = <redacted>, ExpiresAt = {ExpiresAt:O} }}";
}
