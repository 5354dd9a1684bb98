using RsSpot.OpenApiTools.Cli;

return await ToolApp.RunAsync(args, ToolContext.Console()).ConfigureAwait(false);
