using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using RsSpot.Http;
using RsSpot.Internal.Mapping;
using Wire = RsSpot.Api;

namespace RsSpot.Internal;

/// <summary>
/// What a SpotClient and an AsyncSpotClient share: settings, the HTTP pipeline, the generated clients, token and
/// organization resolution, and the one place where transport failures become <see cref="SpotException"/>s.
/// </summary>
internal sealed class SpotClientCore : IDisposable
{
    private readonly SpotHttpPipeline _pipeline;
    private readonly IDisposable? _resources;
    private int _disposed;
    private Wire.IOrganizationsClient? _organizations;
    private Wire.IRegionsClient? _regions;
    private Wire.IServerClassesClient? _serverClasses;
    private Wire.ICloudSpacesClient? _cloudSpaces;
    private Wire.ISpotNodePoolsClient? _spotNodePools;
    private Wire.IOnDemandNodePoolsClient? _onDemandNodePools;
    private Wire.IVmCloudSpacesClient? _vmCloudSpaces;
    private Wire.IVmPoolsClient? _vmPools;
    private Wire.IEventsClient? _events;
    private Wire.IKubeconfigClient? _kubeconfig;
    private Wire.IPriceFeedsClient? _priceFeeds;

    public SpotClientCore(SpotSettings settings, HttpMessageHandler? transport, Func<Uri, DelegatingHandler?> cacheHandler, TimeProvider time, ILoggerFactory? loggerFactory, TimeSpan pollInterval, IDisposable? resources = null, State.StateStore? state = null)
    {
        Settings = settings;
        Time = time;
        PollInterval = pollInterval;
        Logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("RsSpot");
        _resources = resources;
        State = state;
        _pipeline = new SpotHttpPipeline(settings, transport, cacheHandler, time, Logger);
        Creates = new CreateReconciler(this);
        Orgs = new OrgResolver(
            settings,
            ct => CallAsync(async c => (IReadOnlyList<Models.Organization>)(await Organizations.ListAsync(c).ConfigureAwait(false)).Organizations.Select(o => o.ToModel()).ToList(), ct, "ResolveOrganizationAsync"),
            ct => CallAsync(c => _pipeline.Tokens.GetTokenAsync(null, c), ct, "AuthenticateAsync"));
    }

    public SpotSettings Settings { get; }

    public TimeProvider Time { get; }

    public TimeSpan PollInterval { get; }

    public ILogger Logger { get; }

    public OrgResolver Orgs { get; }

    /// <summary>Runs creates so that a lost reply never fails or duplicates them.</summary>
    public CreateReconciler Creates { get; }

    /// <summary>
    /// Says so when the sandbox's sandbox.db was unreadable and moved aside (shown to the user once); asked after the
    /// command, since the sandbox is only built by the first request that reaches it.
    /// </summary>
    public Func<string?> SandboxRecoveryNotice { get; init; } = () => null;

    /// <summary>The state store, when the client uses one.</summary>
    public State.StateStore? State { get; }

    /// <summary>The local event history; only clients that keep state have one.</summary>
    /// <exception cref="SpotConfigurationException">The client keeps no state.</exception>
    public State.IEventStore EventStore => State?.Events
        ?? throw new SpotConfigurationException("the event history lives in state.db, and this client keeps no state (UseStateStore is false)");

    public Auth.TokenProvider Tokens => _pipeline.Tokens;

    // The generated clients are made on first use: a command calls one or two of them, and each costs type loading
    // (and JIT without ReadyToRun) at start-up. A race may build one twice; they are stateless, so either is fine.
    public Wire.IOrganizationsClient Organizations => _organizations ??= new Wire.OrganizationsClient(_pipeline.Api);

    public Wire.IRegionsClient Regions => _regions ??= new Wire.RegionsClient(_pipeline.Api);

    public Wire.IServerClassesClient ServerClasses => _serverClasses ??= new Wire.ServerClassesClient(_pipeline.Api);

    public Wire.ICloudSpacesClient CloudSpaces => _cloudSpaces ??= new Wire.CloudSpacesClient(_pipeline.Api);

    public Wire.ISpotNodePoolsClient SpotNodePools => _spotNodePools ??= new Wire.SpotNodePoolsClient(_pipeline.Api);

    public Wire.IOnDemandNodePoolsClient OnDemandNodePools => _onDemandNodePools ??= new Wire.OnDemandNodePoolsClient(_pipeline.Api);

    public Wire.IVmCloudSpacesClient VmCloudSpaces => _vmCloudSpaces ??= new Wire.VmCloudSpacesClient(_pipeline.Api);

    public Wire.IVmPoolsClient VmPools => _vmPools ??= new Wire.VmPoolsClient(_pipeline.Api);

    public Wire.IEventsClient Events => _events ??= new Wire.EventsClient(_pipeline.Api);

    public Wire.IKubeconfigClient Kubeconfig => _kubeconfig ??= new Wire.KubeconfigClient(_pipeline.Public);

    public Wire.IPriceFeedsClient PriceFeeds => _priceFeeds ??= new Wire.PriceFeedsClient(_pipeline.Feeds);

    /// <summary>
    /// Runs one operation inside its trace span, translating transport and generated-client failures into the public
    /// exceptions. The span is named after the calling operation ("CloudSpacesOperations.cs" + "ListAsync" →
    /// "CloudSpaces.List"), so operations need not name themselves.
    /// </summary>
    /// <param name="call">The operation.</param>
    /// <param name="cancellationToken">Cancels it.</param>
    /// <param name="operation">Operation name for tracing (the calling method).</param>
    /// <param name="callerFile">The calling operations file, or the name of the operations type when the caller is shared code.</param>
    public async Task<T> CallAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken, [CallerMemberName] string operation = "", [CallerFilePath] string callerFile = "")
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        using var activity = SpotTelemetry.StartOperation(callerFile, operation);
        try
        {
            return await call(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            var error = Translate(e);
            SpotTelemetry.RecordFailure(activity, error ?? e);
            if (error is null)
            {
                throw;
            }

            throw error;
        }
    }

    /// <summary>The public exception for a transport or generated-client failure; null when it already is one (or a cancellation).</summary>
    internal SpotException? Translate(Exception e) => e switch
    {
        Wire.SpotApiException api => _pipeline.Errors.FromApiException(api),
        HttpRequestException http => new SpotException($"network error: {_pipeline.Errors.Mask(http.Message)}", http),
        _ => null,
    };

    /// <summary>
    /// Refuses <paramref name="action"/> in read-only mode. Every operation that changes something calls it first, so
    /// nothing of it is sent (not even the lookups before the change); <see cref="ReadOnlyHandler"/> is the backstop.
    /// </summary>
    public void RefuseWhenReadOnly(string action)
    {
        if (Settings.ReadOnly)
        {
            throw ReadOnlyGuard.Refusal(action, Settings.ReadOnlySource);
        }
    }

    /// <summary>Sends an authenticated request to any API path and returns the JSON body (null when empty).</summary>
    public Task<JToken?> SendRawAsync(HttpMethod method, string path, IReadOnlyDictionary<string, string>? query, JToken? body, CancellationToken cancellationToken) =>
        CallAsync<JToken?>(async ct =>
        {
            using var request = new HttpRequestMessage(method, RelativeUri(path, query));
            request.Headers.Accept.ParseAdd("application/json");
            if (body is not null)
            {
                var mediaType = method == HttpMethod.Patch ? "application/merge-patch+json" : "application/json";
                request.Content = new StringContent(body.ToString(Formatting.None), Encoding.UTF8, mediaType);
            }

            using var response = await _pipeline.Api.SendAsync(request, ct).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var headers = response.Headers.Concat(response.Content.Headers).ToDictionary(h => h.Key, h => h.Value, StringComparer.OrdinalIgnoreCase);
                request.Options.TryGetValue(SpotRequestOptions.RequestId, out var requestId);
                throw _pipeline.Errors.FromResponse((int)response.StatusCode, text, headers, requestId);
            }

            return string.IsNullOrWhiteSpace(text) ? null : ParseJson(text);
        }, cancellationToken, "RawAsync");

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _pipeline.Dispose();
            _resources?.Dispose();
        }
    }

    private static Uri RelativeUri(string path, IReadOnlyDictionary<string, string>? query)
    {
        var builder = new StringBuilder(path.TrimStart('/'));
        if (query is { Count: > 0 })
        {
            builder.Append(path.Contains('?', StringComparison.Ordinal) ? '&' : '?');
            builder.AppendJoin('&', query.Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value)}"));
        }

        return new Uri(builder.ToString(), UriKind.Relative);
    }

    private static JToken ParseJson(string text)
    {
        try
        {
            using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Decimal };
            return JToken.ReadFrom(reader);
        }
        catch (JsonException)
        {
            // Not every endpoint answers JSON; hand the text back rather than failing the call.
            return new JValue(text);
        }
    }
}
