// Hello, Spot (asynchronous): the same tour as Sample1_HelloWorld with AsyncSpotClient, cancellable with Ctrl+C.
// Runs against the sandbox (the emulator of the RsSpot.Emulator package): no account, no network.
using RsSpot;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
var ct = cancellation.Token;

await using var client = new AsyncSpotClient(new SpotClientOptions { Sandbox = true });

var organizations = await client.Organizations.ListAsync(ct);
Console.WriteLine($"Organization: {organizations[0].Name} ({organizations[0].Id})");

var regions = await client.Regions.ListAsync(ct);
Console.WriteLine($"{regions.Count} regions: {string.Join(", ", regions.Select(r => r.Name))}");

// Independent reads may run concurrently: the client is thread-safe.
var perRegion = await Task.WhenAll(regions.Take(3).Select(async r => (Region: r.Name, Classes: await client.ServerClasses.ListAsync(r.Name, cancellationToken: ct))));
foreach (var (region, classes) in perRegion)
{
    var cheapest = classes.MinBy(c => c.MinBidPricePerHour);
    Console.WriteLine($"{region,-20} {classes.Count,3} classes, cheapest {cheapest?.Name} from ${cheapest?.MinBidPricePerHour:0.000}/hr");
}
