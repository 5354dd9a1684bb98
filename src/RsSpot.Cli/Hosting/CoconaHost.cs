using Cocona.Application;
using Cocona.Command;
using Cocona.Command.Binder;
using Cocona.Command.Binder.Validation;
using Cocona.Command.Dispatcher;
using Cocona.Command.Dispatcher.Middlewares;
using Cocona.CommandLine;
using RsSpot.Cli.Infrastructure;
using RsSpot.Internal.Diagnostics;

namespace RsSpot.Cli.Hosting;

/// <summary>
/// Cocona's command model, parser, binder and dispatcher (Cocona.Core) over the smallest host they accept: this
/// class is their service provider and activator, and knows the handful of services they ask for. No generic host,
/// configuration, logging or DI container is built, and only the commands of one group are reflected over.
/// Cocona's own complaints about the command line are collected and reported as one <c>error: ...</c> line.
/// </summary>
internal sealed class CoconaHost(CliContext context) : IServiceProvider, ICoconaInstanceActivator, ICoconaServiceProviderIsService, ICoconaServiceProviderScopeSupport, ICoconaConsoleProvider, IDisposable
{
    private const CommandProviderOptions Conventions = CommandProviderOptions.TreatPublicMethodAsCommands | CommandProviderOptions.OptionNameToLowerCase
        | CommandProviderOptions.CommandNameToLowerCase | CommandProviderOptions.ArgumentNameToLowerCase;

    private readonly StringWriter _complaints = new();

    TextWriter ICoconaConsoleProvider.Output => context.Environment.Out;

    TextWriter ICoconaConsoleProvider.Error => _complaints;

    /// <summary>Runs the command that the rest of <paramref name="route"/> names in its group; returns its exit code.</summary>
    public async Task<int> RunAsync(CommandRoute route, CancellationToken cancellationToken)
    {
        int? commandExitCode = null;
        CommandResolverResult resolved;
        try
        {
            var commands = new CoconaCommandProvider([route.GroupType], Conventions, this).GetCommandCollection();
            resolved = new CoconaCommandResolver(new CoconaCommandLineParser(), new CoconaCommandMatcher()).ParseAndResolve(commands, [.. route.Rest]);
        }
        catch (CommandNotFoundException e)
        {
            return ReportUnknownCommand(route, e);
        }

        var pipeline = new CoconaCommandDispatcherPipelineBuilder(this, this)
            .UseMiddleware<UnboundInputMiddleware>()
            .UseMiddleware(async (next, ctx) =>
            {
                // Binding happens inside next, so binding failures are reported here too, with the documented exit codes.
                StartupTrace.Mark($"command '{ctx.Command.Name}' dispatched");
                try
                {
                    commandExitCode = await next(ctx).ConfigureAwait(false);
                }
                catch (Exception e)
                {
                    commandExitCode = ErrorReporter.Report(e, context.Environment, context.Options.Verbose, context.Options.NoColor);
                }

                return commandExitCode.Value;
            })
            .UseMiddleware<CoconaCommandInvokeMiddleware>();
        await new CoconaCommandDispatcher(this, this, pipeline, this, new CoconaAppContextAccessor()).DispatchAsync(resolved, cancellationToken).ConfigureAwait(false);
        return commandExitCode ?? (ReportComplaints() ? ExitCodes.Usage : ExitCodes.Ok);
    }

    public object? GetService(Type serviceType) =>
        serviceType == typeof(CliContext) ? context
        : serviceType == typeof(ICoconaConsoleProvider) ? this
        : serviceType == typeof(ICoconaParameterBinder) ? new CoconaParameterBinder(this, new CoconaValueConverter(), new DataAnnotationsParameterValidatorProvider())
        : serviceType == typeof(IServiceProvider) ? this
        : null;

    public bool IsService(Type type) => type == typeof(CliContext);

    public object? GetServiceOrCreateInstance(IServiceProvider serviceProvider, Type instanceType) =>
        GetService(instanceType) ?? CreateInstance(serviceProvider, instanceType, null);

    /// <summary>Calls the widest public constructor, taking each argument from <paramref name="parameters"/> by type, else from the services.</summary>
    public object? CreateInstance(IServiceProvider serviceProvider, Type instanceType, object[]? parameters)
    {
        var constructor = instanceType.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var arguments = constructor.GetParameters()
            .Select(p => parameters?.FirstOrDefault(p.ParameterType.IsInstanceOfType) ?? GetService(p.ParameterType)
                ?? throw new InvalidOperationException($"no service {p.ParameterType.Name} for {instanceType.Name}"))
            .ToArray();
        return constructor.Invoke(arguments);
    }

    public (IDisposable Scope, IServiceProvider ScopedServiceProvider) CreateScope(IServiceProvider serviceProvider) => (this, serviceProvider);

    public (IAsyncDisposable Scope, IServiceProvider ScopedServiceProvider) CreateAsyncScope(IServiceProvider serviceProvider) => (NoScope.Instance, serviceProvider);

    public void Dispose()
    {
        // Also the "scope" Cocona disposes after each command: nothing is scoped, so only the collected text goes.
    }

    /// <summary>An unknown command: one line naming the group, with the commands whose names are close.</summary>
    private int ReportUnknownCommand(CommandRoute route, CommandNotFoundException e)
    {
        var word = e.Command;
        if (string.IsNullOrEmpty(word))
        {
            ErrorReporter.WriteError(context.Environment, $"{route.Path} needs a command (see '{route.Path} --help')", context.Options.NoColor);
            return ExitCodes.Usage;
        }

        var similar = Spelling.Closest(word, e.ImplementedCommands.All.Select(c => c.Name)).ToList();
        var hint = similar.Count > 0 ? $" (did you mean: {string.Join(", ", similar)}?)" : $" (see '{route.Path} --help')";
        ErrorReporter.WriteError(context.Environment, $"'{word}' is not a command of '{route.Path}'{hint}", context.Options.NoColor);
        return ExitCodes.Usage;
    }

    /// <summary>Writes what Cocona complained about (unknown option, malformed value) as one line; false when nothing.</summary>
    private bool ReportComplaints()
    {
        var lines = _complaints.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length == 0)
        {
            return false;
        }

        var message = lines[0].StartsWith("Error: ", StringComparison.Ordinal) ? lines[0]["Error: ".Length..] : lines[0];
        ErrorReporter.WriteError(context.Environment, message, context.Options.NoColor);
        return true;
    }

    private sealed class NoScope : IAsyncDisposable
    {
        public static readonly NoScope Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
