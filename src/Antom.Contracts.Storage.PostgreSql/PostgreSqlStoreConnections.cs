using System;
using System.Data.Common;
using System.Text.RegularExpressions;
using Npgsql;

namespace Antom.Contracts.Storage.PostgreSql;

// Connections from a data source, and schema creation that is safe when several instances start at once.
internal static partial class PostgreSqlStoreConnections
{
    // Any lock id of our own: held while creating, so concurrent CREATE ... IF NOT EXISTS cannot race on the catalog.
    private const long SchemaLockId = 0x616E746F6D5F7374; // "antom_st"

    public static StoreConnections Create(NpgsqlDataSource dataSource, string schema, string table, string createTableSql)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        return new StoreConnections(
            async cancellationToken => await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false),
            async (connection, cancellationToken) =>
            {
                // A table that exists is left alone: CREATE ... IF NOT EXISTS would still need the CREATE privilege,
                // which an application's own role often lacks once a migration role made the tables.
                await using (DbCommand exists = StoreConnections.Command(connection, "SELECT to_regclass(@table) IS NOT NULL", ("table", table)))
                {
                    if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true)
                    {
                        return;
                    }
                }

                await using DbTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                foreach (string sql in new[] { $"SELECT pg_advisory_xact_lock({SchemaLockId})", $"CREATE SCHEMA IF NOT EXISTS {schema}", createTableSql })
                {
                    await using DbCommand command = StoreConnections.Command(connection, sql);
                    await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            });
    }

    /// <summary><paramref name="schema"/> quoted for SQL, once checked to be a plain identifier.</summary>
    public static string QuoteSchema(string schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return PlainIdentifier().IsMatch(schema)
            ? "\"" + schema + "\""
            : throw new ArgumentException($"The schema \"{schema}\" is not a plain identifier (a letter or _, then letters, digits or _, at most 63).", nameof(schema));
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainIdentifier();
}
