using RsSpot.Emulator.Admin;
using RsSpot.Emulator.Auth;
using RsSpot.Emulator.Catalog;
using RsSpot.Emulator.FaultInjection;
using RsSpot.Emulator.Http;
using RsSpot.Emulator.Inventory;
using RsSpot.Emulator.Journal;
using RsSpot.Emulator.PriceFeeds;
using RsSpot.Emulator.Resources;
using RsSpot.Emulator.Routing;
using RsSpot.Emulator.State;

namespace RsSpot.Emulator;

/// <summary>
/// A stateful emulator of the Rackspace Spot API: the token endpoint, the Kubernetes-style API and the public
/// price feeds, all served by path from one address. Thread-safe. Lifecycle transitions are computed from
/// <see cref="SpotEmulatorOptions.Clock"/> on each request, so tests drive time with a fake clock.
/// </summary>
public sealed class SpotEmulator
{
    /// <summary>The refresh token accepted by default (bound to <see cref="DefaultOrganizationId"/>).</summary>
    public const string SandboxRefreshToken = "rsspot-sandbox-refresh-token";

    /// <summary>Id of the default organization (acme-corp), which owns the seeded VM inventory.</summary>
    public const string DefaultOrganizationId = "org_Xy3kQ9LmN2pR7sTu";

    private readonly Router _router;
    private readonly IStateStore _store;
    private readonly RequestJournal _journal;
    private readonly FaultInjector _faultInjector;

    /// <summary>Creates an emulator; with <see cref="SpotEmulatorOptions.StatePath"/> set, state lives in that sqlite file.</summary>
    /// <param name="options">Options; null for the defaults.</param>
    public SpotEmulator(SpotEmulatorOptions? options = null)
    {
        Options = options ?? new SpotEmulatorOptions();
        if (Options.Organizations.Count == 0)
        {
            throw new ArgumentException("At least one organization is required.", nameof(options));
        }

        if (Options.MaxRequestBodyBytes is <= 0 or >= int.MaxValue)
        {
            throw new ArgumentException("MaxRequestBodyBytes must be positive (and below int.MaxValue).", nameof(options));
        }

        _router = new Router([
            .. AuthEndpoints.Routes(),
            .. KubeconfigEndpoint.Routes(),
            .. CatalogEndpoints.Routes(),
            .. ResourceEndpoints.Routes(new CloudSpaceRules(), readOnly: false),
            .. ResourceEndpoints.Routes(NodePoolRules.Spot, readOnly: false),
            .. ResourceEndpoints.Routes(NodePoolRules.OnDemand, readOnly: false),
            .. ResourceEndpoints.Routes(new InventoryRules(ResourceKind.VmCloudSpaces), readOnly: true),
            .. ResourceEndpoints.Routes(new InventoryRules(ResourceKind.VmPools), readOnly: true),
            .. EventEndpoints.Routes(),
            .. PriceFeedEndpoints.Routes(),
        ]);
        if (Options.StatePath is { } path)
        {
            var store = new SqliteStateStore(path, Seed, Options.Clock);
            RecoveryNotice = store.RecoveryNotice;
            _store = store;
        }
        else
        {
            _store = new InMemoryStateStore(Seed());
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(Options.JournalCapacity, 1, nameof(SpotEmulatorOptions.JournalCapacity));
        _journal = new RequestJournal(Options.JournalCapacity);
        _faultInjector = new FaultInjector(this, _journal, ProcessSafely);
    }

    /// <summary>
    /// Set when <see cref="SpotEmulatorOptions.StatePath"/> could not be read and was moved aside (a fresh world was
    /// started): one line naming the kept file, to be shown to the user once.
    /// </summary>
    public string? RecoveryNotice { get; }

    /// <summary>The routes of the emulated API (the contract tests compare them with the OpenAPI document).</summary>
    internal IReadOnlyList<Route> Routes => _router.Routes;

    /// <summary>The options the emulator runs with.</summary>
    public SpotEmulatorOptions Options { get; }

    /// <summary>Fault rules applied to incoming API requests.</summary>
    public EmulatorFaults Faults { get; } = new();

    /// <summary>The API requests received so far, oldest first, up to <see cref="SpotEmulatorOptions.JournalCapacity"/> of the most recent (admin requests excluded), secrets redacted.</summary>
    public IReadOnlyList<JournalEntry> Journal => _journal.Entries;

    /// <summary>Forgets the recorded requests.</summary>
    public void ClearJournal() => _journal.Clear();

    /// <summary>Invalidates every id_token issued so far (the signing key is rotated); refresh tokens stay valid.</summary>
    public void ExpireAllTokens() => _store.Transact(state =>
    {
        state.SigningKey = EmulatorState.NewSigningKey();
        return (true, true);
    });

    /// <summary>The pins in force, oldest first.</summary>
    public IReadOnlyList<ResourcePin> Pins => _store.Transact(state => ((IReadOnlyList<ResourcePin>)[.. state.Pins], false));

    /// <summary>
    /// Holds the objects <paramref name="pin"/> selects in its state until <see cref="Release"/>; a pin with the same
    /// target is replaced. Returns the pin as stored (kind canonical, namespace filled in).
    /// </summary>
    /// <exception cref="ArgumentException">The pin names no known kind, sets no state, or mixes cloudspace and pool fields.</exception>
    public ResourcePin Pin(ResourcePin pin)
    {
        var stored = Canonical(pin);
        if (PinProblem(stored) is { } problem)
        {
            throw new ArgumentException(problem, nameof(pin));
        }

        return _store.Transact(state =>
        {
            state.Pins.RemoveAll(p => p.SameTarget(stored));
            state.Pins.Add(stored);
            return (stored, true);
        });
    }

    /// <summary>Releases the pins with the same target as <paramref name="target"/> (its state fields are ignored); returns how many.</summary>
    public int Release(ResourcePin target)
    {
        var canonical = Canonical(target);
        return _store.Transact(state =>
        {
            var removed = state.Pins.RemoveAll(p => p.SameTarget(canonical));
            return (removed, removed > 0);
        });
    }

    /// <summary>Releases every pin; returns how many there were.</summary>
    public int ReleaseAllPins() => _store.Transact(state =>
    {
        var count = state.Pins.Count;
        state.Pins.Clear();
        return (count, count > 0);
    });

    /// <summary>
    /// Sets the market price of a server class (USD per hour), served by the catalogue and the price feeds and used by
    /// the auction, so a test can move it across a pool's bid; null gives the class its computed price back.
    /// </summary>
    /// <param name="serverClass">Server class name, e.g. <c>gp.vs1.medium-dfw</c>.</param>
    /// <param name="price">The price (greater than 0), or null.</param>
    /// <exception cref="ArgumentException">No such class, or a price of 0 or less.</exception>
    public void SetMarketPrice(string serverClass, decimal? price)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serverClass);
        if (ServerClassCatalog.Find(serverClass) is null)
        {
            throw new ArgumentException($"no server class '{serverClass}'", nameof(serverClass));
        }

        if (price <= 0)
        {
            throw new ArgumentException($"a market price must be greater than 0, got {price}", nameof(price));
        }

        _store.Transact(state =>
        {
            if (price is { } set)
            {
                state.MarketPrices[serverClass] = set;
            }
            else
            {
                state.MarketPrices.Remove(serverClass);
            }

            return (true, true);
        });
    }

    /// <summary>
    /// Pre-empts up to <paramref name="count"/> servers of a spot pool: they leave the pool's won count and the
    /// cloudspace's assigned servers (the newest first), the pool turns Partial, and an organization event names each.
    /// <see cref="Reset"/> or <c>DELETE /_emulator/preemptions</c> gives them back.
    /// </summary>
    /// <param name="pool">Spot pool name.</param>
    /// <param name="count">Servers to take (1 or more).</param>
    /// <param name="ns">Namespace of the pool; null for the first organization's.</param>
    /// <returns>The names of the servers taken.</returns>
    /// <exception cref="ArgumentException">No such spot pool, or it holds no server.</exception>
    public IReadOnlyList<string> Preempt(string pool, int count = 1, string? ns = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pool);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var now = Options.Clock.GetUtcNow();
        return _store.Transact(state => (NodePoolRules.Preempt(state, now, ns ?? Options.Organizations[0].Namespace, pool, count), true));
    }

    /// <summary>The market prices set with <see cref="SetMarketPrice"/>, and the servers pre-empted per pool, for the admin surface.</summary>
    internal (IReadOnlyDictionary<string, decimal> Prices, IReadOnlyDictionary<string, int> Preempted) MarketOverrides() =>
        _store.Transact(state => ((new Dictionary<string, decimal>(state.MarketPrices), new Dictionary<string, int>(state.Preempted)), false));

    /// <summary>Forgets every market price set and gives every pre-empted server back; returns how many overrides there were.</summary>
    internal int ClearMarketOverrides(bool prices, bool preemptions) => _store.Transact(state =>
    {
        var count = (prices ? state.MarketPrices.Count : 0) + (preemptions ? state.Preempted.Count : 0);
        if (prices)
        {
            state.MarketPrices.Clear();
        }

        if (preemptions)
        {
            state.Preempted.Clear();
        }

        return (count, count > 0);
    });

    /// <summary>Restores the seeded state and clears faults and journal.</summary>
    public void Reset()
    {
        _store.Replace(Seed());
        Faults.Clear();
        _journal.Clear();
    }

    /// <summary>An <see cref="HttpMessageHandler"/> serving every host (API, login, price feeds) from this emulator by path.</summary>
    public HttpMessageHandler CreateHandler() => new EmulatorHttpHandler(this);

    /// <summary>Processes one request: the body limit, the admin surface, then faults, then the emulated API.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels injected latency and hangs (the client gave up).</param>
    public async Task<EmulatorResponse> HandleAsync(EmulatorRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var tooLarge = request.BodyTooLarge || request.BodyBytes.Length > Options.MaxRequestBodyBytes;
        if (request.Path.StartsWith(AdminEndpoints.Prefix, StringComparison.Ordinal))
        {
            return tooLarge ? Respond.TooLarge(Options.MaxRequestBodyBytes) : AdminEndpoints.Handle(this, request);
        }

        var arrivedAt = Options.Clock.GetUtcNow();
        if (tooLarge)
        {
            var refused = Respond.TooLarge(Options.MaxRequestBodyBytes);
            _journal.Record(request, arrivedAt, refused.StatusCode, null, null);
            return refused;
        }

        if (Faults.Take(request.Method, request.Path) is { } hit)
        {
            return await _faultInjector.HandleAsync(request, arrivedAt, hit, cancellationToken).ConfigureAwait(false);
        }

        var response = ProcessSafely(request);
        _journal.Record(request, arrivedAt, response.StatusCode, null, response.StatusCode);
        return response;
    }

    // A bug in the emulator must look like a server error to the client, not crash the test host or server.
    private EmulatorResponse ProcessSafely(EmulatorRequest request)
    {
        try
        {
            return Process(request);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Respond.Status(500, "InternalError", $"emulator failure: {e.GetType().Name}: {e.Message}");
        }
    }

    private EmulatorResponse Process(EmulatorRequest request)
    {
        var (route, values, pathKnown) = _router.Find(request.Method, request.Path);
        if (route is null)
        {
            return pathKnown
                ? Respond.Status(405, "MethodNotAllowed", $"the server does not allow this method on the requested resource ({request.Method})")
                : Respond.Status(404, "NotFound", "the server could not find the requested resource");
        }

        var now = Options.Clock.GetUtcNow();
        return _store.Transact(state =>
        {
            var advanced = CloudSpaceRules.AdvanceAll(state, now);
            var context = new RequestContext(request, state, Options, now, values!);
            var response = route.Authenticated && !AuthEndpoints.Authenticate(context)
                ? Respond.Unauthorized()
                : route.Handler(context);
            return (response, advanced || context.Changed);
        });
    }

    private ResourcePin Canonical(ResourcePin pin)
    {
        ArgumentNullException.ThrowIfNull(pin);
        return pin with { Kind = ResourcePin.NormalizeKind(pin.Kind) ?? pin.Kind, Namespace = pin.Namespace ?? Options.Organizations[0].Namespace };
    }

    private static string? PinProblem(ResourcePin pin)
    {
        var cloudSpace = pin.Kind == "cloudspaces";
        var poolFields = pin.BidStatus is not null || pin.WonCount is not null || pin.ServerClass is not null;
        var cloudSpaceFields = pin.Phase is not null || pin.Reason is not null || pin.Health is not null;
        return ResourcePin.NormalizeKind(pin.Kind) is null ? $"kind must be one of {string.Join(", ", ResourcePin.Kinds)}, got '{pin.Kind}'"
            : cloudSpace && poolFields ? "a cloudspace pin sets phase, reason or health (bidStatus, wonCount and serverClass are for pools)"
            : !cloudSpace && cloudSpaceFields ? "a pool pin sets bidStatus or wonCount (phase, reason and health are for cloudspaces)"
            : !cloudSpaceFields && pin.BidStatus is null && pin.WonCount is null ? "a pin must set at least one state field"
            : pin.WonCount < 0 ? "wonCount cannot be negative"
            : null;
    }

    private EmulatorState Seed()
    {
        var state = new EmulatorState();
        InventorySeed.Seed(state, Options.Organizations[0], Options.Clock.GetUtcNow());
        return state;
    }
}
