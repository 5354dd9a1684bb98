using System.Data.Common;

namespace RsSpot.State;

/// <summary>
/// Where the shared parts of the state live: <see cref="Sqlite"/> (state.db, the default) or <see cref="Postgres"/>
/// with its connection string. Resolved from <c>state.backend</c> / <c>state.connection_string</c> and their
/// environment variables; the connection string is shown only through <see cref="Mask"/>.
/// </summary>
/// <param name="Backend"><see cref="Sqlite"/> or <see cref="Postgres"/>.</param>
/// <param name="ConnectionString">The PostgreSQL connection string (keyword=value form); null for sqlite.</param>
/// <param name="Source">What chose the backend (<c>default</c>, <c>config:state.backend</c>, <c>env:RSSPOT_STATE_BACKEND</c>, ...).</param>
internal sealed record SharedStateSettings(string Backend, string? ConnectionString, string Source)
{
    /// <summary>The embedded default: the shared parts live in state.db.</summary>
    public const string Sqlite = "sqlite";

    /// <summary>A PostgreSQL server shared by several machines.</summary>
    public const string Postgres = "postgres";

    /// <summary>What a password is shown as.</summary>
    public const string MaskedPassword = "***";

    /// <summary>state.db holds everything.</summary>
    public static SharedStateSettings Local { get; } = new(Sqlite, null, "default");

    /// <summary>The shared parts on the PostgreSQL server at <paramref name="connectionString"/>.</summary>
    public static SharedStateSettings OnPostgres(string connectionString, string source) =>
        new(Postgres, string.IsNullOrWhiteSpace(connectionString) ? throw new SpotConfigurationException("the PostgreSQL connection string is empty") : connectionString, source);

    /// <summary>
    /// <paramref name="connectionString"/> with its password replaced by <see cref="MaskedPassword"/>; a string that does
    /// not parse is masked whole, since where its password sits is unknown.
    /// </summary>
    public static string Mask(string connectionString)
    {
        try
        {
            var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
            foreach (var key in builder.Keys.Cast<string>().Where(IsPasswordKey).ToList())
            {
                builder[key] = MaskedPassword;
            }

            return builder.ConnectionString;
        }
        catch (ArgumentException)
        {
            return MaskedPassword;
        }
    }

    /// <summary>Shown instead of <see cref="ConnectionString"/>.</summary>
    public override string ToString() => ConnectionString is null ? Backend : $"{Backend} ({Mask(ConnectionString)})";

    private static bool IsPasswordKey(string key) => key.Equals("password", StringComparison.OrdinalIgnoreCase) || key.Equals("pwd", StringComparison.OrdinalIgnoreCase);
}
