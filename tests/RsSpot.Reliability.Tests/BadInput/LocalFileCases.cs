using static RsSpot.Reliability.Tests.BadInput.BadInputCase;

namespace RsSpot.Reliability.Tests.BadInput;

/// <summary>Local files in the way: a directory where a file belongs, a dangling link, a kubeconfig that is not one. Each named, none changed.</summary>
public static class LocalFileCases
{
    public static IEnumerable<BadInputCase> All()
    {
        yield return new("state.db is a directory", Usage, ["regions", "list"], lab => Directory(lab, lab.StatePath), "state.db");
        yield return new("sandbox.db is a directory", Usage, ["--sandbox", "regions", "list"], lab => Directory(lab, Path.Combine(lab.ConfigDirectory, "sandbox.db")), "sandbox.db");
        yield return new("config.yml is a directory", Usage, ["regions", "list"], lab =>
        {
            File.Delete(lab.ConfigPath);
            return Directory(lab, lab.ConfigPath);
        }, "config.yml");
        yield return new("-c names a directory", Usage, ["-c", "/tmp", "regions", "list"], Containing: "/tmp");
        yield return new("config.yml is a dangling link", Usage, ["regions", "list"], lab =>
        {
            File.Delete(lab.ConfigPath);
            File.CreateSymbolicLink(lab.ConfigPath, Path.Combine(lab.Home, "gone.yml"));
            return Task.CompletedTask;
        }, "config.yml");
        yield return new("~/.spot_config is a directory", Usage, ["regions", "list"], lab =>
        {
            File.Delete(lab.ConfigPath);
            return Directory(lab, Path.Combine(lab.Home, ".spot_config"));
        }, ".spot_config");

        string[] kubeconfigs =
        [
            "clusters: [\n  broken",
            "- a\n- list\n",
            "clusters: 5\n",
            "users: {}\n",
            "a: 1\na: 2\n",
            "---\nclusters: []\n---\nusers: []\n",
            "clusters:\n\t- name: tab\n",
            "\u0000\u0001binary",
        ];
        foreach (var (text, index) in kubeconfigs.Select((text, index) => (text, index)))
        {
            yield return new($"a malformed ~/.kube/config (#{index + 1})", Failure, ["cloudspaces", "get-config", "lab", "--merge"], lab => Kubeconfig(lab, text), ".kube/config");
        }

        yield return new("~/.kube/config is a directory", Failure, ["cloudspaces", "get-config", "lab", "--merge"], lab => Directory(lab, Path.Combine(lab.Home, ".kube", "config")), ".kube/config");
        yield return new("--file names a directory", Failure, ["cloudspaces", "get-config", "lab", "--file", "/tmp"], Containing: "/tmp");
    }

    private static Task Directory(Support.Lab lab, string path)
    {
        System.IO.Directory.CreateDirectory(path);
        return Task.CompletedTask;
    }

    private static Task Kubeconfig(Support.Lab lab, string text)
    {
        System.IO.Directory.CreateDirectory(Path.Combine(lab.Home, ".kube"));
        return File.WriteAllTextAsync(Path.Combine(lab.Home, ".kube", "config"), text);
    }
}
