using RsSpot.Cli;
using RsSpot.Cli.Hosting;
using RsSpot.Cli.Infrastructure;
using RsSpot.Internal.Diagnostics;

StartupTrace.Mark("main");
StartupWarmup.Start(args);
return await CliApp.RunAsync(args, CliEnvironment.FromProcess()).ConfigureAwait(false);
