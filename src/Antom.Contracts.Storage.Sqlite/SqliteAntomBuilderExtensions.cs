using System;
using Antom.Contracts.Hosting;
using Antom.Contracts.Ledger;
using Antom.Contracts.Notifications;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Antom.Contracts.Storage.Sqlite;

/// <summary>Registers the SQLite stores with <see cref="AntomServiceCollectionExtensions.AddAntom"/>.</summary>
public static class SqliteAntomBuilderExtensions
{
    /// <summary>
    /// Keeps notification claims and authorisation ledgers in the SQLite file <paramref name="databasePath"/> (created,
    /// with its tables, on first use), replacing the in-memory defaults: one instance, or several processes on one
    /// machine, that survive a restart. For several machines use the PostgreSQL stores.
    /// </summary>
    public static AntomBuilder UseSqliteStores(this AntomBuilder builder, string databasePath)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(databasePath);
        string connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath }.ToString();
        builder.Services.Replace(ServiceDescriptor.Singleton<INotificationClaimStore>(sp => new SqliteNotificationClaimStore(connectionString, sp.GetService<TimeProvider>())));
        builder.Services.Replace(ServiceDescriptor.Singleton<IAuthorizationLedgerStore>(_ => new SqliteAuthorizationLedgerStore(connectionString)));
        return builder;
    }
}
