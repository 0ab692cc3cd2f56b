using System.Threading;
using System.Threading.Tasks;
using Antom.Contracts.Ledger;

namespace Antom.Contracts.Storage.Sqlite;

/// <summary>
/// An <see cref="IAuthorizationLedgerStore"/> in a SQLite file (table <c>antom_authorization_ledgers</c>, the state as
/// <see cref="AuthorizationLedgerStateJson"/>): a save is one compare-and-swap statement on the version, so writers in this
/// process or another on the same file never overwrite each other. Use it with <see cref="AuthorizationLedgerStore.UpdateAsync"/>.
/// </summary>
public sealed class SqliteAuthorizationLedgerStore : IAuthorizationLedgerStore
{
    private const string Table = "antom_authorization_ledgers";
    private readonly StoreConnections _connections;
    private readonly SqlLedgers _ledgers;

    /// <summary>A store over the SQLite database <paramref name="connectionString"/> names, such as <c>Data Source=antom.db</c>.</summary>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string; the file is created when missing.</param>
    /// <remarks>The table is created on first use; <see cref="EnsureCreatedAsync"/> creates it up front.</remarks>
    public SqliteAuthorizationLedgerStore(string connectionString)
    {
        _connections = SqliteStoreConnections.Create(connectionString, SqlLedgers.CreateTableSql(Table));
        _ledgers = new SqlLedgers(_connections, Table);
    }

    /// <summary>Creates the table (and switches the file to WAL) if needed; safe to call any number of times, from any process.</summary>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken = default) => _connections.EnsureCreatedAsync(cancellationToken);

    /// <inheritdoc/>
    public ValueTask<AuthorizationLedgerState?> GetAsync(string paymentId, CancellationToken cancellationToken) => _ledgers.GetAsync(paymentId, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<bool> TrySaveAsync(AuthorizationLedgerState state, long? expectedVersion, CancellationToken cancellationToken) => _ledgers.TrySaveAsync(state, expectedVersion, cancellationToken);
}
