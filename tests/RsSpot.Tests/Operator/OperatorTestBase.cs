using RsSpot.Emulator;
using RsSpot.Models;
using RsSpot.Tests.Support;

namespace RsSpot.Tests.Operator;

/// <summary>
/// Sandbox tests of the operator lifecycle: a Ready cloudspace with a live spot pool, pins that hold objects in a
/// chosen state (set through a second emulator over the same sandbox.db, as another process would), and fair bids.
/// </summary>
public abstract class OperatorTestBase(bool isAsync) : SandboxTestBase(isAsync)
{
    protected const string Region = "us-central-dfw-1";
    protected const string CloudSpaceName = "ops";

    /// <summary>The namespace of the sandbox's organization.</summary>
    protected static string Namespace => new SpotEmulatorOptions().Organizations[0].Namespace;

    /// <summary>Holds the objects <paramref name="pin"/> selects in its state.</summary>
    protected void Pin(ResourcePin pin) => new SpotEmulator(new SpotEmulatorOptions { Clock = Clock, StatePath = Path.Combine(Directory, "sandbox.db") }).Pin(pin);

    protected async Task<CloudSpace> ReadyCloudSpaceAsync(string name = CloudSpaceName)
    {
        await Call(() => Client.CloudSpaces.CreateAsync(new CreateCloudSpaceRequest { Name = name, Region = Region }, null, default));
        return await Call(() => Client.CloudSpaces.WaitUntilReadyAsync(name, null, null, null, default));
    }

    /// <summary>Two general-purpose classes of the region with a known market price.</summary>
    protected async Task<(ServerClass First, ServerClass Second)> TwoClassesAsync()
    {
        var classes = (await Call(() => Client.ServerClasses.ListAsync(Region, true, default)))
            .Where(c => c.Name.StartsWith("gp.", StringComparison.Ordinal) && c.MarketPricePerHour > 0).ToList();
        return (classes[0], classes[1]);
    }

    /// <summary>A bid that wins today and stays within the bid guard's limits: 2.5 times the market price.</summary>
    protected static string FairBid(ServerClass serverClass) => BidPrice.Format(serverClass.MarketPricePerHour!.Value * 2.5m);

    protected Task<SpotNodePool> SpotPoolAsync(ServerClass serverClass, int desired = 2)
    {
        var request = new CreateSpotNodePoolRequest
        {
            CloudSpace = CloudSpaceName,
            ServerClass = serverClass.Name,
            BidPrice = FairBid(serverClass),
            Desired = desired,
            CustomLabels = new Dictionary<string, string> { ["team"] = "data" },
            CustomTaints = [Taint.Parse("workload=batch:NoSchedule")],
        };
        return Call(() => Client.SpotNodePools.CreateAsync(request, null, default));
    }

    /// <summary>Reports on the calling thread, so the test sees every observation before the call returns.</summary>
    protected sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
