using System.Linq.Expressions;
using System.Reflection;

namespace RsSpot.Tests.Support;

/// <summary>
/// Base of dual-mode client tests (Azure's ClientTestBase pattern): each fixture runs twice, and in the sync run
/// every <c>XAsync(...)</c> call written in the test is rerouted to its sync twin <c>X(...)</c> with the same
/// arguments — so one test body proves both surfaces, and a missing twin fails the test.
/// </summary>
[TestFixture(true)]
[TestFixture(false)]
public abstract class ClientTestBase(bool isAsync)
{
    protected bool IsAsync { get; } = isAsync;

    protected TestClock Clock { get; private set; } = null!;

    protected FakeSpotApi Api { get; private set; } = null!;

    protected SpotClient Client { get; private set; } = null!;

    [SetUp]
    public void CreateClient()
    {
        Clock = new TestClock();
        Api = new FakeSpotApi(Clock);
        Client = new SpotClient(Options());
    }

    [TearDown]
    public void DisposeClient()
    {
        Client.Dispose();
        Api.Dispose();
    }

    /// <summary>Options pointing at the fake API, with no configuration files, no state and instant retries.</summary>
    protected SpotClientOptions Options(Action<SpotClientOptions>? change = null)
    {
        var options = new SpotClientOptions
        {
            Org = TestJwt.OrgId,
            RefreshToken = FakeSpotApi.RefreshToken,
            BaseUrl = FakeSpotApi.BaseUrl,
            OAuthUrl = FakeSpotApi.OAuthUrl,
            PriceFeedUrl = FakeSpotApi.FeedUrl,
            Transport = Api.Transport,
            TimeProvider = Clock,
            LoadConfiguration = false,
            UseStateStore = false,
            Retry = new RetryOptions { MaxAttempts = 3, BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(4), Jitter = 0 },
        };
        change?.Invoke(options);
        return options;
    }

    protected void UseClient(SpotClientOptions options)
    {
        Client.Dispose();
        Client = new SpotClient(options);
    }

    /// <summary>Runs the async call as written, or its sync twin in the sync run.</summary>
    protected Task<T> Call<T>(Expression<Func<Task<T>>> call) =>
        IsAsync ? call.Compile()() : Task.FromResult((T)InvokeSyncTwin(call.Body)!);

    /// <summary>Runs the async call as written, or its sync twin in the sync run.</summary>
    protected Task Call(Expression<Func<Task>> call)
    {
        if (IsAsync)
        {
            return call.Compile()();
        }

        InvokeSyncTwin(call.Body);
        return Task.CompletedTask;
    }

    private static object? InvokeSyncTwin(Expression body)
    {
        if (body is not MethodCallExpression { Object: not null } asyncCall || !asyncCall.Method.Name.EndsWith("Async", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("Call(...) expects a single instance call of an XAsync method.");
        }

        var target = Expression.Lambda(asyncCall.Object).Compile().DynamicInvoke();
        var arguments = asyncCall.Arguments.Select(a => Expression.Lambda(a).Compile().DynamicInvoke()).ToArray();
        var syncName = asyncCall.Method.Name[..^"Async".Length];
        var parameterTypes = asyncCall.Method.GetParameters().Select(p => p.ParameterType).ToArray();
        // Look on the object's own type: a client's async members may be inherited while its sync twins are not.
        var twin = target!.GetType().GetMethod(syncName, parameterTypes)
            ?? throw new AssertionException($"{target.GetType().Name}.{asyncCall.Method.Name} has no sync twin {syncName}({string.Join(", ", parameterTypes.Select(t => t.Name))})");
        return twin.Invoke(target, BindingFlags.DoNotWrapExceptions, null, arguments, null);
    }
}
