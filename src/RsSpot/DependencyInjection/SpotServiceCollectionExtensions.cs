using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RsSpot.DependencyInjection;

/// <summary>
/// Registers <see cref="SpotClient"/> and <see cref="AsyncSpotClient"/> in a service collection. Both are singletons
/// whose transport comes from <see cref="IHttpMessageHandlerFactory"/> (named client <see cref="HttpClientName"/>),
/// so handlers added with <c>AddHttpMessageHandler</c> see every request, and whose logs go to the container's
/// <see cref="ILoggerFactory"/>. The RsSpot handlers (diagnostics, cache, retry, authentication) run outside them.
/// </summary>
public static class SpotServiceCollectionExtensions
{
    /// <summary>Name of the <see cref="HttpClient"/> configuration the clients' transport is built from.</summary>
    public const string HttpClientName = "RsSpot";

    /// <summary>Registers the Spot clients configured by a delegate.</summary>
    /// <param name="services">Service collection.</param>
    /// <param name="configure">Sets the client options (values left null resolve from profiles and the environment).</param>
    /// <returns>The builder of the named HttpClient, to add handlers or replace the primary handler.</returns>
    public static IHttpClientBuilder AddSpotClient(this IServiceCollection services, Action<SpotClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<SpotClientOptions>().Configure(configure);
        return AddSpotClientCore(services);
    }

    /// <summary>Registers the Spot clients with options bound from a configuration section (e.g. <c>GetSection("RsSpot")</c>).</summary>
    /// <param name="services">Service collection.</param>
    /// <param name="configuration">Section whose keys are <see cref="SpotClientOptions"/> property names.</param>
    /// <returns>The builder of the named HttpClient, to add handlers or replace the primary handler.</returns>
    public static IHttpClientBuilder AddSpotClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SpotClientOptions>().Bind(configuration);
        return AddSpotClientCore(services);
    }

    private static IHttpClientBuilder AddSpotClientCore(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(provider => new SpotClient(ClientOptions(provider)));
        services.TryAddSingleton(provider => new AsyncSpotClient(ClientOptions(provider)));
        return services.AddHttpClient(HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(provider => Http.SpotHttpPipeline.CreateTransport(provider.GetRequiredService<IOptions<SpotClientOptions>>().Value.VerifySsl != false))
            // The clients are singletons that keep their handler: connections are recycled by the socket handler's
            // PooledConnectionLifetime (DNS changes are honoured) instead of by rotating handlers.
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
    }

    /// <summary>The registered options, completed with what the container provides (transport, logging, clock).</summary>
    private static SpotClientOptions ClientOptions(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<SpotClientOptions>>().Value.Clone();
        if (!options.Sandbox)
        {
            // In sandbox mode the emulator is the transport; a Transport set here would replace it.
            options.Transport ??= provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(HttpClientName);
        }
        options.LoggerFactory ??= provider.GetService<ILoggerFactory>();
        if (options.TimeProvider == TimeProvider.System && provider.GetService<TimeProvider>() is { } time)
        {
            options.TimeProvider = time;
        }

        return options;
    }
}
