using System.Globalization;
using System.Runtime.InteropServices;
using RsSpot.State;
using RsSpot.Workflows;

// Usage: RsSpot.RegistrationWorker <state.db> <log-dir> <vm-count> [hang-at-submit] [pace-ms]
//            [--postgres CONNECTION] [--lease-ms N] [--concurrency N]
// Registers vm-1..vm-N into cluster "lab" (concurrency 1 unless given). Submit appends the key to
// <log-dir>/submits.<pid>.log and Confirm to confirms.<pid>.log; the fake cluster shows a VM once any process logged
// its submission. With hang-at-submit = K, once this process has submitted K VMs every handler call blocks forever
// after doing its work (the first writes <log-dir>/hanging.<pid>), so a test can kill -9 the process while it holds
// leases. With pace-ms, every Submit takes that long, so a test killing the process at a random moment lands mid-run.
// --postgres keeps the ledger on that PostgreSQL database (the fleet test). SIGTERM stops the run, releases the
// leases and exits 143.
var positional = args.TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
var options = args.Skip(positional.Length).Chunk(2).Where(pair => pair.Length == 2).ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);
if (positional.Length is < 3 or > 5 || !int.TryParse(positional[2], CultureInfo.InvariantCulture, out var count))
{
    Console.Error.WriteLine("usage: RsSpot.RegistrationWorker <state.db> <log-dir> <vm-count> [hang-at-submit] [pace-ms] [--postgres CONNECTION] [--lease-ms N] [--concurrency N]");
    return 2;
}

int Option(string name, int fallback) => options.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
var hangAt = positional.Length >= 4 && int.Parse(positional[3], CultureInfo.InvariantCulture) is > 0 and var at ? at : int.MaxValue;
var pace = TimeSpan.FromMilliseconds(positional.Length == 5 ? int.Parse(positional[4], CultureInfo.InvariantCulture) : 0);

using var terminate = new CancellationTokenSource();
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    terminate.Cancel();
});

using var store = options.TryGetValue("--postgres", out var postgres) ? StateStore.OpenWithPostgres(positional[0], postgres) : StateStore.Open(positional[0]);
var workflow = new RegistrationWorkflow(store) { BaseDelay = TimeSpan.FromMilliseconds(10) };
var candidates = Enumerable.Range(1, count).Select(i =>
{
    var vm = $"vm-{i}";
    return new RegistrationCandidate(RegistrationWorkflow.RegistrationKey(vm, "org-lab", "vm-lab", "pool-a", "lab"), vm, vm, "org-lab", "vm-lab", "pool-a", "lab");
});
var handler = new RecordingHandler(positional[1], hangAt, pace);
var runner = new RegistrationRunner(workflow, handler, Option("--concurrency", 1))
{
    Lease = TimeSpan.FromMilliseconds(Option("--lease-ms", 60_000)),
    PollInterval = TimeSpan.FromMilliseconds(50),
};
try
{
    var records = await runner.RunAsync(candidates, terminate.Token);
    var registered = records.Count(r => r.Status == RegistrationStatus.Registered);
    Console.WriteLine($"registered {registered} of {records.Count}; this runner issued {handler.Issued}, submitted {handler.Submitted}");
    return registered == count ? 0 : 1;
}
catch (OperationCanceledException) when (terminate.IsCancellationRequested)
{
    Console.WriteLine($"terminated; leases of {runner.RunnerId} released");
    return 143;
}

/// <summary>Records each call on disk (flushed before returning), so a killed process leaves an exact trace.</summary>
internal sealed class RecordingHandler(string logDirectory, int hangAt, TimeSpan pace) : IRegistrationHandler
{
    private int _issued;
    private int _submitted;
    private int _hanging;

    public int Issued => _issued;

    public int Submitted => _submitted;

    private static string Pid => Environment.ProcessId.ToString(CultureInfo.InvariantCulture);

    private string Log(string name) => Path.Combine(logDirectory, $"{name}.{Pid}.log");

    public async Task<RegistrationToken> IssueTokenAsync(RegistrationRecord record, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _issued);
        await HangOnceDueAsync(record, cancellationToken);
        return new RegistrationToken($"tok-{record.VmUid}-{Guid.NewGuid():N}", DateTimeOffset.UtcNow.AddHours(1));
    }

    public async Task SubmitAsync(RegistrationRecord record, CancellationToken cancellationToken)
    {
        await Task.Delay(pace, cancellationToken);
        Append("submits", record.Key);
        Interlocked.Increment(ref _submitted);
        await HangOnceDueAsync(record, cancellationToken);
    }

    public async Task<bool> ConfirmAsync(RegistrationRecord record, CancellationToken cancellationToken)
    {
        Append("confirms", record.Key);
        await HangOnceDueAsync(record, cancellationToken);

        // The fake cluster shows a machine once any runner submitted its token.
        return Directory.EnumerateFiles(logDirectory, "submits.*.log").SelectMany(ReadShared).Contains(record.Key);
    }

    private void Append(string log, string key)
    {
        lock (this)
        {
            File.AppendAllLines(Log(log), [key]);
        }
    }

    /// <summary>After the work is done (and logged), so a kill never loses a submission that was made.</summary>
    private async Task HangOnceDueAsync(RegistrationRecord record, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _submitted) >= hangAt)
        {
            if (Interlocked.Exchange(ref _hanging, 1) == 0)
            {
                File.WriteAllText(Path.Combine(logDirectory, $"hanging.{Pid}"), record.Key);
            }

            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
    }

    private static string[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
