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

    /// <summary>Creates an empty store on <paramref name="time"/> (the system clock by default), which judges leases.</summary>
    public InMemoryNotificationClaimStore(TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
    }

    /// <inheritdoc/>
    public ValueTask<NotificationClaim> ClaimAsync(string key, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        DateTimeOffset now = _time.GetUtcNow();
        lock (_entries)
        {
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
            _entries[claim.Key] = new Entry(claim.Token, DateTimeOffset.MaxValue, Completed: true);
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

    private sealed record Entry(string Token, DateTimeOffset Expires, bool Completed);
}
