using System.Threading;
using System.Threading.Tasks;

namespace Antom.Contracts.Ledger;

/// <summary>
/// Keeps each authorisation's ledger where every instance of the merchant's application sees it. A write is a
/// compare-and-swap on <see cref="AuthorizationLedgerState.Version"/>: of two instances that read the same version and
/// both try to save, exactly one succeeds; the other reads again and re-checks (see <see cref="AuthorizationLedgerStore.UpdateAsync"/>),
/// so two concurrent captures can never reserve more than was authorised.
/// </summary>
/// <remarks>
/// An implementation must make <see cref="TrySaveAsync"/> atomic, for example <c>INSERT … ON CONFLICT DO NOTHING</c>
/// for a new ledger and <c>UPDATE … SET state = @state, version = @version WHERE payment_id = @id AND version = @expected</c>
/// for an existing one, and must return exactly what <see cref="AuthorizationLedger.ToState"/> gave it.
/// </remarks>
public interface IAuthorizationLedgerStore
{
    /// <summary>The saved ledger of <paramref name="paymentId"/>, or null when there is none.</summary>
    ValueTask<AuthorizationLedgerState?> GetAsync(string paymentId, CancellationToken cancellationToken);

    /// <summary>
    /// Saves <paramref name="state"/> if the stored version is still <paramref name="expectedVersion"/>, or, when
    /// <paramref name="expectedVersion"/> is null, if no ledger of that payment is stored yet. Returns false, and changes
    /// nothing, when another writer got there first.
    /// </summary>
    ValueTask<bool> TrySaveAsync(AuthorizationLedgerState state, long? expectedVersion, CancellationToken cancellationToken);
}
