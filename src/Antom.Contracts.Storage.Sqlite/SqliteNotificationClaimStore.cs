using System;
using System.Threading;
using System.Threading.Tasks;
using Antom.Contracts.Notifications;

namespace Antom.Contracts.Storage.Sqlite;

/// <summary>
/// An <see cref="INotificationClaimStore"/> in a SQLite file (table <c>antom_notification_claims</c>): a claim is one
/// atomic upsert, so of concurrent claims of one key, in this process or another on the same file, exactly one wins; it
/// survives a restart. For several machines, use the PostgreSQL store.
/// </summary>
public sealed class SqliteNotificationClaimStore : INotificationClaimStore
{
    private const string Table = "antom_notification_claims";
    private readonly StoreConnections _connections;
    private readonly SqlClaims _claims;

    /// <summary>A store over the SQLite database <paramref name="connectionString"/> names, such as <c>Data Source=antom.db</c>.</summary>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string; the file is created when missing.</param>
    /// <param name="time">The clock that judges leases and retention (the system clock by default).</param>
    /// <param name="retention">How long a completed key is remembered (7 days by default; Antom re-sends for about 24 h).</param>
    /// <remarks>The table is created on first use; <see cref="EnsureCreatedAsync"/> creates it up front.</remarks>
    public SqliteNotificationClaimStore(string connectionString, TimeProvider? time = null, TimeSpan? retention = null)
    {
        _connections = SqliteStoreConnections.Create(connectionString, SqlClaims.CreateTableSql(Table));
        _claims = new SqlClaims(_connections, Table, time, retention);
    }

    /// <summary>Creates the table (and switches the file to WAL) if needed; safe to call any number of times, from any process.</summary>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken = default) => _connections.EnsureCreatedAsync(cancellationToken);

    /// <inheritdoc/>
    public ValueTask<NotificationClaim> ClaimAsync(string key, TimeSpan lease, CancellationToken cancellationToken) => _claims.ClaimAsync(key, lease, cancellationToken);

    /// <inheritdoc/>
    public ValueTask CompleteAsync(NotificationClaim claim, CancellationToken cancellationToken) => _claims.CompleteAsync(claim, cancellationToken);

    /// <inheritdoc/>
    public ValueTask ReleaseAsync(NotificationClaim claim, CancellationToken cancellationToken) => _claims.ReleaseAsync(claim, cancellationToken);
}
