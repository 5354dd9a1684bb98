namespace RsSpot;

/// <summary>
/// Read-only mode (<see cref="SpotClientOptions.ReadOnly"/>, <c>RSSPOT_READ_ONLY</c>, a profile's <c>read_only</c>,
/// the CLI's <c>--read-only</c>) refused a call that would change something. It is raised before any request of that
/// call is sent; reads, the caches and the local history keep working.
/// </summary>
public sealed class SpotReadOnlyException : SpotException
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">What was refused and what turned read-only mode on.</param>
    public SpotReadOnlyException(string message)
        : base(message, null, "ReadOnly", null)
    {
    }
}
