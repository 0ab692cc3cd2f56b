using System;
using System.Threading;

namespace Antom.Contracts.Tests;

/// <summary>A clock that moves only when told to: shared by the simulator, the client and the webhook in the end-to-end tests, and by the store tests to run leases out.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
