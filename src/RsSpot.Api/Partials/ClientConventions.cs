namespace RsSpot.Api;

// Every generated client serialises with the shared Spot rules (see SpotJson) and keeps the response text, so
// errors whose body is not the declared schema (a proxy's HTML page, say) can still be reported. Spot payloads are small.

/// <summary>Generated client of the Auth operations.</summary>
public partial class AuthClient
{
    static partial void UpdateJsonSerializerSettings(Newtonsoft.Json.JsonSerializerSettings settings) => SpotJson.Configure(settings);

    partial void Initialize() => ReadResponseAsString = true;
}

/// <summary>Generated client of the Kubeconfig operations.</summary>
public partial class KubeconfigClient
{
    static partial void UpdateJsonSerializerSettings(Newtonsoft.Json.JsonSerializerSettings settings) => SpotJson.Configure(settings);

    partial void Initialize() => ReadResponseAsString = true;
}

/// <summary>Generated client of the Organizations operations.</summary>
public partial class OrganizationsClient
{
    static partial void UpdateJsonSerializerSettings(Newtonsoft.Json.JsonSerializerSettings settings) => SpotJson.Configure(settings);

    partial void Initialize() => ReadResponseAsString = true;
}

/// <summary>Generated client of the Regions operations.</summary>
public partial class RegionsClient
{
    static partial void UpdateJsonSerializerSettings(Newtonsoft.Json.JsonSerializerSettings settings) => SpotJson.Configure(settings);

    partial void Initialize() => ReadResponseAsString = true;
}

/// <summary>Generated client of the ServerClasses operations.</summary>
public partial class ServerClassesClient
{
    static partial void UpdateJsonSerializerSettings(Newtonsoft.Json.JsonSerializerSettings settings) => SpotJson.Configure(settings);

    partial void Initialize() => ReadResponseAsString = true;
}

/// <summary>Generated client of the CloudSpaces operations.</summary>
public partial class CloudSpacesClient
{
    static partial void UpdateJsonSerializerSettings(Newtonsoft.Json.JsonSerializerSettings settings) => SpotJson.Configure(settings);

    partial void Initialize() => ReadResponseAsString = true;
}

/// <summary>Generated client of the SpotNodePools operations.</summary>
public partial class SpotNodePoolsClient
{
    static partial void UpdateJsonSerializerSettings(Newtonsoft.Json.JsonSerializerSettings settings) => SpotJson.Configure(settings);

    partial void Initialize() => ReadResponseAsString = true;
}

/// <summary>Generated client of the OnDemandNodePools operations.</summary>
public partial class OnDemandNodePoolsClient
{
    static partial void UpdateJsonSerializerSettings(Newtonsoft.Json.JsonSerializerSettings settings) => SpotJson.Configure(settings);

    partial void Initialize() => ReadResponseAsString = true;
}

/// <summary>Generated client of the VmCloudSpaces operations.</summary>
public partial class VmCloudSpacesClient
{
    static partial void UpdateJsonSerializerSettings(Newtonsoft.Json.JsonSerializerSettings settings) => SpotJson.Configure(settings);

    partial void Initialize() => ReadResponseAsString = true;
}

/// <summary>Generated client of the VmPools operations.</summary>
public partial class VmPoolsClient
{
    static partial void UpdateJsonSerializerSettings(Newtonsoft.Json.JsonSerializerSettings settings) => SpotJson.Configure(settings);

    partial void Initialize() => ReadResponseAsString = true;
}

/// <summary>Generated client of the Events operations.</summary>
public partial class EventsClient
{
    static partial void UpdateJsonSerializerSettings(Newtonsoft.Json.JsonSerializerSettings settings) => SpotJson.Configure(settings);

    partial void Initialize() => ReadResponseAsString = true;
}

/// <summary>Generated client of the PriceFeeds operations.</summary>
public partial class PriceFeedsClient
{
    static partial void UpdateJsonSerializerSettings(Newtonsoft.Json.JsonSerializerSettings settings) => SpotJson.Configure(settings);

    partial void Initialize() => ReadResponseAsString = true;
}
