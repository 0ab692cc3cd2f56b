using System;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using Antom.Contracts.Notifications;

namespace Antom.Contracts.Storage;

/// <summary>
/// The notification claim protocol in SQL that SQLite (3.35+) and PostgreSQL both run unchanged: one row per key
/// (<c>notification_key, state, token, expires_at</c> with times as UTC ticks), claimed by one atomic upsert. Compiled into each
/// storage package; each package brings its own connections and schema.
/// </summary>
internal sealed class SqlClaims
{
    private readonly StoreConnections _connections;
    private readonly string _table;
    private readonly TimeProvider _time;
    private readonly TimeSpan _retention;
    private long _nextSweepTicks;

    public SqlClaims(StoreConnections connections, string table, TimeProvider? time, TimeSpan? retention)
    {
        _connections = connections;
        _table = table;
        _time = time ?? TimeProvider.System;
        _retention = retention ?? TimeSpan.FromDays(7);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_retention, TimeSpan.Zero, nameof(retention));
    }

    public static string CreateTableSql(string table)
        => $"CREATE TABLE IF NOT EXISTS {table} (notification_key TEXT PRIMARY KEY NOT NULL, state TEXT NOT NULL, token TEXT NOT NULL, expires_at BIGINT NOT NULL)";

    public async ValueTask<NotificationClaim> ClaimAsync(string key, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        DbConnection connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            DateTimeOffset now = _time.GetUtcNow();
            await SweepAsync(connection, now, cancellationToken).ConfigureAwait(false);
            string token = Guid.NewGuid().ToString("N");
            while (true)
            {
                // New, or held by a claim whose lease ran out (its holder died), or completed so long ago that it is
                // forgotten: this delivery takes it. One statement, so of concurrent claims exactly one row update wins.
                await using DbCommand claim = StoreConnections.Command(connection,
                    $"INSERT INTO {_table} AS c (notification_key, state, token, expires_at) VALUES (@key, 'claimed', @token, @expires) " +
                    "ON CONFLICT (notification_key) DO UPDATE SET state = 'claimed', token = excluded.token, expires_at = excluded.expires_at " +
                    "WHERE c.expires_at <= @now RETURNING token",
                    ("key", key), ("token", token), ("expires", (now + lease).UtcTicks), ("now", now.UtcTicks));
                if (await claim.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string won)
                {
                    return new NotificationClaim(key, ClaimStatus.Claimed, won);
                }

                await using DbCommand read = StoreConnections.Command(connection, $"SELECT state, token FROM {_table} WHERE notification_key = @key", ("key", key));
                await using DbDataReader row = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                if (await row.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    ClaimStatus status = row.GetString(0) == "completed" ? ClaimStatus.AlreadyCompleted : ClaimStatus.HeldByAnother;
                    return new NotificationClaim(key, status, row.GetString(1));
                }

                // Released between the two statements: claim again.
            }
        }
    }

    public async ValueTask CompleteAsync(NotificationClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        DbConnection connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // Completed whoever holds it now, as the in-memory store does: the result was handled, and that is what
            // later deliveries must learn. Kept for the retention period.
            await using DbCommand command = StoreConnections.Command(connection,
                $"INSERT INTO {_table} AS c (notification_key, state, token, expires_at) VALUES (@key, 'completed', @token, @expires) " +
                "ON CONFLICT (notification_key) DO UPDATE SET state = 'completed', token = excluded.token, expires_at = excluded.expires_at",
                ("key", claim.Key), ("token", claim.Token), ("expires", (_time.GetUtcNow() + _retention).UtcTicks));
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask ReleaseAsync(NotificationClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        DbConnection connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // Only this claim's own row: a claim taken over after its lease cannot free the new holder's.
            await using DbCommand command = StoreConnections.Command(connection, $"DELETE FROM {_table} WHERE notification_key = @key AND state = 'claimed' AND token = @token",
                ("key", claim.Key), ("token", claim.Token));
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    // Forgets completed keys past their retention and dead claims past their lease, at most once an hour per instance.
    private async ValueTask SweepAsync(DbConnection connection, DateTimeOffset now, CancellationToken cancellationToken)
    {
        long next = Interlocked.Read(ref _nextSweepTicks);
        if (now.UtcTicks < next || Interlocked.CompareExchange(ref _nextSweepTicks, now.UtcTicks + TimeSpan.TicksPerHour, next) != next)
        {
            return;
        }

        await using DbCommand command = StoreConnections.Command(connection, $"DELETE FROM {_table} WHERE expires_at <= @now", ("now", now.UtcTicks));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
