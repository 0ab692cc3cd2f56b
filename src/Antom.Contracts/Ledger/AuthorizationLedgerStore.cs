using System;
using System.Threading;
using System.Threading.Tasks;

namespace Antom.Contracts.Ledger;

/// <summary>Reading and changing a ledger in an <see cref="IAuthorizationLedgerStore"/>, safely under concurrent writers.</summary>
public static class AuthorizationLedgerStore
{
    /// <summary>The ledger of <paramref name="paymentId"/>, restored exactly, or null when none is stored.</summary>
    public static async ValueTask<AuthorizationLedger?> LoadAsync(this IAuthorizationLedgerStore store, string paymentId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        return await store.GetAsync(paymentId, cancellationToken).ConfigureAwait(false) is { } state ? AuthorizationLedger.FromState(state) : null;
    }

    /// <summary>Stores a newly opened ledger; false when one is already stored for that payment.</summary>
    public static ValueTask<bool> TryCreateAsync(this IAuthorizationLedgerStore store, AuthorizationLedger ledger, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(ledger);
        return store.TrySaveAsync(ledger.ToState(), null, cancellationToken);
    }

    /// <summary>
    /// Reads the ledger, applies <paramref name="change"/> and saves it by compare-and-swap; when another writer saved
    /// first, reads again and applies <paramref name="change"/> to the newer ledger, so every rule is checked against
    /// what is really stored. A change that returns the same ledger saves nothing. Exceptions from
    /// <paramref name="change"/> (an <see cref="OperationRefusedException"/>, say) pass through with nothing saved.
    /// </summary>
    /// <returns>The ledger as saved.</returns>
    /// <exception cref="InvalidOperationException">No ledger is stored for <paramref name="paymentId"/>.</exception>
    public static async ValueTask<AuthorizationLedger> UpdateAsync(this IAuthorizationLedgerStore store, string paymentId, Func<AuthorizationLedger, AuthorizationLedger> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(change);
        while (true)
        {
            AuthorizationLedger current = await store.LoadAsync(paymentId, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"No ledger is stored for payment {paymentId}: open it with TryCreateAsync first.");
            AuthorizationLedger changed = change(current);
            if (ReferenceEquals(changed, current) || changed.Version == current.Version)
            {
                return current;
            }

            if (await store.TrySaveAsync(changed.ToState(), current.Version, cancellationToken).ConfigureAwait(false))
            {
                AntomTelemetry.HeldChanged(current.CapturesHeld, changed.CapturesHeld);
                return changed;
            }
        }
    }
}
