using RsSpot.Cli;
using RsSpot.Cli.Infrastructure;

return await CliApp.RunAsync(args, CliEnvironment.FromProcess()).ConfigureAwait(false);
