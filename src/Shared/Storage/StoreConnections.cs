using System;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;

namespace Antom.Contracts.Storage;

/// <summary>
/// Opens connections for a store, and creates its schema once before the first one is used (create on first use);
/// <see cref="EnsureCreatedAsync"/> does it on demand and is idempotent.
/// </summary>
// CA1001: a SemaphoreSlim whose AvailableWaitHandle is never read holds nothing that needs disposing.
#pragma warning disable CA1001
internal sealed class StoreConnections(Func<CancellationToken, ValueTask<DbConnection>> open, Func<DbConnection, CancellationToken, Task> createSchema)
{
#pragma warning restore CA1001
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _created;

    public async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        DbConnection connection = await open(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_created)
            {
                await CreateAsync(connection, explicitly: false, cancellationToken).ConfigureAwait(false);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        DbConnection connection = await open(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await CreateAsync(connection, explicitly: true, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task CreateAsync(DbConnection connection, bool explicitly, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_created && !explicitly)
            {
                return;
            }

            await createSchema(connection, cancellationToken).ConfigureAwait(false);
            _created = true;
        }
        finally
        {
            _gate.Release();
        }
    }

    internal static DbCommand Command(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        DbCommand command = connection.CreateCommand();
#pragma warning disable CA2100 // The SQL is this class's own text; only table names, validated by the store, are put in it.
        command.CommandText = sql;
#pragma warning restore CA2100
        foreach ((string name, object value) in parameters)
        {
            DbParameter parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
