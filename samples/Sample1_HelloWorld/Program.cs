// Hello, Spot (synchronous): list regions and the cheapest available server classes of one region.
// Runs against the sandbox (the emulator of the RsSpot.Emulator package): no account, no network. For a real account
// drop `Sandbox = true` and the emulator package, and configure a profile (or set RefreshToken).
using RsSpot;

using var client = new SpotClient(new SpotClientOptions { Sandbox = true });

var organization = client.Organizations.List()[0];
Console.WriteLine($"Organization: {organization.Name} ({organization.Id})");

var regions = client.Regions.List();
Console.WriteLine($"{regions.Count} regions: {string.Join(", ", regions.Select(r => r.Name))}");

var region = regions[0].Name;
foreach (var serverClass in client.ServerClasses.List(region).OrderBy(c => c.MinBidPricePerHour).Take(3))
{
    Console.WriteLine($"{serverClass.Name,-24} {serverClass.Cpu,4} CPU {serverClass.Memory,8}  from ${serverClass.MinBidPricePerHour:0.000}/hr");
}
