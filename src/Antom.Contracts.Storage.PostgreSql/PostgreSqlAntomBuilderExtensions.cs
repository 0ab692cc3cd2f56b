using System;
using Antom.Contracts.Hosting;
using Antom.Contracts.Ledger;
using Antom.Contracts.Notifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace Antom.Contracts.Storage.PostgreSql;

/// <summary>Registers the PostgreSQL stores with <see cref="AntomServiceCollectionExtensions.AddAntom"/>.</summary>
public static class PostgreSqlAntomBuilderExtensions
{
    /// <summary>
    /// Keeps notification claims and authorisation ledgers in PostgreSQL (tables in <paramref name="schema"/>, created
    /// on first use), replacing the in-memory defaults: for several instances on several machines sharing one database.
    /// The data source is created once and disposed with the container.
    /// </summary>
    public static AntomBuilder UsePostgreSqlStores(this AntomBuilder builder, string connectionString, string schema = "public")
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        builder.Services.TryAddSingleton(_ => new AntomDataSource(NpgsqlDataSource.Create(connectionString)));
        builder.Services.Replace(ServiceDescriptor.Singleton<INotificationClaimStore>(sp => new PostgreSqlNotificationClaimStore(sp.GetRequiredService<AntomDataSource>().Source, schema, sp.GetService<TimeProvider>())));
        builder.Services.Replace(ServiceDescriptor.Singleton<IAuthorizationLedgerStore>(sp => new PostgreSqlAuthorizationLedgerStore(sp.GetRequiredService<AntomDataSource>().Source, schema)));
        return builder;
    }

    // The stores' own data source, owned (and disposed) by the container, apart from any the application registers.
    private sealed class AntomDataSource(NpgsqlDataSource source) : IDisposable
    {
        public NpgsqlDataSource Source { get; } = source;

        public void Dispose() => Source.Dispose();
    }
}
