using System.Data.Common;
using Dapper;

namespace RsSpot.State;

/// <summary>Copying the ledger between databases (<c>rsspot state migrate --to postgres</c>).</summary>
internal sealed partial class RegistrationLedger
{
    /// <summary>The ledger as <c>state migrate</c> copies it: keyed by registration key, leases left out (they belong to runners of the old database).</summary>
    public CopyableTable<RegistrationLedgerRecord> Copyable() => new Table(_db);

    private sealed class Table(SharedDatabase db) : CopyableTable<RegistrationLedgerRecord>(db)
    {
        public override string Name => "registration_ledger";

        // Inside the import the rows are locked (on PostgreSQL) until the commit.
        protected override IReadOnlyList<RegistrationLedgerRecord> Select(DbConnection connection, DbTransaction? transaction, IReadOnlyList<RegistrationLedgerRecord>? like) =>
            connection.Query<Row>(
                like is null
                    ? $"SELECT {Columns} FROM registration_ledger ORDER BY registration_key"
                    : $"SELECT {Columns} FROM registration_ledger WHERE registration_key IN ({Database.JsonStrings("@keys")}){(transaction is null ? "" : Database.LockRows)}",
                new { keys = Newtonsoft.Json.JsonConvert.SerializeObject(like?.Select(row => row.Key)) },
                transaction)
            .Select(row => row.ToRecord() with { ClaimedBy = null, LeaseUntil = null })
            .ToList();

        protected override string Identity(RegistrationLedgerRecord row) => row.Key;

        protected override int Insert(DbConnection connection, DbTransaction transaction, RegistrationLedgerRecord row) =>
            connection.Execute(RegistrationLedger.Insert, Row.From(row), transaction);
    }
}
