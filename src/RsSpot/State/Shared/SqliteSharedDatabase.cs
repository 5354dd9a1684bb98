using System.Data.Common;

namespace RsSpot.State;

/// <summary>The shared parts kept in state.db itself (the default): one machine, any number of processes.</summary>
internal sealed class SqliteSharedDatabase(StateStore store) : SharedDatabase
{
    public override string Backend => SharedStateSettings.Sqlite;

    public override string Location => store.Path ?? ":memory:";

    public override string SkipLocked => string.Empty;

    public override string LockRows => string.Empty;

    public override string LockName(string parameter) => "SELECT 0";

    public override string JsonStrings(string parameter) => $"SELECT value FROM json_each({parameter})";

    public override int SchemaVersion() => store.Read(StateSchema.CurrentVersion);

    public override int LatestSchemaVersion => StateSchema.LatestVersion;

    public override T Read<T>(Func<DbConnection, T> query) => store.Read(query);

    public override T Write<T>(Func<DbConnection, DbTransaction, T> work) => store.Write(work);
}
