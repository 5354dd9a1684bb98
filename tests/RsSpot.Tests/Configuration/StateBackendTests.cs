using RsSpot.Configuration;
using RsSpot.State;

namespace RsSpot.Tests.Configuration;

/// <summary>Which backend holds the shared state: the environment over the file, a connection string implying postgres.</summary>
public sealed class StateBackendTests
{
    private const string Server = "Host=db.example;Database=fleet;Username=fleet;Password=hunter2";

    private static IEnumerable<TestCaseData> Cases()
    {
        yield return new TestCaseData("profiles: {}\n", new Dictionary<string, string?>(), "sqlite", "default").SetName("nothing set: state.db");
        yield return new TestCaseData($"state:\n  connection_string: \"{Server}\"\n", new Dictionary<string, string?>(), "postgres", "config:state.connection_string")
            .SetName("a connection string in the file implies postgres");
        yield return new TestCaseData("profiles: {}\n", new Dictionary<string, string?> { ["RSSPOT_STATE_CONNECTION"] = Server }, "postgres", "env:RSSPOT_STATE_CONNECTION")
            .SetName("the connection variable alone implies postgres");
        yield return new TestCaseData($"state:\n  backend: postgres\n  connection_string: \"{Server}\"\n", new Dictionary<string, string?> { ["RSSPOT_STATE_BACKEND"] = "sqlite" }, "sqlite", "env:RSSPOT_STATE_BACKEND")
            .SetName("the backend variable outranks the file");
        yield return new TestCaseData("state:\n  backend: postgres\n", new Dictionary<string, string?> { ["RSSPOT_STATE_CONNECTION"] = Server }, "postgres", "config:state.backend")
            .SetName("the file's backend with the variable's connection string");
    }

    [TestCaseSource(nameof(Cases))]
    public void The_backend_and_its_source_are_resolved(string config, Dictionary<string, string?> variables, string backend, string source)
    {
        using var home = new TempHome(variables);
        home.Write(".config/rsspot/config.yml", config);

        var shared = ConfigResolver.SharedStateFor(home.Load(), home.Environment);

        Assert.Multiple(() =>
        {
            Assert.That((shared.Backend, shared.Source), Is.EqualTo((backend, source)));
            Assert.That(shared.ConnectionString, backend == "postgres" ? Is.EqualTo(Server) : Is.Null);
            Assert.That(shared.ToString(), Does.Not.Contain("hunter2"));
        });
    }

    [Test]
    public void An_invalid_backend_variable_is_an_error_naming_it()
    {
        using var home = new TempHome(new Dictionary<string, string?> { ["RSSPOT_STATE_BACKEND"] = "mysql" });

        Assert.That(() => ConfigResolver.SharedStateFor(home.Load(), home.Environment),
            Throws.TypeOf<SpotConfigurationException>().With.Message.Contain("RSSPOT_STATE_BACKEND").And.Message.Contain("'sqlite' or 'postgres'"));
    }

    [Test]
    public void The_file_keeps_the_state_block_through_a_save()
    {
        using var home = new TempHome();
        var path = home.Write(".config/rsspot/config.yml", $"state:\n  backend: postgres\n  connection_string: \"{Server}\"\nprofiles:\n  p: {{}}\n");

        new ProfileManager(path).Upsert("q", new ProfileUpdate { Region = "r" });

        Assert.That(ConfigResolver.SharedStateFor(home.Load(), home.Environment), Is.EqualTo(SharedStateSettings.OnPostgres(Server, "config:state.backend")));
    }
}
