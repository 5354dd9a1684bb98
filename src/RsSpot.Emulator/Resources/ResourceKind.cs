namespace RsSpot.Emulator.Resources;

/// <summary>A namespaced custom resource of group ngpc.rxt.io: plural, kind and the admission webhook guarding it.</summary>
internal sealed record ResourceKind(string Plural, string Kind, string Webhook)
{
    public const string ApiVersion = "ngpc.rxt.io/v1";

    public static readonly ResourceKind CloudSpaces = new("cloudspaces", "CloudSpace", "vcloudspace.kb.io");
    public static readonly ResourceKind SpotNodePools = new("spotnodepools", "SpotNodePool", "vspotnodepool.kb.io");
    public static readonly ResourceKind OnDemandNodePools = new("ondemandnodepools", "OnDemandNodePool", "vondemandnodepool.kb.io");
    public static readonly ResourceKind VmCloudSpaces = new("vmcloudspaces", "VMCloudSpace", "vvmcloudspace.kb.io");
    public static readonly ResourceKind VmPools = new("vmpools", "VMPool", "vvmpool.kb.io");

    /// <summary>The label linking a node pool to its cloudspace.</summary>
    public const string CloudSpaceLabel = "ngpc.rxt.io/cloudspace";
}
