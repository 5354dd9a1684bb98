using System.Globalization;
using RsSpot.State;
using RsSpot.Workflows;

// Usage: RsSpot.RegistrationWorker <state.db> <log-dir> <vm-count> [hang-at-submit] [pace-ms]
// Registers vm-1..vm-N into cluster "lab" with concurrency 1. Submit appends the key to <log-dir>/submits.log and
// Confirm to confirms.log. With hang-at-submit = K, the Confirm that follows the K-th Submit writes
// <log-dir>/hanging and blocks forever, so the test can kill the process while a VM sits in submitted.
// With pace-ms, every Submit takes that long, so a test killing the process at a random moment lands mid-run.
if (args.Length is < 3 or > 5 || !int.TryParse(args[2], CultureInfo.InvariantCulture, out var count))
{
    Console.Error.WriteLine("usage: RsSpot.RegistrationWorker <state.db> <log-dir> <vm-count> [hang-at-submit]");
    return 2;
}

var hangAt = args.Length >= 4 && int.Parse(args[3], CultureInfo.InvariantCulture) is > 0 and var at ? at : int.MaxValue;
var pace = TimeSpan.FromMilliseconds(args.Length == 5 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 0);
using var store = StateStore.Open(args[0]);
var workflow = new RegistrationWorkflow(store, new RegistrationRetryPolicy { BaseDelay = TimeSpan.FromMilliseconds(10) });
var candidates = Enumerable.Range(1, count).Select(i =>
{
    var vm = $"vm-{i}";
    return new RegistrationCandidate(RegistrationWorkflow.RegistrationKey(vm, "org-lab", "vm-lab", "pool-a", "lab"), vm, vm, "org-lab", "vm-lab", "pool-a", "lab");
});
var result = await new RegistrationRunner(workflow, new RecordingHandler(args[1], hangAt, pace), maxConcurrency: 1).RunAsync(candidates);
Console.WriteLine($"registered {result.Registered} of {result.Records.Count}");
return result.Registered == count ? 0 : 1;

/// <summary>Records each call on disk (flushed before returning), so a killed process leaves an exact trace.</summary>
internal sealed class RecordingHandler(string logDirectory, int hangAt, TimeSpan pace) : IRegistrationHandler
{
    private string Submits => Path.Combine(logDirectory, "submits.log");

    public Task<RegistrationToken> IssueTokenAsync(RegistrationRecord record, CancellationToken cancellationToken) =>
        Task.FromResult(new RegistrationToken($"tok-{record.VmUid}-{Guid.NewGuid():N}", DateTimeOffset.UtcNow.AddHours(1)));

    public async Task SubmitAsync(RegistrationRecord record, CancellationToken cancellationToken)
    {
        await Task.Delay(pace, cancellationToken);
        File.AppendAllLines(Submits, [record.Key]);
    }

    public async Task<bool> ConfirmAsync(RegistrationRecord record, CancellationToken cancellationToken)
    {
        File.AppendAllLines(Path.Combine(logDirectory, "confirms.log"), [record.Key]);
        if (File.ReadAllLines(Submits).Length >= hangAt)
        {
            File.WriteAllText(Path.Combine(logDirectory, "hanging"), record.Key);
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        // The fake cluster shows a machine once its token was submitted.
        return File.ReadAllLines(Submits).Contains(record.Key);
    }
}
