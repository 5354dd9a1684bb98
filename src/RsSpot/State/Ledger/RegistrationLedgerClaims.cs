using Dapper;
using Newtonsoft.Json;

namespace RsSpot.State;

/// <summary>
/// Leases on ledger rows, so runners on several machines split the work: a runner claims one open row at a time
/// (<c>SELECT … FOR UPDATE SKIP LOCKED</c> on PostgreSQL, so concurrent claimers never wait on or take the same row;
/// sqlite's single-writer transaction does the same on one machine), renews its leases while it works, and releases
/// them when done or stopped. A lease that runs out (its runner died) is taken over by the next claim.
/// </summary>
internal sealed partial class RegistrationLedger
{
    /// <summary>Claims the next open row of <paramref name="work"/> that no live lease holds; returns its key, or null.</summary>
    /// <param name="work">Which rows are open.</param>
    /// <param name="owner">The claiming runner.</param>
    /// <param name="leaseUntil">When the lease runs out unless renewed.</param>
    public string? Claim(LedgerWork work, string owner, DateTimeOffset leaseUntil) => _db.Write((c, tx) =>
    {
        var parameters = work.Parameters(_clock.GetUtcNow());
        var key = c.QuerySingleOrDefault<string?>(
            $"""
            SELECT registration_key FROM registration_ledger
            WHERE {LedgerWork.Filter(_db)} AND (claimed_by IS NULL OR lease_until <= @now)
            ORDER BY COALESCE(next_attempt_at, 0), registration_key LIMIT 1{_db.SkipLocked}
            """,
            parameters,
            tx);
        if (key is not null)
        {
            c.Execute(
                "UPDATE registration_ledger SET claimed_by = @owner, lease_until = @until WHERE registration_key = @key",
                new { owner, until = UnixTime.ToMs(leaseUntil), key },
                tx);
        }

        return key;
    });

    /// <summary>How many rows of <paramref name="work"/> are still open, whoever holds them.</summary>
    public int CountOpen(LedgerWork work) =>
        _db.Read(c => c.ExecuteScalar<int>($"SELECT COUNT(*) FROM registration_ledger WHERE {LedgerWork.Filter(_db)}", work.Parameters(_clock.GetUtcNow())));

    /// <summary>Extends every lease <paramref name="owner"/> holds to <paramref name="leaseUntil"/>; returns how many.</summary>
    public int Renew(string owner, DateTimeOffset leaseUntil) => _db.Write((c, tx) => c.Execute(
        "UPDATE registration_ledger SET lease_until = @until WHERE claimed_by = @owner",
        new { owner, until = UnixTime.ToMs(leaseUntil) },
        tx));

    /// <summary>Gives up <paramref name="owner"/>'s lease on <paramref name="key"/> (null: on every row); returns how many.</summary>
    public int Release(string owner, string? key = null) => _db.Write((c, tx) => c.Execute(
        key is null
            ? "UPDATE registration_ledger SET claimed_by = NULL, lease_until = NULL WHERE claimed_by = @owner"
            : "UPDATE registration_ledger SET claimed_by = NULL, lease_until = NULL WHERE claimed_by = @owner AND registration_key = @key",
        new { owner, key },
        tx));

    /// <summary>Rows in the ledger, and how many of them a lease holds.</summary>
    public (long Rows, long Claimed) Count() => _db.Read(c => c.QuerySingle<(long, long)>(
        "SELECT COUNT(*), COUNT(claimed_by) FROM registration_ledger"));
}

/// <summary>
/// The rows a runner works on: its candidates (<paramref name="Keys"/>) in an unfinished status, except those
/// in <paramref name="RetryStatus"/> that have used up <paramref name="MaxAttempts"/>.
/// </summary>
/// <param name="Keys">Registration keys of the run.</param>
/// <param name="OpenStatuses">Statuses that still need work.</param>
/// <param name="RetryStatus">The status whose rows are retried while attempts remain.</param>
/// <param name="MaxAttempts">Attempts after which a row in <paramref name="RetryStatus"/> is left alone.</param>
internal sealed record LedgerWork(IReadOnlyCollection<string> Keys, IReadOnlyCollection<string> OpenStatuses, string RetryStatus, int MaxAttempts)
{
    // One JSON parameter per list, whatever its length (sqlite and PostgreSQL both cap the number of parameters).
    private readonly string _keys = JsonConvert.SerializeObject(Keys);
    private readonly string _statuses = JsonConvert.SerializeObject(OpenStatuses);

    /// <summary>The WHERE condition, in <paramref name="db"/>'s dialect.</summary>
    public static string Filter(SharedDatabase db) =>
        $"registration_key IN ({db.JsonStrings("@keys")}) AND status IN ({db.JsonStrings("@statuses")}) " +
        "AND NOT (status = @retryStatus AND attempts >= @maxAttempts)";

    /// <summary>The parameters of <see cref="Filter"/>, and <c>@now</c>.</summary>
    public object Parameters(DateTimeOffset now) => new { keys = _keys, statuses = _statuses, retryStatus = RetryStatus, maxAttempts = (long)MaxAttempts, now = UnixTime.ToMs(now) };
}
