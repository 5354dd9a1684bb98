using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using RsSpot.Http;

namespace RsSpot.Internal;

/// <summary>One create as the reconciler sees it: what to send, and how to read back what it made.</summary>
/// <typeparam name="TWire">The generated resource type.</typeparam>
internal sealed record CreateOperation<TWire>
    where TWire : class
{
    /// <summary>Resource kind in words ("spot pool"), for messages.</summary>
    public required string Kind { get; init; }

    /// <summary>Namespace it is created in.</summary>
    public required string Namespace { get; init; }

    /// <summary>The name the caller asked for, or null to have one generated.</summary>
    public string? RequestedName { get; init; }

    /// <summary>Makes a fresh name when the caller gave none.</summary>
    public Func<string> NewName { get; init; } = () => Guid.NewGuid().ToString("D");

    /// <summary>The body to send for a name.</summary>
    public required Func<string, TWire> Body { get; init; }

    /// <summary>Sends the create.</summary>
    public required Func<TWire, CancellationToken, Task<TWire>> Send { get; init; }

    /// <summary>Reads the resource by name.</summary>
    public required Func<string, CancellationToken, Task<TWire>> Get { get; init; }
}

/// <summary>
/// Makes creates safe to retry, as the AWS SDKs do with client tokens: every create carries a name, and when its
/// outcome is unknown (a 5xx, a timeout or a reset after the request was sent) or the name is taken, the resource is
/// read back by that name. Found with the requested spec → the create succeeded; absent → it is sent again under the
/// retry policy; found with another spec → a conflict naming it. A generated name is remembered in state.db until
/// the outcome is known, so re-running a create that failed finds what the lost reply made instead of duplicating it.
/// </summary>
internal sealed class CreateReconciler(SpotClientCore core)
{
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(Api.SpotJson.CreateSettings());

    public async Task<TWire> CreateAsync<TWire>(CreateOperation<TWire> operation, CancellationToken cancellationToken)
        where TWire : class
    {
        var requested = Comparable(operation.Body("-"));
        var fingerprint = Fingerprint(requested);
        var scope = $"{core.Settings.BaseUri}|{operation.Namespace}";
        var name = operation.RequestedName ?? NameFor(operation, scope, fingerprint);
        var body = operation.Body(name);
        var policy = new RetryPolicy(core.Settings.Retry, Random.Shared.NextDouble);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var created = await operation.Send(body, cancellationToken).ConfigureAwait(false);
                Settle(operation, scope, fingerprint);
                return created;
            }
            catch (Exception e) when (OutcomeOf(e) is { } outcome)
            {
                var existing = await ReadAsync(operation, name, e, cancellationToken).ConfigureAwait(false);
                if (existing is not null)
                {
                    Settle(operation, scope, fingerprint);
                    return Matching(operation, name, requested, existing, outcome, e);
                }

                if (outcome == Outcome.NameTaken || attempt >= policy.Options.MaxAttempts)
                {
                    throw;
                }

                var delay = policy.Delay(attempt, response: null);
                core.Logger.LogWarning("Creating {Kind} {Name}: {Error}; it does not exist, so it is sent again in {Delay} ms", operation.Kind, name, e.Message, (int)delay.TotalMilliseconds);
                await Task.Delay(delay, core.Time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private enum Outcome
    {
        Unknown,
        NameTaken,
    }

    /// <summary>Whether a failed create may have happened (or the name exists already); null when it certainly did not.</summary>
    private Outcome? OutcomeOf(Exception e) => Public(e) switch
    {
        SpotNetworkException { OutcomeUnknown: true } => Outcome.Unknown,
        SpotConflictException => Outcome.NameTaken,
        SpotException { StatusCode: { } status } when (int)status >= 500 || (int)status == 408 => Outcome.Unknown,
        _ => null,
    };

    /// <summary>The public exception a failure surfaces as (generated-client exceptions are translated).</summary>
    private Exception Public(Exception e) => core.Translate(e) ?? e;

    private string NameFor<TWire>(CreateOperation<TWire> operation, string scope, string fingerprint)
        where TWire : class
    {
        var pending = core.State?.PendingCreates;
        if (pending?.Find(operation.Kind, scope, fingerprint) is { } earlier)
        {
            core.Logger.LogInformation("Reusing the name {Name} of an earlier {Kind} create with the same spec whose outcome was unknown", earlier, operation.Kind);
            return earlier;
        }

        var name = operation.NewName();
        core.Logger.LogInformation("Generated the name {Name} for the new {Kind}", name, operation.Kind);
        pending?.Register(operation.Kind, scope, fingerprint, name);
        return name;
    }

    private void Settle<TWire>(CreateOperation<TWire> operation, string scope, string fingerprint)
        where TWire : class
    {
        if (operation.RequestedName is null)
        {
            core.State?.PendingCreates.Settle(operation.Kind, scope, fingerprint);
        }
    }

    /// <summary>Reads the resource back; null when it does not exist. A failed read leaves the create's own error standing.</summary>
    private async Task<TWire?> ReadAsync<TWire>(CreateOperation<TWire> operation, string name, Exception createError, CancellationToken cancellationToken)
        where TWire : class
    {
        try
        {
            return await operation.Get(name, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (Public(e) is SpotNotFoundException)
        {
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new SpotException(
                $"creating {operation.Kind} '{name}' may or may not have succeeded ({createError.Message}), and reading it back failed ({Public(e).Message}); " +
                "run the same command again to finish it safely", createError);
        }
    }

    private TWire Matching<TWire>(CreateOperation<TWire> operation, string name, JObject requested, TWire existing, Outcome outcome, Exception createError)
        where TWire : class
    {
        var different = Differences(requested, Comparable(existing)).ToList();
        if (different.Count > 0)
        {
            throw new SpotConflictException(
                $"a {operation.Kind} named '{name}' already exists with a different spec ({string.Join(", ", different)}); choose another name or update it",
                System.Net.HttpStatusCode.Conflict, "AlreadyExists", null, createError);
        }

        if (outcome == Outcome.NameTaken)
        {
            core.Logger.LogWarning("The {Kind} {Name} already existed with the requested spec (an earlier attempt created it); the create is done", operation.Kind, name);
        }
        else
        {
            core.Logger.LogWarning("The reply to creating the {Kind} {Name} was lost ({Error}), but it was created as requested", operation.Kind, name, createError.Message);
        }

        return existing;
    }

    /// <summary>What a create decides: the spec and the labels (the name, status and server-set metadata aside).</summary>
    private static JObject Comparable(object resource)
    {
        var json = JObject.FromObject(resource, Serializer);
        return new JObject
        {
            ["spec"] = json["spec"]?.DeepClone() ?? new JObject(),
            ["labels"] = json.SelectToken("metadata.labels")?.DeepClone() ?? new JObject(),
        };
    }

    private static string Fingerprint(JObject requested) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(requested.ToString(Formatting.None))));

    /// <summary>
    /// The paths where <paramref name="actual"/> does not hold what was requested. Null and empty strings impose
    /// nothing (servers drop them); the spec and the labels may carry fields the server adds, but a nested object
    /// (labels, annotations, autoscaling) and an array must match exactly.
    /// </summary>
    internal static IEnumerable<string> Differences(JObject requested, JToken? actual) =>
        requested.Properties().SelectMany(section => Differences(section.Value, actual?[section.Name], section.Name == "spec" ? "" : section.Name, exact: false));

    private static IEnumerable<string> Differences(JToken requested, JToken? actual, string path, bool exact)
    {
        if (requested is JObject fields)
        {
            var actualFields = actual as JObject;
            var extra = exact && actualFields is not null
                ? actualFields.Properties().Where(p => fields[p.Name] is null && !IsEmpty(p.Value)).Select(p => Join(path, p.Name))
                : [];
            return fields.Properties().SelectMany(f => Differences(f.Value, actualFields?[f.Name], Join(path, f.Name), exact: true)).Concat(extra);
        }

        if (requested is JValue { Type: JTokenType.Null } || (requested.Type == JTokenType.String && (string?)requested == ""))
        {
            return [];
        }

        var same = requested is JArray { Count: 0 } ? actual is null || IsEmpty(actual) : SameValue(requested, actual);
        return same ? [] : [path];
    }

    private static bool IsEmpty(JToken token) => token.Type == JTokenType.Null || token is JContainer { Count: 0 } || (token.Type == JTokenType.String && (string?)token == "");

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    /// <summary>Equal JSON, with numbers and numeric strings compared as decimals ("0.0350" is 0.035).</summary>
    private static bool SameValue(JToken requested, JToken? actual) =>
        actual is not null && (JToken.DeepEquals(requested, actual)
            || (Decimal(requested) is { } a && Decimal(actual) is { } b && a == b));

    private static decimal? Decimal(JToken token) => token.Type is JTokenType.Integer or JTokenType.Float or JTokenType.String
        && decimal.TryParse(token.ToString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
}
