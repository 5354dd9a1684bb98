namespace RsSpot.Api;

// Every generated client serialises with the shared Spot rules (see SpotJson) and keeps the response text, so
// errors whose body is not the declared schema (a proxy's HTML page, say) can still be reported. Spot payloads are small.

/// <summary>Generated client of the Auth operations.</summary>
internal partial class AuthClient
{
    static partial void UpdateJsonSerializerSettings(Newtonsoft.Json.JsonSerializerSettings settings) => SpotJson.Configure(settings);

    partial void Initialize() => ReadResponseAsString = true;
}

/// <summary>Generated client of the Kubeconfig operations.</summary>
internal partial class KubeconfigClient
{
    static partial void UpdateJsonSerializerSettings(Newtonsoft.Json.JsonSerializerSettings settings) => SpotJson.Configure(settings);

    partial void Initialize() => ReadResponseAsString = true;
}

/// <summary>Generated client of the Organizations operations.</summary>
internal partial class OrganizationsClient
{
    static partial void UpdateJsonSerializerSettings(Newtonsoft.Json.JsonSerializerSettings settings) => SpotJson.Configure(settings);

    partial void Initialize() => ReadResponseAsString = true;
}

/// <summary>Generated client of the Regions operations.</summary>
internal partial class RegionsClient
{
    static partial void UpdateJsonSerializerSettings(Newtonsoft.Json.JsonSerializerSettings settings) => SpotJson.Configure(settings);

    partial void Initialize() => ReadResponseAsString = true;
}

/// <summary>Generated client of the ServerClasses operations.</summary>
internal partial class ServerClassesClient
{
    static partial void UpdateJsonSerializerSettings(Newtonsoft.Json.JsonSerializerSettings settings) => SpotJson.Configure(settings);

    partial void Initialize() => ReadResponseAsString = true;
}

/// <summary>Generated client of the CloudSpaces operations.</summary>
internal partial class CloudSpacesClient
{
    static partial void UpdateJsonSerializerSettings(Newtonsoft.Json.JsonSerializerSettings settings) => SpotJson.Configure(settings);

    partial void Initialize() => ReadResponseAsString = true;
}

/// <summary>Generated client of the SpotNodePools operations.</summary>
internal partial class SpotNodePoolsClient
{
    static partial void UpdateJsonSerializerSettings(Newtonsoft.Json.JsonSerializerSettings settings) => SpotJson.Configure(settings);

    partial void Initialize() => ReadResponseAsString = true;
}

/// <summary>Generated client of the OnDemandNodePools operations.</summary>
internal partial class OnDemandNodePoolsClient
{
    static partial void UpdateJsonSerializerSettings(Newtonsoft.Json.JsonSerializerSettings settings) => SpotJson.Configure(settings);

    partial void Initialize() => ReadResponseAsString = true;
}

/// <summary>Generated client of the VmCloudSpaces operations.</summary>
internal partial class VmCloudSpacesClient
{
    static partial void UpdateJsonSerializerSettings(Newtonsoft.Json.JsonSerializerSettings settings) => SpotJson.Configure(settings);

    partial void Initialize() => ReadResponseAsString = true;
}

/// <summary>Generated client of the VmPools operations.</summary>
internal partial class VmPoolsClient
{
    static partial void UpdateJsonSerializerSettings(Newtonsoft.Json.JsonSerializerSettings settings) => SpotJson.Configure(settings);

    partial void Initialize() => ReadResponseAsString = true;
}

/// <summary>Generated client of the Events operations.</summary>
internal partial class EventsClient
{
    static partial void UpdateJsonSerializerSettings(Newtonsoft.Json.JsonSerializerSettings settings) => SpotJson.Configure(settings);

    partial void Initialize() => ReadResponseAsString = true;
}

/// <summary>Generated client of the PriceFeeds operations.</summary>
internal partial class PriceFeedsClient
{
    static partial void UpdateJsonSerializerSettings(Newtonsoft.Json.JsonSerializerSettings settings) => SpotJson.Configure(settings);

    partial void Initialize() => ReadResponseAsString = true;
}
