using Microsoft.Data.Sqlite;

namespace RsSpot.State;

/// <summary>
/// Plain ADO.NET commands for the statements every command runs (opening state.db, the HTTP-cache and token-cache
/// reads, preferences, the history insert). Dapper builds and JIT-compiles a mapper per statement and type on first
/// use, which a short-lived CLI process pays every time; the rest of the store keeps Dapper.
/// </summary>
internal static class Sql
{
    /// <summary>A command with named parameters (<c>@name</c>), inside <paramref name="transaction"/> when given.</summary>
    public static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string text, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = text;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    /// <summary>Runs a statement; returns the rows it changed.</summary>
    public static int Execute(SqliteConnection connection, SqliteTransaction? transaction, string text, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        using var command = Command(connection, transaction, text, parameters);
        return command.ExecuteNonQuery();
    }

    /// <summary>The first column of the first row, or null (no row, or SQL NULL).</summary>
    public static object? Scalar(SqliteConnection connection, SqliteTransaction? transaction, string text, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        using var command = Command(connection, transaction, text, parameters);
        return command.ExecuteScalar() is var value and not DBNull ? value : null;
    }

    /// <summary>The first row read by <paramref name="read"/>, or null when there is none.</summary>
    public static T? Single<T>(SqliteConnection connection, string text, Func<SqliteDataReader, T> read, params ReadOnlySpan<(string Name, object? Value)> parameters)
        where T : class
    {
        using var command = Command(connection, null, text, parameters);
        using var reader = command.ExecuteReader();
        return reader.Read() ? read(reader) : null;
    }

    /// <summary>A nullable column as its CLR value.</summary>
    public static string? NullableString(this SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
