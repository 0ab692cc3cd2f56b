using System;
using System.Threading;

namespace Antom.Contracts.Tests.Stores;

/// <summary>A clock the store tests move by hand, so that leases and retention run out when a test says so.</summary>
internal sealed class StoreClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
