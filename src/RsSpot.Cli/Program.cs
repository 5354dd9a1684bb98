using RsSpot.Cli;
using RsSpot.Cli.Infrastructure;

// rsspot reads no appsettings files, but Cocona's generic host would watch them for changes; setting up those file
// watchers is about a third of the tool's start-up time (measured by bench/startup.sh), so switch it off.
Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");

return await CliApp.RunAsync(args, CliEnvironment.FromProcess()).ConfigureAwait(false);
