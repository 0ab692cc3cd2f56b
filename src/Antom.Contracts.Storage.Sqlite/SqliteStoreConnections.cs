using System;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Antom.Contracts.Storage.Sqlite;

// Connections to one SQLite file: WAL so readers never block the writer, and a busy timeout so that concurrent writers,
// in this process or another, wait for each other instead of failing.
internal static class SqliteStoreConnections
{
    public const int BusyTimeoutMilliseconds = 30_000;

    public static StoreConnections Create(string connectionString, string createTableSql)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DefaultTimeout < BusyTimeoutMilliseconds / 1000)
        {
            builder.DefaultTimeout = BusyTimeoutMilliseconds / 1000;
        }

        string resolved = builder.ToString();
        return new StoreConnections(
            async cancellationToken =>
            {
                var connection = new SqliteConnection(resolved);
                try
                {
                    await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                    await using DbCommand pragma = StoreConnections.Command(connection, $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}");
                    await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    return connection;
                }
                catch
                {
                    await connection.DisposeAsync().ConfigureAwait(false);
                    throw;
                }
            },
            async (connection, cancellationToken) =>
            {
                // WAL is a property of the file: set once, kept by every later connection.
                await using DbCommand wal = StoreConnections.Command(connection, "PRAGMA journal_mode = WAL");
                await wal.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                await using DbCommand create = StoreConnections.Command(connection, createTableSql);
                await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            });
    }
}
