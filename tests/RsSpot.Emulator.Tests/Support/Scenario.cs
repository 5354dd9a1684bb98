using Newtonsoft.Json.Linq;

namespace RsSpot.Emulator.Tests.Support;

/// <summary>Request bodies and names shared by the tests.</summary>
internal static class Scenario
{
    public const string SpotPool = "5f0c8a2e-3b1d-4c7e-9a6f-2d8e1b4c7a90";
    public const string OnDemandPool = "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d";

    public static JObject CloudspaceBody(string name, string region = "us-central-dfw-1") => new()
    {
        ["apiVersion"] = "ngpc.rxt.io/v1",
        ["kind"] = "CloudSpace",
        ["metadata"] = new JObject { ["name"] = name, ["namespace"] = SpotTestClient.Namespace, ["annotations"] = new JObject() },
        ["spec"] = new JObject
        {
            ["deploymentType"] = "gen2",
            ["cloud"] = "default",
            ["region"] = region,
            ["webhook"] = string.Empty,
            ["cni"] = "calico",
            ["kubernetesVersion"] = "1.31.1",
            ["HAControlPlane"] = false,
            ["gpuEnabled"] = false,
        },
    };

    public static JObject SpotPoolBody(string name, string cloudspace, string serverClass = "gp.vs1.medium-dfw", string bid = "0.500", object? autoscaling = null)
    {
        var spec = new JObject
        {
            ["serverClass"] = serverClass,
            ["cloudSpace"] = cloudspace,
            ["desired"] = 2,
            ["bidPrice"] = bid,
            ["customLabels"] = new JObject { ["team"] = "data" },
        };
        if (autoscaling is not null)
        {
            spec["autoscaling"] = JObject.FromObject(autoscaling);
        }

        return new JObject
        {
            ["apiVersion"] = "ngpc.rxt.io/v1",
            ["kind"] = "SpotNodePool",
            ["metadata"] = new JObject { ["name"] = name, ["namespace"] = SpotTestClient.Namespace },
            ["spec"] = spec,
        };
    }

    public static JObject OnDemandPoolBody(string name, string cloudspace, string serverClass = "gp.vs1.large-dfw") => new()
    {
        ["apiVersion"] = "ngpc.rxt.io/v1",
        ["kind"] = "OnDemandNodePool",
        ["metadata"] = new JObject { ["name"] = name, ["namespace"] = SpotTestClient.Namespace },
        ["spec"] = new JObject { ["serverClass"] = serverClass, ["cloudSpace"] = cloudspace, ["desired"] = 1 },
    };

    /// <summary>Logs in and creates cloudspace "demo" with one spot and one on-demand pool.</summary>
    public static async Task SeedAsync(SpotTestClient client)
    {
        await client.LoginAsync();
        Assert.That((await client.CreateCloudspaceAsync("demo")).Status, Is.EqualTo(201));
        Assert.That((await client.CreateSpotPoolAsync(SpotPool, "demo")).Status, Is.EqualTo(201));
        Assert.That((await client.SendAsync(HttpMethod.Post, SpotTestClient.OnDemandPools, OnDemandPoolBody(OnDemandPool, "demo"))).Status, Is.EqualTo(201));
    }
}
