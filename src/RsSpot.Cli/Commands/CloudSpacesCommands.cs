using Cocona;
using RsSpot.Cli.Infrastructure;
using RsSpot.Cli.Progress;
using RsSpot.Internal.IO;
using RsSpot.Models;

namespace RsSpot.Cli.Commands;

/// <summary><c>rsspot cloudspaces list|get|create|update|delete|get-config</c>: managed Kubernetes clusters.</summary>
internal sealed class CloudSpacesCommands(CliContext context)
{
    private const string OrgHelp = "Organization name, id or namespace (default: the configured one)";

    [Command("list", Description = "List the cloudspaces of the organization")]
    [SpotOperation("CloudSpaces_List")]
    public async Task List([Option("org", Description = OrgHelp)] string? org = null)
    {
        var cloudSpaces = await context.Client.CloudSpaces.ListAsync(org, context.CancellationToken).ConfigureAwait(false);
        context.Output.WriteList(cloudSpaces, Row);
    }

    [Command("get", Description = "Show one cloudspace")]
    [SpotOperation("CloudSpaces_Get")]
    public async Task Get([Argument(Description = "Cloudspace name")] string name, [Option("org", Description = OrgHelp)] string? org = null) =>
        context.Output.Write(await context.Client.CloudSpaces.GetAsync(name, org, context.CancellationToken).ConfigureAwait(false));

    [Command("create", Description = "Create a cloudspace (it starts Provisioning; --wait blocks until it is Ready)")]
    [SpotOperation("CloudSpaces_Create")]
    public async Task Create(
        [Option("name", Description = "Cloudspace name (lowercase DNS label)")] string name,
        [Option("region", Description = "Region, e.g. us-central-dfw-1")] string region,
        [Option("kubernetes-version", Description = "Kubernetes version")] string kubernetesVersion = CreateCloudSpaceRequest.DefaultKubernetesVersion,
        [Option("cni", Description = "Network plugin: calico, cilium or byocni")] string cni = "calico",
        [Option("cloud", Description = "Cloud flavour")] string cloud = "default",
        [Option("deployment-type", Description = "Deployment type")] string deploymentType = "gen2",
        [Option("ha-control-plane", Description = "Highly available control plane")] bool haControlPlane = false,
        [Option("gpu-enabled", Description = "Allow GPU pools")] bool gpuEnabled = false,
        [Option("webhook", Description = "URL called before servers are pre-empted")] string? webhook = null,
        [Option("wait", Description = "Wait until the cloudspace is Ready")] bool wait = false,
        [Option("wait-timeout", Description = "Longest wait: seconds or 10m, 1h")] string waitTimeout = "30m",
        [Option("org", Description = OrgHelp)] string? org = null)
    {
        context.RefuseChanges($"creating cloudspace '{name}'");
        // Parsed before creating anything, so a bad --timeout never leaves a cloudspace behind.
        var limit = OptionValues.Duration(waitTimeout, "wait-timeout");
        var request = new CreateCloudSpaceRequest
        {
            Name = name,
            Region = region,
            KubernetesVersion = kubernetesVersion,
            Cni = cni,
            Cloud = cloud,
            DeploymentType = deploymentType,
            HAControlPlane = haControlPlane,
            GpuEnabled = gpuEnabled,
            Webhook = webhook,
        };
        var created = await context.Client.CloudSpaces.CreateAsync(request, org, context.CancellationToken).ConfigureAwait(false);
        await WriteOrWaitAsync(created, "created", wait ? limit : null, org).ConfigureAwait(false);
    }

    [Command("update", Description = "Change a cloudspace; only the options given are sent")]
    [SpotOperation("CloudSpaces_Patch")]
    [SpotOperation("CloudSpaces_Replace")]
    public async Task Update(
        [Argument(Description = "Cloudspace name")] string name,
        [Option("kubernetes-version", Description = "New Kubernetes version")] string? kubernetesVersion = null,
        [Option("ha-control-plane", Description = "true or false")] string? haControlPlane = null,
        [Option("gpu-enabled", Description = "true or false")] string? gpuEnabled = null,
        [Option("webhook", Description = "New pre-emption webhook URL (\"\" clears it)")] string? webhook = null,
        [Option("if-resource-version", Description = "Only update if the cloudspace is still at this resourceVersion")] string? ifResourceVersion = null,
        [Option("wait", Description = "Wait until the cloudspace is Ready again")] bool wait = false,
        [Option("wait-timeout", Description = "Longest wait: seconds or 10m, 1h")] string waitTimeout = "30m",
        [Option("org", Description = OrgHelp)] string? org = null)
    {
        context.RefuseChanges($"updating cloudspace '{name}'");
        var limit = OptionValues.Duration(waitTimeout, "wait-timeout");
        var request = new UpdateCloudSpaceRequest
        {
            KubernetesVersion = kubernetesVersion,
            HAControlPlane = OptionValues.Boolean(haControlPlane, "ha-control-plane"),
            GpuEnabled = OptionValues.Boolean(gpuEnabled, "gpu-enabled"),
            Webhook = webhook,
        };
        if (request.IsEmpty)
        {
            throw new UsageException("nothing to update: give at least one of --kubernetes-version, --ha-control-plane, --gpu-enabled, --webhook");
        }

        var updated = await context.Client.CloudSpaces.UpdateAsync(name, request, ifResourceVersion, org, context.CancellationToken).ConfigureAwait(false);
        await WriteOrWaitAsync(updated, "updated", wait ? limit : null, org).ConfigureAwait(false);
    }

    [Command("delete", Description = "Delete a cloudspace and its node pools")]
    [SpotOperation("CloudSpaces_Delete")]
    public async Task Delete(
        [Argument(Description = "Cloudspace name")] string name,
        [Option("yes", ['y'], Description = "Do not ask for confirmation")] bool yes = false,
        [Option("org", Description = OrgHelp)] string? org = null)
    {
        context.RefuseChanges($"deleting cloudspace '{name}'");
        context.Confirm($"delete cloudspace '{name}' and all its node pools?", yes);
        await context.Client.CloudSpaces.DeleteAsync(name, org, context.CancellationToken).ConfigureAwait(false);
        context.Output.Write(new { Deleted = "cloudspace", Name = name });
    }

    [Command("get-config", Description = "Print a kubeconfig for a cloudspace, or write or merge it into a file (--exec: one that never expires)")]
    [SpotOperation("Kubeconfig_Generate")]
    [SpotOperation("CloudSpaces_Get")]
    public async Task GetConfig(
        [Argument(Description = "Cloudspace name")] string name,
        [Option("file", ['f'], Description = "Write the kubeconfig to this file (mode 0600)")] string? file = null,
        [Option("merge", Description = "Merge into the file (default ~/.kube/config) instead of replacing it")] bool merge = false,
        [Option("exec", Description = "Authenticate with 'rsspot auth kube-token' (a fresh token on every use) instead of a token that expires")] bool exec = false,
        [Option("org", Description = OrgHelp)] string? org = null)
    {
        var kubeconfig = await context.Client.CloudSpaces.GetKubeconfigAsync(name, org, context.CancellationToken).ConfigureAwait(false);
        if (exec)
        {
            kubeconfig = await ExecKubeconfigAsync(name, kubeconfig, org).ConfigureAwait(false);
        }

        var path = file ?? (merge ? Path.Combine(context.Environment.HomeDirectory, ".kube", "config") : null);
        if (path is null)
        {
            context.Output.WriteText(kubeconfig.TrimEnd());
            return;
        }

        if (merge && File.Exists(path))
        {
            var existing = await File.ReadAllTextAsync(path, context.CancellationToken).ConfigureAwait(false);
            kubeconfig = KubeconfigMerger.Merge(existing, kubeconfig, path);
        }

        PrivateFile.Write(path, kubeconfig);
        context.Output.Note($"{(merge ? "merged kubeconfig into" : "wrote kubeconfig to")} {path}");
    }

    /// <summary>Prints the cloudspace, or with a timeout waits until it is Ready and prints its final state (exit 5-11 otherwise).</summary>
    private async Task WriteOrWaitAsync(CloudSpace cloudSpace, string done, TimeSpan? timeout, string? org)
    {
        if (timeout is not { } limit)
        {
            context.Output.Write(cloudSpace);
            return;
        }

        // Said up front: if the wait times out or is interrupted, the cloudspace still exists.
        context.Output.Note($"{done} cloudspace {cloudSpace.Name}; waiting for it to be Ready (Ctrl+C stops the wait, not the cloudspace)");
        await Waits.CloudSpaceAsync(context, cloudSpace.Name, limit, org).ConfigureAwait(false);
    }

    /// <summary>The exec-credential kubeconfig: server from the cloudspace's API endpoint, user running this tool's kube-token.</summary>
    private async Task<string> ExecKubeconfigAsync(string name, string generated, string? org)
    {
        var cloudSpace = await context.Client.CloudSpaces.GetAsync(name, org, context.CancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(cloudSpace.ApiServerEndpoint))
        {
            throw new SpotException($"cloudspace {name} has no API endpoint yet (phase {cloudSpace.Phase ?? "unknown"}): run 'rsspot wait cloudspace {name}' first");
        }

        var orgName = await context.Client.ResolveOrgNameAsync(org, context.CancellationToken).ConfigureAwait(false);
        var profile = context.Client.ProfileName;
        var server = cloudSpace.ApiServerEndpoint.Contains("://", StringComparison.Ordinal) ? cloudSpace.ApiServerEndpoint : $"https://{cloudSpace.ApiServerEndpoint}";
        List<string> command = [.. context.Environment.ToolCommand, "auth", "kube-token", "--profile", profile];
        if (context.Options.Sandbox)
        {
            command.Add("--sandbox");
        }

        if (context.Options.ConfigFile is { } configFile)
        {
            command.AddRange(["--config-file", Path.GetFullPath(context.ConfigEnvironment.ExpandPath(configFile))]);
        }

        var user = context.Options.Sandbox ? $"rsspot-sandbox-{profile}" : $"rsspot-{profile}";
        return ExecKubeconfig.Build(generated, server, new ExecIdentity($"{orgName}-{name}", user, command));
    }

    private static object Row(CloudSpace c) => new
    {
        c.Name,
        c.Region,
        c.Phase,
        c.Health,
        Kubernetes = c.CurrentKubernetesVersion ?? c.KubernetesVersion,
        HA = c.HAControlPlane,
        SpotPools = c.SpotNodePools.Count,
        OnDemandPools = c.OnDemandNodePools.Count,
        Servers = c.AssignedServers.Count,
        c.CreatedAt,
    };
}
