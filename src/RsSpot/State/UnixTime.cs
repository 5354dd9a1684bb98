namespace RsSpot.State;

/// <summary>state.db stores instants as Unix milliseconds (INTEGER) so they sort and compare in SQL.</summary>
internal static class UnixTime
{
    public static long ToMs(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromMs(long value) => DateTimeOffset.FromUnixTimeMilliseconds(value);

    public static DateTimeOffset? FromMs(long? value) => value is { } ms ? FromMs(ms) : null;

    public static long? ToMs(DateTimeOffset? value) => value is { } v ? ToMs(v) : null;
}
