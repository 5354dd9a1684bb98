using Cocona;

namespace RsSpot.Cli.Commands;

/// <summary><c>rsspot nodepools spot|ondemand</c>: the two kinds of node pool, with the same verbs and options.</summary>
[HasSubCommands(typeof(SpotNodePoolsCommands), "spot", Description = "Auction-priced node pools")]
[HasSubCommands(typeof(OnDemandNodePoolsCommands), "ondemand", Description = "Fixed-price node pools")]
internal sealed class NodePoolsCommands;
