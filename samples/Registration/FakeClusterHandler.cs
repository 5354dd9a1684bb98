using System.Collections.Concurrent;
using RsSpot.Workflows;

namespace RsSpot.Samples.Registration;

/// <summary>
/// Stands in for a real cluster manager (e.g. Omni via its SDK): issues join tokens, "boots" the VM with one, and
/// reports it as joined on the second check, as a machine that takes a moment to appear would be. The first token
/// request for each VM fails, to show the ledger's retry with backoff.
/// </summary>
internal sealed class FakeClusterHandler : IRegistrationHandler
{
    private readonly ConcurrentDictionary<string, int> _tokenRequests = new();
    private readonly ConcurrentDictionary<string, int> _checks = new();
    private readonly ConcurrentDictionary<string, string> _joined = new();
    private int _calls;

    /// <summary>Handler calls made so far.</summary>
    public int Calls => _calls;

    public async Task<RegistrationToken> IssueTokenAsync(RegistrationRecord record, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        await Task.Delay(50, cancellationToken);
        if (_tokenRequests.AddOrUpdate(record.Key, 1, (_, n) => n + 1) == 1)
        {
            throw new HttpRequestException("token service busy, try again");
        }

        return new RegistrationToken($"jt-{Guid.NewGuid():N}"[..15], DateTimeOffset.UtcNow.AddMinutes(30));
    }

    public async Task SubmitAsync(RegistrationRecord record, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        await Task.Delay(50, cancellationToken);
        _joined[record.Key] = record.TokenId!;
    }

    public Task<bool> ConfirmAsync(RegistrationRecord record, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        var checks = _checks.AddOrUpdate(record.Key, 1, (_, n) => n + 1);
        return Task.FromResult(checks >= 2 && _joined.ContainsKey(record.Key));
    }
}
