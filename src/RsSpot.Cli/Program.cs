using RsSpot.Cli;
using RsSpot.Cli.Hosting;
using RsSpot.Cli.Infrastructure;
using RsSpot.Internal.Diagnostics;

StartupTrace.Mark("main");
var environment = CliEnvironment.FromProcess();
StartupWarmup.Start(args, environment);
return await CliApp.RunAsync(args, environment).ConfigureAwait(false);
