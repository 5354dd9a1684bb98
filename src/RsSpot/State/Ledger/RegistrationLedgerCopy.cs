using Dapper;

namespace RsSpot.State;

/// <summary>Copying the ledger between databases (<c>rsspot state migrate --to postgres</c>).</summary>
internal sealed partial class RegistrationLedger
{
    /// <summary>Every row, in key order.</summary>
    public IReadOnlyList<RegistrationLedgerRecord> All() =>
        _db.Read(c => c.Query<Row>($"SELECT {Columns} FROM registration_ledger ORDER BY registration_key").Select(r => r.ToRecord()).ToList());

    /// <summary>
    /// Adds <paramref name="records"/> in one transaction, leases left out (they belong to runners of the old database).
    /// A row already present and equal is skipped, so a copy can be repeated; when any present row differs, nothing
    /// is written and the result names the differing keys.
    /// </summary>
    public LedgerImport Import(IReadOnlyList<RegistrationLedgerRecord> records) => _db.Write((c, tx) =>
    {
        var incoming = records.Select(record => record with { ClaimedBy = null, LeaseUntil = null }).ToList();
        var present = incoming.Select(record => (Record: record, Existing: Find(c, tx, record.Key))).Where(pair => pair.Existing is not null).ToList();
        var differing = present.Where(pair => pair.Existing! with { ClaimedBy = null, LeaseUntil = null } != pair.Record).Select(pair => pair.Record.Key).ToList();
        if (differing.Count > 0)
        {
            return new LedgerImport(0, present.Count - differing.Count, differing);
        }

        var copied = incoming.Except(present.Select(pair => pair.Record)).Sum(record => c.Execute(Insert, Row.From(record), tx));
        return new LedgerImport(copied, present.Count, []);
    });

    /// <summary>How many of <paramref name="keys"/> the ledger holds.</summary>
    public int CountPresent(IReadOnlyCollection<string> keys) => _db.Read(c => c.ExecuteScalar<int>(
        $"SELECT COUNT(*) FROM registration_ledger WHERE registration_key IN ({_db.JsonStrings("@keys")})",
        new { keys = Newtonsoft.Json.JsonConvert.SerializeObject(keys) }));
}

/// <summary>The outcome of <see cref="RegistrationLedger.Import"/>.</summary>
/// <param name="Copied">Rows added.</param>
/// <param name="AlreadyPresent">Rows that were there already, equal.</param>
/// <param name="Differing">Keys present with other contents (then nothing was copied).</param>
internal sealed record LedgerImport(int Copied, int AlreadyPresent, IReadOnlyList<string> Differing);
