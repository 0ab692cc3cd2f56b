using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Antom.Contracts.Notifications;

/// <summary>Settings of an <see cref="AntomNotificationReceiver"/>.</summary>
public sealed class AntomNotificationReceiverOptions
{
    /// <summary>
    /// The merchant client id(s) whose notifications are accepted (at least one). A correctly signed notification for
    /// another client id (another merchant, or the sandbox when this is live) is rejected: its ids are not ours.
    /// </summary>
    public required IReadOnlyCollection<string> ClientIds { get; init; }

    /// <summary>
    /// The oldest <c>request-time</c> accepted (epoch milliseconds or an ISO 8601 time), or null (the default) to accept
    /// any. Off by default: Antom re-sends a notification for about 24 h and does not document a fresh
    /// <c>request-time</c> on each re-send, and a replayed old notification can do no harm here, because a final result
    /// already handled is a re-delivery. Turn it on (for example 25 h) to refuse very old replays outright.
    /// </summary>
    public TimeSpan? MaxRequestAge { get; init; }

    /// <summary>
    /// How long a claim lasts before another delivery may take it over (its holder is presumed dead): 5 min by default.
    /// Keep it longer than the slowest handler run.
    /// </summary>
    public TimeSpan ClaimLease { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The clock for <see cref="MaxRequestAge"/>.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>
    /// Called with the raw body of every correctly signed notification that breaks its contract, before it is refused
    /// (400; Antom re-sends it, then gives up). Keep it to reconcile by hand. An exception here is logged and ignored.
    /// </summary>
    public Func<RejectedNotification, CancellationToken, Task>? OnRejected { get; init; }

    internal void Validate()
    {
        if (ClientIds is null || ClientIds.Count == 0)
        {
            throw new ArgumentException("AntomNotificationReceiverOptions.ClientIds must name at least one client id.", nameof(ClientIds));
        }

        foreach (string id in ClientIds)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(id, nameof(ClientIds));
        }

        if (MaxRequestAge is { } age && (age <= TimeSpan.Zero || age > TimeSpan.FromDays(30)))
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRequestAge), age, "AntomNotificationReceiverOptions.MaxRequestAge must be positive and at most 30 days, or null.");
        }

        if (ClaimLease <= TimeSpan.Zero || ClaimLease > TimeSpan.FromDays(1))
        {
            throw new ArgumentOutOfRangeException(nameof(ClaimLease), ClaimLease, "AntomNotificationReceiverOptions.ClaimLease must be positive and at most one day.");
        }

        ArgumentNullException.ThrowIfNull(Time, nameof(Time));
    }
}
