using RsSpot.State;
using RsSpot.StateStress;

// Usage: RsSpot.StateStress <state.db> <worker-name> <operations>
// Every operation adds one history row, upserts one private ledger row, bumps the shared ledger row's attempts
// and sets a preference. Exit code 0 means every write succeeded.
if (args.Length != 3 || !int.TryParse(args[2], out var operations))
{
    Console.Error.WriteLine("usage: RsSpot.StateStress <state.db> <worker-name> <operations>");
    return 2;
}

var (path, worker) = (args[0], args[1]);
try
{
    using var store = StateStore.Open(path);
    StateWorkload.Run(store, worker, operations);
    return 0;
}
catch (Exception ex)
{
    Console.Error.WriteLine($"{worker}: {ex}");
    return 1;
}
