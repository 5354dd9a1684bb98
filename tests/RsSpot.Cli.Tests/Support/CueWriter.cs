namespace RsSpot.Cli.Tests.Support;

/// <summary>A stderr that acts (sends a signal, say) once a line containing its cue is written.</summary>
internal sealed class CueWriter(string cue, Action act) : StringWriter(System.Globalization.CultureInfo.InvariantCulture)
{
    public override void WriteLine(string? value)
    {
        base.WriteLine(value);
        if (value?.Contains(cue, StringComparison.Ordinal) == true)
        {
            act();
        }
    }
}
