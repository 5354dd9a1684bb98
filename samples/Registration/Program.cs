using RsSpot;
using RsSpot.Samples.Registration;
using RsSpot.Workflows;

// An orchestrator loop end to end, against the sandbox emulator of RsSpot.Emulator (nothing reaches Rackspace):
//   1. read the VM inventory and turn it into registration candidates for a cluster,
//   2. let RegistrationRunner walk each VM through token → submit → confirm with our handler,
//   3. reconcile, so VMs that left the inventory are marked gone.
// Run it twice: the second run finds everything registered and calls the handler for nothing.
//
// Usage: dotnet run --project samples/Registration [state-directory]
var directory = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "rsspot-registration-sample");
Directory.CreateDirectory(directory);
const string Cluster = "omni-lab";

using var client = new SpotClient(new SpotClientOptions
{
    Sandbox = true,
    LoadConfiguration = false,
    StatePath = Path.Combine(directory, "state.db"),
});
var workflow = new RegistrationWorkflow(client.State!) { BaseDelay = TimeSpan.FromMilliseconds(200) };

var candidates = await RegistrationWorkflow.FetchCandidatesAsync(client, Cluster);
Console.WriteLine($"{candidates.Count} VMs in the inventory for cluster '{Cluster}'");

var handler = new FakeClusterHandler();
var records = await new RegistrationRunner(workflow, handler, maxConcurrency: 2).RunAsync(candidates);
foreach (var record in records)
{
    Console.WriteLine($"  {record.Key}  {record.VmName,-34} {record.Status,-12} token={record.TokenId} attempts={record.Attempts}");
}

var org = await client.Organizations.GetAsync(await client.ResolveOrgNameAsync());
var gone = workflow.Reconcile(candidates, Cluster, org.Id);
var registered = records.Count(r => r.Status == RegistrationStatus.Registered);
var failed = records.Count(r => r.Status == RegistrationStatus.Failed);
Console.WriteLine($"registered {registered}/{records.Count}, failed {failed}, gone {gone.Count}; handler calls: {handler.Calls}");
return registered == records.Count ? 0 : 1;
