using System;
using System.Threading.Tasks;
using Antom.Contracts.Ledger;
using Antom.Contracts.Tests.Stores;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Antom.Contracts.Storage.Sqlite.Tests;

public sealed class SqliteAuthorizationLedgerStoreTests : AuthorizationLedgerStoreConformance, IDisposable
{
    private readonly SqliteDatabase _database = new();

    protected override IAuthorizationLedgerStore Open() => new SqliteAuthorizationLedgerStore(_database.ConnectionString);

    [Fact]
    public async Task The_file_is_in_wal_mode_and_both_stores_share_it()
    {
        var ledgers = new SqliteAuthorizationLedgerStore(_database.ConnectionString);
        await ledgers.EnsureCreatedAsync();
        await new SqliteNotificationClaimStore(_database.ConnectionString).EnsureCreatedAsync();
        await ledgers.EnsureCreatedAsync();
        Assert.True(await ledgers.TrySaveAsync(LedgerStates.Bare("pay-1"), null, default));

        using var connection = new SqliteConnection(_database.ConnectionString);
        connection.Open();
        using SqliteCommand mode = connection.CreateCommand();
        mode.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", mode.ExecuteScalar());
        using SqliteCommand tables = connection.CreateCommand();
        tables.CommandText = "SELECT group_concat(name, ',') FROM (SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name)";
        Assert.Equal("antom_authorization_ledgers,antom_notification_claims", tables.ExecuteScalar());
    }

    public void Dispose() => _database.Dispose();
}
