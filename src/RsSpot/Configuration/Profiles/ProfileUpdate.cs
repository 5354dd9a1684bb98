namespace RsSpot.Configuration;

/// <summary>
/// Changes to one profile for <see cref="ProfileManager.Upsert"/>. Only the fields that are set are changed; the
/// others keep their stored values (so re-running <c>configure --region X</c> keeps the token).
/// </summary>
public sealed class ProfileUpdate
{
    /// <summary>New organization name.</summary>
    public string? Org { get; init; }

    /// <summary>New organization id.</summary>
    public string? OrgId { get; init; }

    /// <summary>New region.</summary>
    public string? Region { get; init; }

    /// <summary>New OAuth client id.</summary>
    public string? ClientId { get; init; }

    /// <summary>New refresh token.</summary>
    public string? RefreshToken { get; init; }

    /// <summary>New seed id token.</summary>
    public string? AccessToken { get; init; }

    /// <summary>New API endpoint.</summary>
    public string? BaseUrl { get; init; }

    /// <summary>New identity provider.</summary>
    public string? OAuthUrl { get; init; }

    /// <summary>New request timeout in seconds.</summary>
    public double? RequestTimeoutSeconds { get; init; }

    /// <summary>New TLS verification setting.</summary>
    public bool? VerifySsl { get; init; }

    /// <summary>New legacy retry count.</summary>
    public int? MaxRetries { get; init; }

    /// <summary>New legacy backoff factor.</summary>
    public double? RetryBackoffFactor { get; init; }

    internal void ApplyTo(ProfileConfig profile)
    {
        profile.Org = Org ?? profile.Org;
        profile.OrgId = OrgId ?? profile.OrgId;
        profile.Region = Region ?? profile.Region;
        profile.ClientId = ClientId ?? profile.ClientId;
        profile.RefreshToken = RefreshToken ?? profile.RefreshToken;
        profile.AccessToken = AccessToken ?? profile.AccessToken;
        profile.BaseUrl = BaseUrl ?? profile.BaseUrl;
        profile.OAuthUrl = OAuthUrl ?? profile.OAuthUrl;
        profile.RequestTimeoutSeconds = RequestTimeoutSeconds ?? profile.RequestTimeoutSeconds;
        profile.VerifySsl = VerifySsl ?? profile.VerifySsl;
        profile.MaxRetries = MaxRetries ?? profile.MaxRetries;
        profile.RetryBackoffFactor = RetryBackoffFactor ?? profile.RetryBackoffFactor;
    }
}
