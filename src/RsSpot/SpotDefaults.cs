namespace RsSpot;

/// <summary>Built-in defaults of the Rackspace Spot service, used when nothing else configures a value.</summary>
internal static class SpotDefaults
{
    /// <summary>Public OAuth client id of the Spot console (also the id_token audience).</summary>
    public const string ClientId = "mwG3lUMV8KyeMqHe4fJ5Bb3nM1vBvRNa";

    /// <summary>Main API endpoint.</summary>
    public const string BaseUrl = "https://spot.rackspace.com";

    /// <summary>Identity provider that exchanges refresh tokens.</summary>
    public const string OAuthUrl = "https://login.spot.rackspace.com";

    /// <summary>Public, unauthenticated price feeds (history, percentiles, comparable prices).</summary>
    public const string PriceFeedUrl = "https://ngpc-prod-public-data.s3.us-east-2.amazonaws.com";

    /// <summary>Profile used when none is named anywhere.</summary>
    public const string ProfileName = "default";

    /// <summary>Hours in a billing month, used for monthly estimates.</summary>
    public const int MonthHours = 730;
}
