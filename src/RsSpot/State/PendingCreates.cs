using Dapper;

namespace RsSpot.State;

/// <summary>
/// Creates whose outcome is not known yet, by what they asked for. A create with a generated name registers here
/// before it is sent and leaves once its outcome is known; when the process dies (or gives up) in between, the next
/// create of the same spec reuses the name, so reconciliation finds the resource the lost reply created instead of
/// making a second one.
/// </summary>
internal sealed class PendingCreates
{
    /// <summary>How long an unsettled create keeps its name for a re-run.</summary>
    public static readonly TimeSpan RetentionPeriod = TimeSpan.FromHours(24);

    private readonly StateStore _store;

    internal PendingCreates(StateStore store) => _store = store;

    /// <summary>The name registered for this create, or null when none is pending (or it is older than <see cref="RetentionPeriod"/>).</summary>
    /// <param name="kind">Resource kind (e.g. SpotNodePool).</param>
    /// <param name="scope">Where it is created (endpoint and namespace).</param>
    /// <param name="fingerprint">Hash of the requested spec.</param>
    public string? Find(string kind, string scope, string fingerprint) => _store.Read(c => c.QuerySingleOrDefault<string>(
        "SELECT name FROM pending_creates WHERE kind = @kind AND scope = @scope AND fingerprint = @fingerprint AND created_at >= @since",
        new { kind, scope, fingerprint, since = UnixTime.ToMs(_store.Now - RetentionPeriod) }));

    /// <summary>Registers a create about to be sent (replacing an older registration of the same spec).</summary>
    /// <param name="kind">Resource kind.</param>
    /// <param name="scope">Where it is created.</param>
    /// <param name="fingerprint">Hash of the requested spec.</param>
    /// <param name="name">The name it is created under.</param>
    public void Register(string kind, string scope, string fingerprint, string name) => _store.Write((c, tx) =>
    {
        c.Execute("DELETE FROM pending_creates WHERE created_at < @since", new { since = UnixTime.ToMs(_store.Now - RetentionPeriod) }, tx);
        return c.Execute(
            "INSERT OR REPLACE INTO pending_creates (kind, scope, fingerprint, name, created_at) VALUES (@kind, @scope, @fingerprint, @name, @now)",
            new { kind, scope, fingerprint, name, now = UnixTime.ToMs(_store.Now) },
            tx);
    });

    /// <summary>Forgets a create whose outcome is known.</summary>
    /// <param name="kind">Resource kind.</param>
    /// <param name="scope">Where it was created.</param>
    /// <param name="fingerprint">Hash of the requested spec.</param>
    public void Settle(string kind, string scope, string fingerprint) => _store.Write((c, tx) => c.Execute(
        "DELETE FROM pending_creates WHERE kind = @kind AND scope = @scope AND fingerprint = @fingerprint", new { kind, scope, fingerprint }, tx));
}
