using System.Text.Json;

namespace RsSpot.OpenApiTools.Cli;

/// <summary>Entry point of <c>rsspot-openapi</c>: dispatches to a subcommand and maps failures to exit codes.</summary>
public static class ToolApp
{
    /// <summary>Exit code for usage and input errors (bad options, unreadable files).</summary>
    public const int UsageError = 2;

    private static readonly string HelpText = string.Join('\n',
        "rsspot-openapi: track the published Rackspace Spot OpenAPI document.",
        string.Empty,
        "usage:",
        "  " + SyncCommand.Usage,
        "  " + DiffCommand.Usage,
        "  " + IndexCommand.Usage,
        string.Empty,
        "exit codes: 0 ok, 1 fetch failed / drift not accepted / index out of date, 2 usage or input error",
        "see openapi/README.md");

    /// <summary>Runs <paramref name="args"/> (subcommand first) and returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, ToolContext context)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        var rest = args.Skip(1);
        try
        {
            return args.FirstOrDefault() switch
            {
                "sync" => await SyncCommand.RunAsync(rest, context).ConfigureAwait(false),
                "diff" => await DiffCommand.RunAsync(rest, context).ConfigureAwait(false),
                "index" => await IndexCommand.RunAsync(rest, context).ConfigureAwait(false),
                null or "help" or "--help" or "-h" => await Help(context, 0).ConfigureAwait(false),
                var unknown => throw new UsageException($"unknown command '{unknown}'"),
            };
        }
        catch (UsageException e)
        {
            await context.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return await Help(context, UsageError).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or JsonException or UnauthorizedAccessException or BadImageFormatException)
        {
            await context.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return UsageError;
        }
    }

    private static async Task<int> Help(ToolContext context, int exitCode)
    {
        await (exitCode == 0 ? context.Out : context.Error).WriteLineAsync(HelpText).ConfigureAwait(false);
        return exitCode;
    }
}
