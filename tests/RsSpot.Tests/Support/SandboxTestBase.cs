namespace RsSpot.Tests.Support;

/// <summary>
/// Dual-mode client tests against the in-process emulator (sandbox mode), each fixture run with its own state.db
/// and sandbox.db in a temporary directory.
/// </summary>
public abstract class SandboxTestBase(bool isAsync) : ClientTestBase(isAsync)
{
    protected string Directory { get; private set; } = null!;

    [SetUp]
    public void UseSandbox()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("rsspot-sandbox-").FullName;
        UseClient(Sandbox());
    }

    [TearDown]
    public void DeleteSandbox() => System.IO.Directory.Delete(Directory, recursive: true);

    /// <summary>Options of a fresh sandbox client over this fixture's files (what a second process would use).</summary>
    protected SpotClientOptions Sandbox() => Options(o =>
    {
        o.Sandbox = true;
        o.UseStateStore = true;
        o.Org = null;
        o.RefreshToken = null;
        o.Transport = null;
        o.StatePath = Path.Combine(Directory, "state.db");
    });
}
