using System;
using System.Threading;
using System.Threading.Tasks;

namespace Antom.Contracts.Notifications;

/// <summary>
/// Claims notifications so that each final result is handled once as a first delivery, even when Antom delivers it
/// twice at once or to two instances. The protocol is <b>claim → run the handler → complete</b>, or <b>release</b> when the
/// handler failed (so the next delivery claims it again).
/// </summary>
/// <remarks>
/// An implementation must make <see cref="ClaimAsync"/> atomic: of any number of concurrent claims of one key, exactly
/// one gets <see cref="ClaimStatus.Claimed"/>. A durable store does it in one statement, for example
/// <c>INSERT … ON CONFLICT (key) DO UPDATE … WHERE state = 'claimed' AND claimed_at &lt; @expired RETURNING token</c>.
/// A claim whose holder died is taken over once its lease has run out.
/// </remarks>
public interface INotificationClaimStore
{
    /// <summary>Tries to claim <paramref name="key"/> for <paramref name="lease"/>.</summary>
    ValueTask<NotificationClaim> ClaimAsync(string key, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>The handler succeeded: the key is completed for good; later deliveries are re-deliveries.</summary>
    ValueTask CompleteAsync(NotificationClaim claim, CancellationToken cancellationToken);

    /// <summary>The handler failed: gives the claim up, if it is still this claim's, so the next delivery claims it.</summary>
    ValueTask ReleaseAsync(NotificationClaim claim, CancellationToken cancellationToken);
}
