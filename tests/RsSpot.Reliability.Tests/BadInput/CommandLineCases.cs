using static RsSpot.Reliability.Tests.BadInput.BadInputCase;

namespace RsSpot.Reliability.Tests.BadInput;

/// <summary>Command lines a user can get wrong: unknown words, missing and malformed values. Exit 2 unless a thing named is missing (4).</summary>
public static class CommandLineCases
{
    private const string Pool = "5f0c8a2e-3b1d-4c7e-9a6f-2d8e1b4c7a90";

    public static IEnumerable<BadInputCase> All()
    {
        (string Name, int Code, string[] Args)[] cases =
        [
            ("an unknown command", Usage, ["regionz", "list"]),
            ("an unknown subcommand", Usage, ["regions", "purge"]),
            ("an unknown option", Usage, ["regions", "list", "--colour"]),
            ("an unknown output format", Usage, ["-o", "xml", "regions", "list"]),
            ("-o without a value", Usage, ["regions", "list", "-o"]),
            ("-p without a value", Usage, ["-p"]),
            ("a zero --timeout", Usage, ["--timeout", "0", "regions", "list"]),
            ("a --timeout that is no duration", Usage, ["--timeout", "soon", "regions", "list"]),
            ("a --timeout over a day", Usage, ["--timeout", "48h", "regions", "list"]),
            ("--sandbox with a value", Usage, ["--sandbox=maybe", "regions", "list"]),
            ("a profile that does not exist", NotFound, ["-p", "nowhere", "regions", "list"]),
            ("using a profile that does not exist", NotFound, ["profiles", "use", "nowhere"]),
            ("an empty config path", Usage, ["-c", "", "regions", "list"]),
            ("a config path that does not exist", NotFound, ["-c", "~/nonexistent/rsspot.yml", "regions", "list"]),
            ("a non-numeric --min-cpu", Usage, ["pricing", "list", "--min-cpu", "four"]),
            ("zero nodes to plan", Usage, ["pricing", "build", "--nodes", "0"]),
            ("negative nodes to plan", Usage, ["pricing", "build", "--nodes", "-3"]),
            ("an unknown risk level", Usage, ["pricing", "build", "--nodes", "3", "--risk", "extreme"]),
            ("a pool without its server class", Usage, ["nodepools", "spot", "create", "--cloudspace", "lab", "--bid-price", "0.02"]),
            ("a bid with four decimals", Usage, ["nodepools", "spot", "create", "--cloudspace", "lab", "--server-class", "gp.vs1.large-dfw", "--bid-price", "0.0125"]),
            ("a bid that is no number", Usage, ["nodepools", "spot", "create", "--cloudspace", "lab", "--server-class", "gp.vs1.large-dfw", "--bid-price", "cheap"]),
            ("a bid below the class's minimum", Usage, ["nodepools", "spot", "create", "--cloudspace", "lab", "--server-class", "gp.vs1.large-dfw", "--bid-price", "0.001"]),
            ("a negative desired count", Usage, ["nodepools", "spot", "create", "--cloudspace", "lab", "--server-class", "gp.vs1.large-dfw", "--bid-price", "0.02", "--desired", "-1"]),
            ("a taint without an effect", Usage, ["nodepools", "spot", "create", "--cloudspace", "lab", "--server-class", "gp.vs1.large-dfw", "--bid-price", "0.02", "--taint", "dedicated"]),
            ("a label without a key", Usage, ["nodepools", "spot", "create", "--cloudspace", "lab", "--server-class", "gp.vs1.large-dfw", "--bid-price", "0.02", "--label", "=x"]),
            ("a pool name that is no UUID", Usage, ["nodepools", "spot", "create", "--cloudspace", "lab", "--server-class", "gp.vs1.large-dfw", "--bid-price", "0.02", "--name", "My Pool"]),
            ("autoscaling without bounds", Usage, ["nodepools", "spot", "create", "--cloudspace", "lab", "--server-class", "gp.vs1.large-dfw", "--bid-price", "0.02", "--autoscaling"]),
            ("an update that changes nothing", Usage, ["nodepools", "spot", "update", Pool]),
            ("a cloudspace name with capitals", Usage, ["cloudspaces", "create", "--name", "Bad_Name", "--region", "us-central-dfw-1"]),
            ("a zero --wait-timeout", Usage, ["cloudspaces", "create", "--name", "web", "--region", "us-central-dfw-1", "--wait", "--wait-timeout", "0"]),
            ("a delete without confirmation off a terminal", Usage, ["cloudspaces", "delete", "lab"]),
            ("a cloudspace that does not exist", NotFound, ["cloudspaces", "get", "nowhere"]),
            ("the kubeconfig of a cloudspace that does not exist", NotFound, ["cloudspaces", "get-config", "nowhere"]),
            ("a pool that does not exist", NotFound, ["nodepools", "spot", "get", Pool]),
            ("a region that does not exist", NotFound, ["regions", "get", "mars-1"]),
            ("a history limit that is no number", Usage, ["history", "list", "-n", "many"]),
            ("a raw request with a body that is no JSON", Usage, ["raw", "--method", "POST", "--path", "/apis/ngpc.rxt.io/v1/namespaces/org-x/cloudspaces", "--body-json", "{not json"]),
            ("a raw request with an unknown method", Usage, ["raw", "--method", "BREW", "--path", "/apis"]),
            ("a raw request without a path", Usage, ["raw", "--method", "GET"]),
            ("an emulator port out of range", Usage, ["emulator", "serve", "--port", "70000"]),
            ("a completion script for an unknown shell", Usage, ["completion", "tcsh"]),
        ];
        return cases.Select(c => new BadInputCase($"{c.Name} ({string.Join(' ', c.Args)})", c.Code, c.Args));
    }
}
