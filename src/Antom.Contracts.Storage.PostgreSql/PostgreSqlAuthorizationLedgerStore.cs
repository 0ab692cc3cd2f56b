using System.Threading;
using System.Threading.Tasks;
using Antom.Contracts.Ledger;
using Npgsql;

namespace Antom.Contracts.Storage.PostgreSql;

/// <summary>
/// An <see cref="IAuthorizationLedgerStore"/> in PostgreSQL (table <c>antom_authorization_ledgers</c> in the schema
/// given, the state as <see cref="AuthorizationLedgerStateJson"/> text): a new ledger is <c>INSERT … ON CONFLICT DO
/// NOTHING</c>, a change <c>UPDATE … WHERE payment_id = @id AND version = @expected</c>, so instances never overwrite each
/// other. Use it with <see cref="AuthorizationLedgerStore.UpdateAsync"/>.
/// </summary>
public sealed class PostgreSqlAuthorizationLedgerStore : IAuthorizationLedgerStore
{
    private readonly StoreConnections _connections;
    private readonly SqlLedgers _ledgers;

    /// <summary>A store over <paramref name="dataSource"/>.</summary>
    /// <param name="dataSource">Where to connect; the caller owns it.</param>
    /// <param name="schema">The schema that holds the table (<c>public</c> by default), created when missing.</param>
    /// <remarks>The table is created on first use; <see cref="EnsureCreatedAsync"/> creates it up front.</remarks>
    public PostgreSqlAuthorizationLedgerStore(NpgsqlDataSource dataSource, string schema = "public")
    {
        string table = PostgreSqlStoreConnections.QuoteSchema(schema) + ".antom_authorization_ledgers";
        _connections = PostgreSqlStoreConnections.Create(dataSource, PostgreSqlStoreConnections.QuoteSchema(schema), table, SqlLedgers.CreateTableSql(table));
        _ledgers = new SqlLedgers(_connections, table);
    }

    /// <summary>Creates the schema and table if needed; safe to call any number of times, from any number of instances at once.</summary>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken = default) => _connections.EnsureCreatedAsync(cancellationToken);

    /// <inheritdoc/>
    public ValueTask<AuthorizationLedgerState?> GetAsync(string paymentId, CancellationToken cancellationToken) => _ledgers.GetAsync(paymentId, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<bool> TrySaveAsync(AuthorizationLedgerState state, long? expectedVersion, CancellationToken cancellationToken) => _ledgers.TrySaveAsync(state, expectedVersion, cancellationToken);
}
