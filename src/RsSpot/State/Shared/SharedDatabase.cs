using System.Data.Common;

namespace RsSpot.State;

/// <summary>
/// The database of the state several machines may share (the registration ledger; the event history plugs in the
/// same way): state.db itself by default, or a PostgreSQL server (<c>state.backend: postgres</c>). A store written
/// against this class runs the same SQL on both; the few fragments the dialects spell differently are members here,
/// and each backend brings its own numbered migrations.
/// </summary>
internal abstract class SharedDatabase : IDisposable
{
    /// <summary><c>sqlite</c> or <c>postgres</c>.</summary>
    public abstract string Backend { get; }

    /// <summary>Where it is, safe to show: a file path, or the connection string with its password masked.</summary>
    public abstract string Location { get; }

    /// <summary>
    /// Appended to a SELECT inside <see cref="Write{T}"/> to lock the rows it returns and skip rows another writer has
    /// locked (<c>FOR UPDATE SKIP LOCKED</c>); empty on sqlite, whose write transaction already excludes every other writer.
    /// </summary>
    public abstract string SkipLocked { get; }

    /// <summary>Appended to a SELECT inside <see cref="Write{T}"/> to lock the rows it reads until the commit (<c>FOR UPDATE</c>).</summary>
    public abstract string LockRows { get; }

    /// <summary>
    /// A statement that, inside <see cref="Write{T}"/>, waits for and then holds until the commit a lock on the name
    /// passed as <paramref name="parameter"/>, for writers that must exclude each other before any row exists to lock
    /// (a transaction-scoped advisory lock); a no-op on sqlite, whose write transaction already excludes every other writer.
    /// </summary>
    public abstract string LockName(string parameter);

    /// <summary>A subquery yielding the strings of a JSON array passed as <paramref name="parameter"/> (one parameter for any number of keys).</summary>
    public abstract string JsonStrings(string parameter);

    /// <summary>The newest schema version applied to this database.</summary>
    public abstract int SchemaVersion();

    /// <summary>The newest schema version this build knows for this backend.</summary>
    public abstract int LatestSchemaVersion { get; }

    /// <summary>Runs a read on its own connection.</summary>
    public abstract T Read<T>(Func<DbConnection, T> query);

    /// <summary>
    /// Runs a write in one transaction: an IMMEDIATE (single-writer) transaction on sqlite, READ COMMITTED on
    /// PostgreSQL, where a store locks what it reads with <see cref="LockRows"/> or <see cref="SkipLocked"/>.
    /// </summary>
    public abstract T Write<T>(Func<DbConnection, DbTransaction, T> work);

    /// <summary>Releases pooled connections.</summary>
    public virtual void Dispose()
    {
    }
}
