using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using RsSpot.Emulator.Json;

namespace RsSpot.Emulator.Tests.Support;

/// <summary>The answer to one request: status, headers and body.</summary>
internal sealed record ApiResult(int Status, string Text, IReadOnlyDictionary<string, string> Headers)
{
    public JToken Json => JsonConvert.DeserializeObject<JToken>(Text, EmulatorJson.Settings)!;

    public string? Message => (Json as JObject)?.Value<string>("message");
}

/// <summary>A thin raw-HTTP client for the emulator: logs in, sends JSON, returns status and body.</summary>
internal sealed class SpotTestClient(HttpClient http) : IDisposable
{
    public const string Namespace = "org-xy3kq9lmn2pr7stu";
    public const string ClientId = "mwG3lUMV8KyeMqHe4fJ5Bb3nM1vBvRNa";
    public const string Cloudspaces = $"apis/ngpc.rxt.io/v1/namespaces/{Namespace}/cloudspaces";
    public const string SpotPools = $"apis/ngpc.rxt.io/v1/namespaces/{Namespace}/spotnodepools";
    public const string OnDemandPools = $"apis/ngpc.rxt.io/v1/namespaces/{Namespace}/ondemandnodepools";

    public HttpClient Http { get; } = http;

    public string? IdToken { get; set; }

    public async Task<ApiResult> TokenAsync(string refreshToken = SpotEmulator.SandboxRefreshToken) =>
        await SendRawAsync(HttpMethod.Post, "oauth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = ClientId,
            ["refresh_token"] = refreshToken,
        }), authenticate: false);

    public async Task<string> LoginAsync(string refreshToken = SpotEmulator.SandboxRefreshToken)
    {
        var result = await TokenAsync(refreshToken);
        Assert.That(result.Status, Is.EqualTo(200), result.Text);
        IdToken = result.Json.Value<string>("id_token");
        return IdToken!;
    }

    public Task<ApiResult> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public Task<ApiResult> SendAsync(HttpMethod method, string path, object? body = null, string contentType = "application/json")
    {
        HttpContent? content = body is null
            ? null
            : new StringContent(body as string ?? JsonConvert.SerializeObject(body), Encoding.UTF8, contentType);
        if (content is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return SendRawAsync(method, path, content, authenticate: true);
    }

    /// <summary>A request to the admin surface (<c>/_emulator/ENDPOINT</c>), with a JSON body when given.</summary>
    public Task<ApiResult> AdminAsync(HttpMethod method, string endpoint, string? body = null) =>
        SendRawAsync(method, "_emulator/" + endpoint, body is null ? null : new StringContent(body, System.Text.Encoding.UTF8, "application/json"), authenticate: false);

    public async Task<ApiResult> SendRawAsync(HttpMethod method, string path, HttpContent? content, bool authenticate)
    {
        using var response = await OpenAsync(method, path, content, authenticate, HttpCompletionOption.ResponseContentRead);
        var headers = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        return new ApiResult((int)response.StatusCode, await response.Content.ReadAsStringAsync(), headers);
    }

    /// <summary>Sends a request and returns the raw response; with ResponseHeadersRead, as soon as its headers arrive.</summary>
    public async Task<HttpResponseMessage> OpenAsync(HttpMethod method, string path, HttpContent? content = null, bool authenticate = true,
        HttpCompletionOption completion = HttpCompletionOption.ResponseHeadersRead, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (authenticate && IdToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", IdToken);
        }

        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return await Http.SendAsync(request, completion, cancellationToken);
    }

    public Task<ApiResult> CreateCloudspaceAsync(string name, string region = "us-central-dfw-1") =>
        SendAsync(HttpMethod.Post, Cloudspaces, Scenario.CloudspaceBody(name, region));

    public Task<ApiResult> CreateSpotPoolAsync(string name, string cloudspace, string serverClass = "gp.vs1.medium-dfw", string bid = "0.500", object? autoscaling = null) =>
        SendAsync(HttpMethod.Post, SpotPools, Scenario.SpotPoolBody(name, cloudspace, serverClass, bid, autoscaling));

    public void Dispose() => Http.Dispose();
}
