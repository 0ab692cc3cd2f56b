using System;
using System.Threading.Tasks;
using Antom.Contracts.Notifications;
using Antom.Contracts.Tests.Stores;
using Xunit;

namespace Antom.Contracts.Storage.Sqlite.Tests;

public sealed class SqliteNotificationClaimStoreTests : NotificationClaimStoreConformance, IDisposable
{
    private readonly SqliteDatabase _database = new();

    protected override INotificationClaimStore Open(TimeProvider time) => new SqliteNotificationClaimStore(_database.ConnectionString, time, Retention);

    [Fact]
    public async Task EnsureCreatedAsync_is_idempotent_and_concurrent_first_uses_create_the_table_once()
    {
        var store = new SqliteNotificationClaimStore(_database.ConnectionString, Clock, Retention);
        await Task.WhenAll(store.EnsureCreatedAsync(), new SqliteNotificationClaimStore(_database.ConnectionString).EnsureCreatedAsync());
        await store.EnsureCreatedAsync();

        Assert.Equal(ClaimStatus.Claimed, (await store.ClaimAsync("k", TimeSpan.FromMinutes(1), default)).Status);
    }

    public void Dispose() => _database.Dispose();
}
