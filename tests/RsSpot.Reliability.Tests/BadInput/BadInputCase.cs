using RsSpot.Reliability.Tests.Support;

namespace RsSpot.Reliability.Tests.BadInput;

/// <summary>One hostile input: how to set it up, the command line that meets it, and the documented exit code.</summary>
/// <param name="Name">What is wrong, in words (the test's name).</param>
/// <param name="ExitCode">The exit code README.md documents for it.</param>
/// <param name="Args">The rsspot command line.</param>
/// <param name="Arrange">Puts the bad input in place (a file, a fault); null when the command line is the bad input.</param>
/// <param name="Containing">Text the error line must contain, when the case has a telling one.</param>
public sealed record BadInputCase(string Name, int ExitCode, string[] Args, Func<Lab, Task>? Arrange = null, string? Containing = null)
{
    public const int Failure = 1;
    public const int Usage = 2;
    public const int Authentication = 3;
    public const int NotFound = 4;

    public override string ToString() => Name;
}
