using RsSpot.Operations;

namespace RsSpot.Internal;

/// <summary>The operation groups of one client, all over the same core.</summary>
internal sealed class OperationGroups
{
    public OperationGroups(SpotClientCore core)
    {
        Organizations = new OrganizationsOperations(core);
        Regions = new RegionsOperations(core);
        ServerClasses = new ServerClassesOperations(core);
        CloudSpaces = new CloudSpacesOperations(core);
        SpotNodePools = new SpotNodePoolsOperations(core);
        Pricing = new PricingOperations(core, ServerClasses, CloudSpaces, SpotNodePools);
        OnDemandNodePools = new OnDemandNodePoolsOperations(core);
        Inventory = new InventoryOperations(core);
    }

    public OrganizationsOperations Organizations { get; }

    public RegionsOperations Regions { get; }

    public ServerClassesOperations ServerClasses { get; }

    public CloudSpacesOperations CloudSpaces { get; }

    public SpotNodePoolsOperations SpotNodePools { get; }

    public PricingOperations Pricing { get; }

    public OnDemandNodePoolsOperations OnDemandNodePools { get; }

    public InventoryOperations Inventory { get; }
}
