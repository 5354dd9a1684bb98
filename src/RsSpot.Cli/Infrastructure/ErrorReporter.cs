using Cocona.Command.Binder;
using RsSpot.Internal;

namespace RsSpot.Cli.Infrastructure;

/// <summary>
/// Turns any failure into one line on stderr (<c>error: ...</c>) and a stable exit code; the full exception only
/// with -v. SDK messages never contain credentials, so they can be shown as they are.
/// </summary>
internal static class ErrorReporter
{
    public static int Report(Exception exception, CliEnvironment environment, bool verbose, bool noColor = false)
    {
        var (code, message) = Classify(exception, environment.Interruption);
        WriteError(environment, message, noColor);
        if (verbose && !environment.Interrupted.IsCancellationRequested)
        {
            environment.Error.WriteLine(exception.ToString());
        }

        return code;
    }

    /// <summary>
    /// One <c>error: ...</c> line on stderr ("error:" in red on a terminal). A message may quote what a server or a
    /// file said: nothing from there may move the cursor or ring the bell.
    /// </summary>
    public static void WriteError(CliEnvironment environment, string message, bool noColor) =>
        environment.Error.WriteLine($"{Output.Palette.ForErrors(environment, noColor).Error("error:")} {PrintableText.OneLine(message)}");

    public static (int Code, string Message) Classify(Exception exception, Interruption interruption) => exception switch
    {
        // A cancelled replacement says what it did to both pools.
        SpotReplaceCancelledException replace when interruption.Token.IsCancellationRequested => (interruption.ExitCode, $"{interruption.Description}: {replace.Message}"),
        OperationCanceledException when interruption.Token.IsCancellationRequested => (interruption.ExitCode, interruption.Description),
        OutcomeException outcome => (outcome.ExitCode, outcome.Message),
        ParameterBinderException bind => (ExitCodes.Usage, Describe(bind)),
        ProfileNotFoundException => (ExitCodes.NotFound, exception.Message),
        SpotReadOnlyException => (ExitCodes.ReadOnly, exception.Message),
        SpotConfigurationException { InnerException: FileNotFoundException } => (ExitCodes.NotFound, exception.Message),
        UsageException or SpotValidationException or SpotConfigurationException => (ExitCodes.Usage, exception.Message),
        SpotAuthenticationException => (ExitCodes.Auth, exception.Message),
        SpotNotFoundException => (ExitCodes.NotFound, exception.Message),
        SpotException => (ExitCodes.Failure, exception.Message),
        FileNotFoundException or DirectoryNotFoundException => (ExitCodes.NotFound, exception.Message),
        IOException or UnauthorizedAccessException => (ExitCodes.Failure, exception.Message),
        ArgumentException => (ExitCodes.Usage, exception.Message),
        _ => (ExitCodes.Failure, $"unexpected {exception.GetType().Name}: {exception.Message} (run with -v for details)"),
    };

    /// <summary>Cocona binds arguments after the command filter starts, so its binding failures arrive here.</summary>
    private static string Describe(ParameterBinderException e) => e.Result switch
    {
        ParameterBinderResult.InsufficientArgument => $"missing argument <{e.Argument?.Name}> (see --help)",
        ParameterBinderResult.InsufficientOption => $"missing option --{e.Option?.Name} (see --help)",
        ParameterBinderResult.InsufficientOptionValue => $"option --{e.Option?.Name} needs a value",
        ParameterBinderResult.TypeNotSupported when e.Option is { } option => $"invalid --{option.Name}: expected {Expected(option.OptionType)}",
        ParameterBinderResult.TypeNotSupported when e.Argument is { } argument => $"invalid <{argument.Name}>: expected {Expected(argument.ArgumentType)}",
        _ => e.Message,
    };

    /// <summary>What a value that did not convert should have been, in words (Cocona's message names .NET types).</summary>
    private static string Expected(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(int) || t == typeof(long) => "a whole number",
        var t when t == typeof(decimal) || t == typeof(double) => "a number",
        var t when t == typeof(bool) => "true or false",
        var t when t.IsEnum => "one of " + string.Join(", ", Enum.GetNames(t).Select(name => name.ToLowerInvariant())),
        var t => "a " + t.Name.ToLowerInvariant(),
    };
}
