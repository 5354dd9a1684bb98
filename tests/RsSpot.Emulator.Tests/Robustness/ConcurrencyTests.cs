using RsSpot.Emulator.Tests.Support;

namespace RsSpot.Emulator.Tests.Robustness;

/// <summary>500 requests in flight at once (half of them writes) are all answered, and answered correctly.</summary>
[TestFixture(Transport.InProcess)]
[TestFixture(Transport.Http)]
public sealed class ConcurrencyTests(Transport transport)
{
    private const int Concurrent = 500;

    [Test]
    public async Task Five_hundred_concurrent_requests_are_all_answered_correctly()
    {
        await using var host = await EmulatorHost.StartAsync(transport);
        var client = host.Client;
        await client.LoginAsync();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var requests = Enumerable.Range(0, Concurrent).Select(async i =>
        {
            await start.Task;
            return i % 2 == 0
                ? (i, await client.CreateCloudspaceAsync($"load-{i}"))
                : (i, await client.GetAsync("apis/ngpc.rxt.io/v1/regions"));
        }).ToList();
        start.SetResult();
        var answers = await Task.WhenAll(requests).WaitAsync(TimeSpan.FromMinutes(2));

        var wrong = answers.Where(a => a.i % 2 == 0
            ? a.Item2.Status != 201 || a.Item2.Json["metadata"]!.Value<string>("name") != $"load-{a.i}"
            : a.Item2.Status != 200 || a.Item2.Json["items"]!.Count() != 8).Select(a => $"{a.i}: {a.Item2.Status} {a.Item2.Message}");
        Assert.That(wrong, Is.Empty);
        var listed = (await client.GetAsync(SpotTestClient.Cloudspaces)).Json["items"]!.Select(c => c["metadata"]!.Value<string>("name")).ToHashSet();
        Assert.That(listed, Is.EquivalentTo(Enumerable.Range(0, Concurrent / 2).Select(i => $"load-{i * 2}")));
        Assert.That(host.Emulator.Journal, Has.Count.EqualTo(Concurrent + 2), "the token call, the requests and the listing");
    }
}
