using System.Net.Http;
using System.Threading;

namespace Antom.Contracts.Hosting;

/// <summary>
/// Whether any attempt of one call may have left the process. Kept in the request's options, which the resilience
/// handler copies by reference into the message of every attempt, so the innermost handler's marks reach the outermost.
/// </summary>
internal sealed class SendTracker
{
    public static readonly HttpRequestOptionsKey<SendTracker> Key = new("Antom.Contracts.Hosting.SendTracker");

    private int _mayHaveLeft;

    /// <summary>True once an attempt was handed to the network and did not fail in a way that proves it was not sent.</summary>
    public bool MayHaveLeft => Volatile.Read(ref _mayHaveLeft) > 0;

    public void Sending() => Interlocked.Increment(ref _mayHaveLeft);

    public void ProvedNotSent() => Interlocked.Decrement(ref _mayHaveLeft);
}
