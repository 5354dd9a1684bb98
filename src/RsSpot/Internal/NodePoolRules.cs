using System.Text.RegularExpressions;
using RsSpot.Internal.Mapping;
using RsSpot.Models;

namespace RsSpot.Internal;

/// <summary>Client-side checks and conventions shared by spot and on-demand pools.</summary>
internal static partial class NodePoolRules
{
    /// <summary>The API requires lowercase UUID pool names (one is generated when the caller gives none).</summary>
    public static string? ValidateName(string? requested)
    {
        if (requested is null)
        {
            return null;
        }

        return LowercaseUuid().IsMatch(requested)
            ? requested
            : throw new SpotValidationException($"invalid pool name '{requested}': Spot requires a lowercase UUID (omit the name to have one generated)");
    }

    /// <summary>Selector of the pools of one cloudspace.</summary>
    public static string? SelectorFor(string? cloudSpace) =>
        string.IsNullOrEmpty(cloudSpace) ? null : $"{ResourceMapping.CloudSpaceLabel}={cloudSpace}";

    /// <summary>
    /// The create request of a pool that replaces <paramref name="old"/>: its cloudspace, size, node labels,
    /// annotations, taints and autoscaling, each overridden by <paramref name="changes"/> where set, with
    /// <paramref name="serverClass"/>, over <paramref name="fresh"/>.
    /// </summary>
    public static T Successor<T>(NodePool old, string serverClass, UpdateNodePoolRequest? changes, T fresh)
        where T : CreateNodePoolRequest
    {
        Require(!string.IsNullOrEmpty(old.CloudSpace), $"pool {old.Name} names no cloudspace, so it cannot be replaced");
        CreateNodePoolRequest shared = fresh;
        var successor = (T)(shared with
        {
            CloudSpace = old.CloudSpace!,
            ServerClass = serverClass,
            Desired = changes?.Desired ?? old.Desired,
            Autoscaling = changes?.Autoscaling ?? (old.Autoscaling is { Enabled: true } ? old.Autoscaling : null),
            CustomLabels = changes?.CustomLabels ?? old.CustomLabels,
            CustomAnnotations = changes?.CustomAnnotations ?? old.CustomAnnotations,
            CustomTaints = changes?.CustomTaints ?? old.CustomTaints,
        });

        // The create's own checks, run now: before the bid guard's lookups and before anything is created.
        Validate(successor);
        return successor;
    }

    public static void Validate(CreateNodePoolRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Require(!string.IsNullOrWhiteSpace(request.CloudSpace), "a cloudspace is required");
        Require(!string.IsNullOrWhiteSpace(request.ServerClass), "a server class is required");
        Require(request.Desired >= 0, $"desired must be 0 or more (got {request.Desired})");
        Validate(request.Autoscaling);
    }

    public static void Validate(UpdateNodePoolRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Require(!request.IsEmpty, "nothing to update: set at least one field");
        Require(request.Desired is null or >= 0, $"desired must be 0 or more (got {request.Desired})");
        Validate(request.Autoscaling);
    }

    private static void Validate(NodePoolAutoscaling? autoscaling)
    {
        if (autoscaling is { Enabled: true })
        {
            Require(autoscaling.MinNodes is not null && autoscaling.MaxNodes is not null, "autoscaling needs both a minimum and a maximum node count");
            Require(autoscaling.MinNodes >= 0 && autoscaling.MinNodes <= autoscaling.MaxNodes,
                $"autoscaling bounds must satisfy 0 <= min <= max (got {autoscaling.MinNodes}..{autoscaling.MaxNodes})");
        }
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new SpotValidationException(message);
        }
    }

    [GeneratedRegex("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex LowercaseUuid();
}
