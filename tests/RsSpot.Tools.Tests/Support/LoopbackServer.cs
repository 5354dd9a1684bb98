using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RsSpot.Tools.Tests.Support;

/// <summary>
/// A real HTTP server on 127.0.0.1 (HttpListener) serving canned responses by path and recording each
/// request's path and Authorization header. Unknown paths answer 404.
/// </summary>
internal sealed class LoopbackServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Dictionary<string, (int Status, string Body, string ContentType)> _routes = new(StringComparer.Ordinal);
    private readonly Task _loop;

    public LoopbackServer()
    {
        BaseUrl = new Uri($"http://127.0.0.1:{FreePort()}/");
        _listener.Prefixes.Add(BaseUrl.ToString());
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri BaseUrl { get; }

    public ConcurrentQueue<(string Path, string? Authorization)> Requests { get; } = new();

    public Uri Url(string path) => new(BaseUrl, path.TrimStart('/'));

    public LoopbackServer Serve(string path, string body, string contentType = "application/json", int status = 200)
    {
        lock (_routes)
        {
            _routes[path] = (status, body, contentType);
        }

        return this;
    }

    public void Dispose()
    {
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener was closed under a pending GetContextAsync; nothing left to serve.
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var path = context.Request.Url!.AbsolutePath;
            Requests.Enqueue((path, context.Request.Headers["Authorization"]));
            (int Status, string Body, string ContentType) route;
            lock (_routes)
            {
                route = _routes.TryGetValue(path, out var found) ? found : (404, "not found", "text/plain");
            }

            var bytes = Encoding.UTF8.GetBytes(route.Body);
            context.Response.StatusCode = route.Status;
            context.Response.ContentType = route.ContentType;
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
