namespace RsSpot.Emulator.Tests.Robustness;

/// <summary>The journal keeps the most recent requests only, so a long-running emulator stays within bounded memory.</summary>
public sealed class JournalCapacityTests
{
    [Test]
    public async Task The_journal_keeps_the_most_recent_requests_up_to_its_capacity_oldest_first()
    {
        var emulator = new SpotEmulator(new SpotEmulatorOptions { JournalCapacity = 3 });

        for (var i = 0; i < 5; i++)
        {
            await emulator.HandleAsync(new EmulatorRequest("GET", $"/apis/ngpc.rxt.io/v1/regions/r{i}"));
        }

        Assert.That(emulator.Journal.Select(e => e.PathAndQuery), Is.EqualTo(new[]
        {
            "/apis/ngpc.rxt.io/v1/regions/r2", "/apis/ngpc.rxt.io/v1/regions/r3", "/apis/ngpc.rxt.io/v1/regions/r4",
        }));
    }

    [Test]
    public void The_default_capacity_is_ten_thousand_and_less_than_one_is_refused()
    {
        Assert.That(new SpotEmulatorOptions().JournalCapacity, Is.EqualTo(SpotEmulatorOptions.DefaultJournalCapacity).And.EqualTo(10_000));
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new SpotEmulator(new SpotEmulatorOptions { JournalCapacity = 0 }));
    }
}
