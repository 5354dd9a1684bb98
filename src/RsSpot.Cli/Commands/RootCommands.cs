using Cocona;

namespace RsSpot.Cli.Commands;

/// <summary>The top of the command tree: every command group of rsspot.</summary>
[HasSubCommands(typeof(ConfigureCommand), "configure", Description = "Create or update a profile (only the options given change)")]
[HasSubCommands(typeof(ProfilesCommands), "profiles", Description = "Profiles of the configuration file")]
[HasSubCommands(typeof(ConfigCommands), "config", Description = "Configuration file, effective settings and machine preferences")]
[HasSubCommands(typeof(WhoAmICommand), "whoami", Description = "The profile, organization, region, token expiry and API endpoint in effect")]
[HasSubCommands(typeof(AuthCommands), "auth", Description = "Credentials for other tools (kubectl)")]
[HasSubCommands(typeof(HistoryCommands), "history", Description = "Commands run on this machine (redacted)")]
[HasSubCommands(typeof(CacheCommands), "cache", Description = "The HTTP response cache")]
[HasSubCommands(typeof(StateCommands), "state", Description = "Where the state lives (state.db, PostgreSQL), its schema versions, and moving the shared parts")]
[HasSubCommands(typeof(OrganizationsCommands), "organizations", Description = "Organizations you belong to")]
[HasSubCommands(typeof(RegionsCommands), "regions", Description = "Spot regions")]
[HasSubCommands(typeof(PricingCommands), "pricing", Description = "Explore prices and plan clusters")]
[HasSubCommands(typeof(ServerClassesCommands), "server-classes", Description = "Server classes, their hardware and prices")]
[HasSubCommands(typeof(CloudSpacesCommands), "cloudspaces", Description = "Managed Kubernetes clusters")]
[HasSubCommands(typeof(NodePoolsCommands), "nodepools", Description = "Spot and on-demand node pools")]
[HasSubCommands(typeof(WaitCommands), "wait", Description = "Wait until a cloudspace is Ready or a pool has its servers, with an exit code per outcome")]
[HasSubCommands(typeof(WatchCommand), "watch", Description = "Record every transition of cloudspaces, pools and servers in the local event history, and print it")]
[HasSubCommands(typeof(EventsCommands), "events", Description = "The local event history (what watch and the webhook receiver recorded)")]
[HasSubCommands(typeof(SpendCommand), "spend", Description = "Run-rate per pool with the on-demand equivalent and savings, or what was spent (--from-events)")]
[HasSubCommands(typeof(WebhookCommands), "webhook", Description = "Receive Spot's pre-emption notices as events")]
[HasSubCommands(typeof(InventoryCommands), "inventory", Description = "VM cloudspaces, VM pools and organization events")]
[HasSubCommands(typeof(RawCommand), "raw", Description = "Send an authenticated request to any API path")]
[HasSubCommands(typeof(RegistrationCommands), "registration", Description = "The VM registration ledger for cluster orchestrators")]
[HasSubCommands(typeof(EmulatorCommands), "emulator", Description = "The local Spot emulator")]
[HasSubCommands(typeof(CompletionCommands), "completion", Description = "Shell completion scripts")]
internal sealed class RootCommands;
