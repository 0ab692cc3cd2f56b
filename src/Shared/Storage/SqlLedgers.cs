using System;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using Antom.Contracts.Ledger;

namespace Antom.Contracts.Storage;

/// <summary>
/// The ledger compare-and-swap in SQL that SQLite and PostgreSQL both run unchanged: one row per payment
/// (<c>payment_id, version, state</c>), the state as <see cref="AuthorizationLedgerStateJson"/> text. Compiled into each
/// storage package.
/// </summary>
internal sealed class SqlLedgers(StoreConnections connections, string table)
{
    public static string CreateTableSql(string table)
        => $"CREATE TABLE IF NOT EXISTS {table} (payment_id TEXT PRIMARY KEY NOT NULL, version BIGINT NOT NULL, state TEXT NOT NULL)";

    public async ValueTask<AuthorizationLedgerState?> GetAsync(string paymentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paymentId);
        DbConnection connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using DbCommand command = StoreConnections.Command(connection, $"SELECT state FROM {table} WHERE payment_id = @id", ("id", paymentId));
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string json ? AuthorizationLedgerStateJson.Deserialize(json) : null;
        }
    }

    public async ValueTask<bool> TrySaveAsync(AuthorizationLedgerState state, long? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        string json = AuthorizationLedgerStateJson.Serialize(state);
        DbConnection connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // One statement each: a new ledger only where none is stored; an existing one only at the version read.
            await using DbCommand command = expectedVersion is { } expected
                ? StoreConnections.Command(connection, $"UPDATE {table} SET state = @state, version = @version WHERE payment_id = @id AND version = @expected",
                    ("id", state.Terms.PaymentId), ("state", json), ("version", state.Version), ("expected", expected))
                : StoreConnections.Command(connection, $"INSERT INTO {table} (payment_id, version, state) VALUES (@id, @version, @state) ON CONFLICT (payment_id) DO NOTHING",
                    ("id", state.Terms.PaymentId), ("state", json), ("version", state.Version));
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }
    }
}
