using RsSpot.Cli;
using RsSpot.Cli.Infrastructure;

StartupTrace.Mark("main");
return await CliApp.RunAsync(args, CliEnvironment.FromProcess()).ConfigureAwait(false);
