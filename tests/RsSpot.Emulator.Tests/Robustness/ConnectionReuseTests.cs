using System.Net.Sockets;
using RsSpot.Emulator.Server;

namespace RsSpot.Emulator.Tests.Robustness;

/// <summary>Over HTTP, every kind of answer leaves the keep-alive connection usable for the next request.</summary>
public sealed class ConnectionReuseTests
{
    [TestCase("POST", "_emulator/reset", 204)]
    [TestCase("DELETE", "_emulator/faults", 204)]
    [TestCase("GET", "_emulator/faults", 200)]
    [TestCase("GET", "apis/ngpc.rxt.io/v1/regions", 401)]
    public async Task An_answer_keeps_the_connection_open_for_the_next_request(string method, string path, int status)
    {
        await using var server = await SpotEmulatorServer.StartAsync(new SpotEmulator());
        var connections = 0;
        using var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                Interlocked.Increment(ref connections);
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            },
        };
        using var http = new HttpClient(handler) { BaseAddress = server.BaseAddress };

        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            using var response = await http.SendAsync(request);
            statuses.Add((int)response.StatusCode);
            // The server's close of a connection reaches the client a moment after the answer; give it the time.
            await Task.Delay(50);
        }

        Assert.That(statuses, Is.EqualTo(new[] { status, status, status }));
        Assert.That(connections, Is.EqualTo(1), "one connection carried every request");
    }
}
