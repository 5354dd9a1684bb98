using RsSpot.Cli;
using RsSpot.Cli.Infrastructure;
using RsSpot.Internal.Diagnostics;

StartupTrace.Mark("main");
return await CliApp.RunAsync(args, CliEnvironment.FromProcess()).ConfigureAwait(false);
