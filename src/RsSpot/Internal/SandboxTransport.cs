using System.Reflection;

namespace RsSpot.Internal;

/// <summary>
/// Finds the sandbox of the optional RsSpot.Emulator package at run time. The SDK does not reference the emulator
/// (SDK users should not carry it), so sandbox mode works exactly when the application also references that package,
/// and otherwise fails with the line that fixes it.
/// </summary>
internal static class SandboxTransport
{
    /// <summary>The emulator's entry point: <c>RsSpot.Emulator.SpotSandbox</c>, loaded by name.</summary>
    internal const string EntryPoint = "RsSpot.Emulator.SpotSandbox, RsSpot.Emulator";

    internal const string InstallHint = "sandbox mode needs the RsSpot.Emulator package: dotnet add package RsSpot.Emulator";

    internal delegate HttpMessageHandler CreateHandler(string? stateDirectory, TimeProvider clock, TimeSpan provisioningDelay, Action<string>? notice);

    private static readonly Lazy<(CreateHandler Create, string RefreshToken)> Sandbox = new(() => Discover(EntryPoint));

    /// <summary>The refresh token the sandbox accepts (the user's own credentials never reach it).</summary>
    public static string RefreshToken => Sandbox.Value.RefreshToken;

    /// <summary>
    /// A fresh emulator transport keeping its world in sandbox.db inside <paramref name="stateDirectory"/> (null: in
    /// memory); <paramref name="notice"/> hears, once, that an unreadable sandbox.db was moved aside.
    /// </summary>
    /// <exception cref="SpotConfigurationException">sandbox.db cannot be opened (a directory in its place, no permission).</exception>
    public static HttpMessageHandler Create(string? stateDirectory, TimeProvider clock, TimeSpan provisioningDelay, Action<string>? notice = null)
    {
        var create = Sandbox.Value.Create;
        try
        {
            return create(stateDirectory, clock, provisioningDelay, notice);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            throw new SpotConfigurationException($"cannot open the sandbox: {e.Message}", stateDirectory, e);
        }
    }

    /// <summary>Loads <paramref name="entryPoint"/> (an assembly-qualified type name) and binds its sandbox members.</summary>
    internal static (CreateHandler Create, string RefreshToken) Discover(string entryPoint)
    {
        var type = LoadType(entryPoint) ?? throw new SpotConfigurationException(InstallHint);
        var method = type.GetMethod(nameof(CreateHandler), BindingFlags.Public | BindingFlags.Static, [typeof(string), typeof(TimeProvider), typeof(TimeSpan), typeof(Action<string>)]);
        if (method?.ReturnType != typeof(HttpMessageHandler) || type.GetField("RefreshToken")?.GetRawConstantValue() is not string token)
        {
            throw new SpotConfigurationException(
                $"RsSpot.Emulator {type.Assembly.GetName().Version} has no sandbox entry point this RsSpot understands: install the RsSpot.Emulator version matching RsSpot {typeof(SandboxTransport).Assembly.GetName().Version}");
        }

        return (method.CreateDelegate<CreateHandler>(), token);
    }

    private static Type? LoadType(string name)
    {
        try
        {
            return Type.GetType(name, throwOnError: false);
        }
        catch (FileLoadException)
        {
            return null;
        }
        catch (BadImageFormatException)
        {
            return null;
        }
    }
}
