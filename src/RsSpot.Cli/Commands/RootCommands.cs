using Cocona;

namespace RsSpot.Cli.Commands;

/// <summary>The top of the command tree: every command group of rsspot.</summary>
[HasSubCommands(typeof(OrganizationsCommands), "organizations", Description = "Organizations you belong to")]
[HasSubCommands(typeof(RegionsCommands), "regions", Description = "Spot regions")]
[HasSubCommands(typeof(RegistrationCommands), "registration", Description = "The VM registration ledger for cluster orchestrators")]
[HasSubCommands(typeof(EmulatorCommands), "emulator", Description = "The local Spot emulator")]
internal sealed class RootCommands;
