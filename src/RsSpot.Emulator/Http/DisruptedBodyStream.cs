using RsSpot.Emulator.FaultInjection;

namespace RsSpot.Emulator.Http;

/// <summary>
/// The in-process body of a reply disrupted by a fault: the head reads at once, the next read blocks for the stall,
/// then the tail follows or the read fails the way a reset connection fails a real client.
/// </summary>
internal sealed class DisruptedBodyStream(byte[] body, BodyDisruption disruption) : Stream
{
    private readonly ReadOnlyMemory<byte> _head = disruption.Head(body);
    private ReadOnlyMemory<byte> _pending = disruption.Head(body);
    private bool _headDone;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_pending.IsEmpty && !_headDone)
        {
            _headDone = true;
            await disruption.StallAsync(cancellationToken).ConfigureAwait(false);
            if (disruption.Reset)
            {
                throw new HttpIOException(HttpRequestError.ResponseEnded,
                    $"The response ended prematurely after {_head.Length} of {body.Length} bytes: the emulator reset the connection (injected fault).");
            }

            _pending = disruption.Tail(body);
        }

        var count = Math.Min(buffer.Length, _pending.Length);
        _pending[..count].CopyTo(buffer);
        _pending = _pending[count..];
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
