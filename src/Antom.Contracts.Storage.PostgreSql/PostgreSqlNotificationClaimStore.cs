using System;
using System.Threading;
using System.Threading.Tasks;
using Antom.Contracts.Notifications;
using Npgsql;

namespace Antom.Contracts.Storage.PostgreSql;

/// <summary>
/// An <see cref="INotificationClaimStore"/> in PostgreSQL (table <c>antom_notification_claims</c> in the schema given): a
/// claim is one atomic <c>INSERT … ON CONFLICT … DO UPDATE … WHERE … RETURNING</c>, so of concurrent claims of one key,
/// from any number of instances, exactly one wins.
/// </summary>
public sealed class PostgreSqlNotificationClaimStore : INotificationClaimStore
{
    private readonly StoreConnections _connections;
    private readonly SqlClaims _claims;

    /// <summary>A store over <paramref name="dataSource"/>.</summary>
    /// <param name="dataSource">Where to connect; the caller owns it.</param>
    /// <param name="schema">The schema that holds the table (<c>public</c> by default), created when missing.</param>
    /// <param name="time">The clock that judges leases and retention (the system clock by default).</param>
    /// <param name="retention">How long a completed key is remembered (7 days by default; Antom re-sends for about 24 h).</param>
    /// <remarks>The table is created on first use; <see cref="EnsureCreatedAsync"/> creates it up front.</remarks>
    public PostgreSqlNotificationClaimStore(NpgsqlDataSource dataSource, string schema = "public", TimeProvider? time = null, TimeSpan? retention = null)
    {
        string table = PostgreSqlStoreConnections.QuoteSchema(schema) + ".antom_notification_claims";
        _connections = PostgreSqlStoreConnections.Create(dataSource, PostgreSqlStoreConnections.QuoteSchema(schema), table, SqlClaims.CreateTableSql(table));
        _claims = new SqlClaims(_connections, table, time, retention);
    }

    /// <summary>Creates the schema and table if needed; safe to call any number of times, from any number of instances at once.</summary>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken = default) => _connections.EnsureCreatedAsync(cancellationToken);

    /// <inheritdoc/>
    public ValueTask<NotificationClaim> ClaimAsync(string key, TimeSpan lease, CancellationToken cancellationToken) => _claims.ClaimAsync(key, lease, cancellationToken);

    /// <inheritdoc/>
    public ValueTask CompleteAsync(NotificationClaim claim, CancellationToken cancellationToken) => _claims.CompleteAsync(claim, cancellationToken);

    /// <inheritdoc/>
    public ValueTask ReleaseAsync(NotificationClaim claim, CancellationToken cancellationToken) => _claims.ReleaseAsync(claim, cancellationToken);
}
