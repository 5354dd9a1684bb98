using Cocona;

namespace RsSpot.Cli.Commands;

/// <summary>The top of the command tree: every command group of rsspot.</summary>
[HasSubCommands(typeof(OrganizationsCommands), "organizations", Description = "Organizations you belong to")]
[HasSubCommands(typeof(RegionsCommands), "regions", Description = "Spot regions")]
[HasSubCommands(typeof(ServerClassesCommands), "server-classes", Description = "Server classes, their hardware and prices")]
[HasSubCommands(typeof(CloudSpacesCommands), "cloudspaces", Description = "Managed Kubernetes clusters")]
[HasSubCommands(typeof(NodePoolsCommands), "nodepools", Description = "Spot and on-demand node pools")]
[HasSubCommands(typeof(InventoryCommands), "inventory", Description = "VM cloudspaces, VM pools and organization events")]
[HasSubCommands(typeof(RawCommand), "raw", Description = "Send an authenticated request to any API path")]
[HasSubCommands(typeof(EmulatorCommands), "emulator", Description = "The local Spot emulator")]
internal sealed class RootCommands;
