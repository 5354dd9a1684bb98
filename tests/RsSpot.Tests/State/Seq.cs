namespace RsSpot.Tests.State;

/// <summary>Expected sequences for assertions, written inline (a params array keeps CA1861 quiet).</summary>
internal static class Seq
{
    public static string[] Of(params string[] items) => items;
}
