using System.Data.Common;
using Dapper;

namespace RsSpot.State;

/// <summary>
/// A shared table as <c>rsspot state migrate</c> copies it between two databases: in one transaction it adds the rows
/// that are missing, skips those already there unchanged and, when the target holds a row under the same identity
/// with other contents, writes nothing and names that identity; then counts both sides. Rows compare by value (the
/// row types are records), in the form they are copied in (what is not copied, such as leases, left out).
/// </summary>
/// <typeparam name="TRow">One row, a record.</typeparam>
internal abstract class CopyableTable<TRow>(SharedDatabase db)
    where TRow : notnull
{
    /// <summary>The table's name.</summary>
    public abstract string Name { get; }

    /// <summary>Copies every row of this table into <paramref name="target"/> (the same table on another database).</summary>
    public SharedTableCopy CopyInto(CopyableTable<TRow> target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var rows = db.Read(c => Select(c, null, like: null));
        var import = target.Import(rows);
        return new SharedTableCopy(
            Name,
            target.Database.Location,
            rows.Count,
            import.Copied,
            import.AlreadyPresent,
            import.Differing,
            target.CountPresent(rows),
            target.Count());
    }

    /// <summary>The database the table is on.</summary>
    protected SharedDatabase Database => db;

    /// <summary>
    /// The rows of the table (all when <paramref name="like"/> is null, otherwise at least every row sharing an identity
    /// with one of them), in the form they are copied in. <paramref name="transaction"/> is set inside the import.
    /// </summary>
    protected abstract IReadOnlyList<TRow> Select(DbConnection connection, DbTransaction? transaction, IReadOnlyList<TRow>? like);

    /// <summary>What a row is known by: its key, or the whole row for a table without a natural key.</summary>
    protected abstract string Identity(TRow row);

    /// <summary>Inserts one row; returns how many rows were added.</summary>
    protected abstract int Insert(DbConnection connection, DbTransaction transaction, TRow row);

    private TableImport Import(IReadOnlyList<TRow> rows) => db.Write((c, tx) =>
    {
        // Two migrations into one database take turns per table, so both cannot count the same event as missing.
        c.Execute(db.LockName("@name"), new { name = $"migrate:{Name}" }, tx);
        var comparison = Compare(rows, Select(c, tx, rows));
        return comparison.Differing.Count > 0
            ? new TableImport(0, comparison.Present, comparison.Differing)
            : new TableImport(comparison.Missing.Sum(row => Insert(c, tx, row)), comparison.Present, []);
    });

    /// <summary>Rows in the table.</summary>
    private long Count() => db.Read(c => c.ExecuteScalar<long>($"SELECT COUNT(*) FROM {Name}"));

    private int CountPresent(IReadOnlyList<TRow> rows) => db.Read(c => Compare(rows, Select(c, null, rows)).Present);

    /// <summary>
    /// Pairs each incoming row with an equal stored one, each stored row answering for one incoming row (so a table
    /// without a key, where equal rows may repeat, holds as many copies as the source after the copy, not more). A row
    /// whose identity is stored only with other contents differs.
    /// </summary>
    private Comparison Compare(IReadOnlyList<TRow> incoming, IReadOnlyList<TRow> stored)
    {
        var unpaired = stored.GroupBy(Identity, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var paired = new HashSet<string>(StringComparer.Ordinal);
        var comparison = new Comparison();
        foreach (var row in incoming)
        {
            var identity = Identity(row);
            if (unpaired.TryGetValue(identity, out var candidates) && candidates.Remove(row))
            {
                paired.Add(identity);
                comparison.Present++;
            }
            else if (candidates is null || paired.Contains(identity))
            {
                comparison.Missing.Add(row);
            }
            else if (!comparison.Differing.Contains(identity, StringComparer.Ordinal))
            {
                comparison.Differing.Add(identity);
            }
        }

        return comparison;
    }

    private sealed class Comparison
    {
        public int Present { get; set; }

        public List<TRow> Missing { get; } = [];

        public List<string> Differing { get; } = [];
    }
}

/// <summary>What importing one table's rows did.</summary>
/// <param name="Copied">Rows added.</param>
/// <param name="AlreadyPresent">Rows that were there already, equal.</param>
/// <param name="Differing">Identities present with other contents (then nothing was copied).</param>
internal sealed record TableImport(int Copied, int AlreadyPresent, IReadOnlyList<string> Differing);
