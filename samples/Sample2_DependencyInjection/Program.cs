// RsSpot in a generic host: options from appsettings.json ("RsSpot" section), logs through ILogger (requests at
// Debug, see the "Logging" section) and AsyncSpotClient injected into a service. Against the real API the transport
// comes from IHttpClientFactory: AddSpotClient returns the builder of the "RsSpot" HttpClient, so
// `.AddHttpMessageHandler<YourHandler>()` puts your handler in the pipeline (sandbox mode answers in-process instead).
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RsSpot;
using RsSpot.DependencyInjection;

var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddSpotClient(builder.Configuration.GetSection("RsSpot"));
builder.Services.AddSingleton<RegionReport>();

using var host = builder.Build();
await host.Services.GetRequiredService<RegionReport>().PrintAsync(CancellationToken.None);

/// <summary>An application service that receives the client by injection.</summary>
internal sealed class RegionReport(AsyncSpotClient spot, ILogger<RegionReport> logger)
{
    public async Task PrintAsync(CancellationToken cancellationToken)
    {
        var regions = await spot.Regions.ListAsync(cancellationToken);
        logger.LogInformation("Found {Count} regions", regions.Count);
        foreach (var region in regions)
        {
            Console.WriteLine($"{region.Name,-24} {region.Country}");
        }
    }
}
