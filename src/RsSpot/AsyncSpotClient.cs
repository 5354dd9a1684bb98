using RsSpot.Internal;
using RsSpot.Operations;

namespace RsSpot;

/// <summary>
/// The asynchronous-only Rackspace Spot client (<c>await using var client = new AsyncSpotClient(...)</c>): the same
/// operations as <see cref="SpotClient"/>, without the synchronous twins.
/// </summary>
public class AsyncSpotClient : SpotClientBase
{

    /// <summary>For mocking only.</summary>
    protected AsyncSpotClient()
    {
    }

    /// <summary>Creates a client for a configuration profile.</summary>
    /// <param name="profile">Profile name.</param>
    public AsyncSpotClient(string profile)
        : this(new SpotClientOptions { Profile = profile })
    {
    }

    /// <summary>Creates a client from options; unset values come from the environment, state.db and configuration.</summary>
    /// <param name="options">Client options.</param>
    /// <exception cref="SpotConfigurationException">The configuration is missing or invalid.</exception>
    public AsyncSpotClient(SpotClientOptions options)
        : this(SpotClientFactory.CreateCore(options))
    {
    }

    internal AsyncSpotClient(SpotClientCore core)
        : base(core)
    {
        var serverClasses = new ServerClassesOperations(core);
        Organizations = new OrganizationsOperations(core);
        Regions = new RegionsOperations(core);
        ServerClasses = serverClasses;
        var cloudSpaces = new CloudSpacesOperations(core);
        var spotNodePools = new SpotNodePoolsOperations(core);
        Pricing = new PricingOperations(core, serverClasses, cloudSpaces, spotNodePools);
        CloudSpaces = cloudSpaces;
        SpotNodePools = spotNodePools;
        OnDemandNodePools = new OnDemandNodePoolsOperations(core);
        Inventory = new InventoryOperations(core);
    }

    /// <summary>Organizations of the caller.</summary>
    public virtual IAsyncOrganizationsOperations Organizations { get; } = null!;

    /// <summary>Regions.</summary>
    public virtual IAsyncRegionsOperations Regions { get; } = null!;

    /// <summary>Server classes.</summary>
    public virtual IAsyncServerClassesOperations ServerClasses { get; } = null!;

    /// <summary>Prices and the public price feeds.</summary>
    public virtual IAsyncPricingOperations Pricing { get; } = null!;

    /// <summary>Cloudspaces.</summary>
    public virtual IAsyncCloudSpacesOperations CloudSpaces { get; } = null!;

    /// <summary>Spot node pools.</summary>
    public virtual IAsyncSpotNodePoolsOperations SpotNodePools { get; } = null!;

    /// <summary>On-demand node pools.</summary>
    public virtual IAsyncOnDemandNodePoolsOperations OnDemandNodePools { get; } = null!;

    /// <summary>VM inventory and events.</summary>
    public virtual IAsyncInventoryOperations Inventory { get; } = null!;
}
