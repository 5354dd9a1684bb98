namespace RsSpot.Tests.Configuration;

/// <summary>A fixture whose every test gets a fresh temporary home directory (and never touches the real one).</summary>
public abstract class TempHomeFixture
{
    internal TempHome Home { get; private set; } = null!;

    [SetUp]
    public void CreateHome() => Home = new TempHome();

    [TearDown]
    public void DeleteHome() => Home.Dispose();
}
