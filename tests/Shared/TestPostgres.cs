using Dapper;
using Npgsql;

namespace RsSpot.Testing;

/// <summary>Where a shared-state suite keeps the registration ledger.</summary>
public enum SharedBackend
{
    /// <summary>state.db (the default).</summary>
    Sqlite,

    /// <summary>The PostgreSQL server of <see cref="TestPostgres.Variable"/>.</summary>
    Postgres,
}

/// <summary>
/// The PostgreSQL server of the shared-state tests: the connection string in <see cref="Variable"/>, which
/// build/test.sh sets after starting a throwaway cluster with build/postgres.sh. Without one a test is ignored with
/// the reason, except in CI (CI set, or RSSPOT_REQUIRE_POSTGRES=1 as .ci/run sets), where a missing server fails it. Each fixture works in a schema of its own.
/// </summary>
internal static class TestPostgres
{
    public const string Variable = "RSSPOT_TEST_POSTGRES";

    /// <summary>Set to 1 (as .ci/run does) to fail instead of skip when no server is available.</summary>
    public const string RequiredVariable = "RSSPOT_REQUIRE_POSTGRES";

    private static readonly Lazy<string?> Problem = new(Probe);

    /// <summary>The server's connection string; ignores (outside CI) or fails (in CI) the calling test when there is none.</summary>
    public static string RequireServer()
    {
        if (Problem.Value is { } problem)
        {
            var reason = $"no PostgreSQL server for the shared-state tests: {problem} (./build/test.sh starts one with build/postgres.sh)";
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")) || Environment.GetEnvironmentVariable(RequiredVariable) == "1")
            {
                Assert.Fail(reason);
            }

            Assert.Ignore(reason);
        }

        return Environment.GetEnvironmentVariable(Variable)!;
    }

    /// <summary>A fresh, empty schema on the server (dropped by <see cref="TestSchema.Dispose"/>).</summary>
    public static TestSchema CreateSchema()
    {
        var server = RequireServer();
        var name = $"t_{Guid.NewGuid():N}";
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            connection.Execute($"CREATE SCHEMA {name}");
        }

        return new TestSchema(server, name);
    }

    private static string? Probe()
    {
        var server = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(server))
        {
            return $"{Variable} is not set";
        }

        try
        {
            using var connection = new NpgsqlConnection(server);
            connection.Open();
            return null;
        }
        catch (Exception ex) when (ex is NpgsqlException or ArgumentException)
        {
            return $"cannot connect ({ex.Message})";
        }
    }
}

/// <summary>A schema of the test server; <see cref="ConnectionString"/> puts it first on the search path.</summary>
internal sealed class TestSchema(string server, string name) : IDisposable
{
    public string Name { get; } = name;

    public string ConnectionString { get; } = new NpgsqlConnectionStringBuilder(server) { SearchPath = name }.ConnectionString;

    /// <summary>Runs <paramref name="sql"/> in the schema.</summary>
    public int Execute(string sql, object? parameters = null)
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        return connection.Execute(sql, parameters);
    }

    /// <summary>Runs a scalar query in the schema.</summary>
    public T Scalar<T>(string sql, object? parameters = null)
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        return connection.ExecuteScalar<T>(sql, parameters)!;
    }

    public void Dispose()
    {
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        connection.Execute($"DROP SCHEMA IF EXISTS {Name} CASCADE");
    }
}
