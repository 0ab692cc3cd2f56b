using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Antom.Contracts.Notifications;

/// <summary>
/// An in-process <see cref="INotificationClaimStore"/>: atomic within one process, forgotten on restart. Several
/// instances, or a restart that must not forget, need a durable store.
/// </summary>
public sealed class InMemoryNotificationClaimStore : INotificationClaimStore
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly TimeSpan _retention;
    private DateTimeOffset _nextSweep;

    /// <summary>Creates an empty store on <paramref name="time"/> (the system clock by default), which judges leases.</summary>
    /// <param name="time">The clock.</param>
    /// <param name="retention">
    /// How long a completed key is remembered (7 days by default; Antom re-sends for about 24 h). Older ones are
    /// forgotten, so the store does not grow without bound.
    /// </param>
    public InMemoryNotificationClaimStore(TimeProvider? time = null, TimeSpan? retention = null)
    {
        _time = time ?? TimeProvider.System;
        _retention = retention ?? TimeSpan.FromDays(7);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_retention, TimeSpan.Zero, nameof(retention));
        _nextSweep = _time.GetUtcNow() + _retention;
    }

    /// <summary>How many keys the store holds now (claimed or completed).</summary>
    public int Count
    {
        get
        {
            lock (_entries)
            {
                return _entries.Count;
            }
        }
    }

    /// <inheritdoc/>
    public ValueTask<NotificationClaim> ClaimAsync(string key, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        DateTimeOffset now = _time.GetUtcNow();
        lock (_entries)
        {
            Sweep(now);
            if (_entries.TryGetValue(key, out Entry? entry))
            {
                if (entry.Completed)
                {
                    return ValueTask.FromResult(new NotificationClaim(key, ClaimStatus.AlreadyCompleted, entry.Token));
                }

                if (entry.Expires > now)
                {
                    return ValueTask.FromResult(new NotificationClaim(key, ClaimStatus.HeldByAnother, entry.Token));
                }
            }

            // New, or a claim whose holder has not finished within its lease (it died): this delivery takes it.
            var claimed = new Entry(Guid.NewGuid().ToString("N"), now + lease, Completed: false);
            _entries[key] = claimed;
            return ValueTask.FromResult(new NotificationClaim(key, ClaimStatus.Claimed, claimed.Token));
        }
    }

    /// <inheritdoc/>
    public ValueTask CompleteAsync(NotificationClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        lock (_entries)
        {
            // Completed whoever holds it now: the result was handled, and that is what later deliveries must learn.
            _entries[claim.Key] = new Entry(claim.Token, _time.GetUtcNow() + _retention, Completed: true);
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask ReleaseAsync(NotificationClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        lock (_entries)
        {
            if (_entries.TryGetValue(claim.Key, out Entry? entry) && !entry.Completed && entry.Token == claim.Token)
            {
                _entries.Remove(claim.Key);
            }
        }

        return ValueTask.CompletedTask;
    }

    // Forgets completed keys past their retention (and dead claims past their lease), at most once per retention period.
    private void Sweep(DateTimeOffset now)
    {
        if (now < _nextSweep)
        {
            return;
        }

        var expired = new List<string>();
        foreach (KeyValuePair<string, Entry> pair in _entries)
        {
            if (pair.Value.Expires <= now)
            {
                expired.Add(pair.Key);
            }
        }

        foreach (string key in expired)
        {
            _entries.Remove(key);
        }

        _nextSweep = now + _retention;
    }

    // Expires: the end of a claim's lease, or when a completed key is forgotten.
    private sealed record Entry(string Token, DateTimeOffset Expires, bool Completed);
}
