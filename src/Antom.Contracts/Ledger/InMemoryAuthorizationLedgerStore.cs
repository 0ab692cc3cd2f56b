using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace Antom.Contracts.Ledger;

/// <summary>
/// An <see cref="IAuthorizationLedgerStore"/> in this process's memory: for tests and a single instance that may forget
/// everything on restart. Use a durable store (SQLite, PostgreSQL) for anything else.
/// </summary>
public sealed class InMemoryAuthorizationLedgerStore : IAuthorizationLedgerStore
{
    private readonly ConcurrentDictionary<string, AuthorizationLedgerState> _ledgers = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public ValueTask<AuthorizationLedgerState?> GetAsync(string paymentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paymentId);
        cancellationToken.ThrowIfCancellationRequested();
        return new(_ledgers.TryGetValue(paymentId, out AuthorizationLedgerState? state) ? state : null);
    }

    /// <inheritdoc/>
    public ValueTask<bool> TrySaveAsync(AuthorizationLedgerState state, long? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        cancellationToken.ThrowIfCancellationRequested();
        string paymentId = state.Terms.PaymentId;
        if (expectedVersion is not { } expected)
        {
            return new(_ledgers.TryAdd(paymentId, state));
        }

        return new(_ledgers.TryGetValue(paymentId, out AuthorizationLedgerState? current)
                   && current.Version == expected
                   && _ledgers.TryUpdate(paymentId, state, current));
    }
}
