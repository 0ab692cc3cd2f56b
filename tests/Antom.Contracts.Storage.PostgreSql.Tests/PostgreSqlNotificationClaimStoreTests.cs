using System;
using System.Linq;
using System.Threading.Tasks;
using Antom.Contracts.Notifications;
using Antom.Contracts.Tests.Stores;
using Npgsql;
using Xunit;

namespace Antom.Contracts.Storage.PostgreSql.Tests;

public sealed class PostgreSqlNotificationClaimStoreTests : NotificationClaimStoreConformance, IDisposable
{
    private readonly PostgreSqlSchema _schema = new();

    protected override INotificationClaimStore Open(TimeProvider time) => new PostgreSqlNotificationClaimStore(_schema.DataSource, _schema.Name, time, Retention);

    [Fact]
    public async Task Instances_starting_at_once_create_the_schema_and_table_once_and_EnsureCreatedAsync_is_idempotent()
    {
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => new PostgreSqlNotificationClaimStore(_schema.DataSource, _schema.Name).EnsureCreatedAsync())));
        var store = new PostgreSqlNotificationClaimStore(_schema.DataSource, _schema.Name, Clock, Retention);
        await store.EnsureCreatedAsync();

        Assert.Equal(ClaimStatus.Claimed, (await store.ClaimAsync("k", TimeSpan.FromMinutes(1), default)).Status);
        Assert.Equal(1, _schema.Count("antom_notification_claims"));
    }

    [Fact]
    public async Task A_role_that_may_not_create_tables_uses_tables_made_by_another()
    {
        await new PostgreSqlNotificationClaimStore(_schema.DataSource, _schema.Name).EnsureCreatedAsync();
        string role = "antom_app_" + Guid.NewGuid().ToString("N");
        _schema.Execute($"CREATE ROLE {role} LOGIN; GRANT USAGE ON SCHEMA \"{_schema.Name}\" TO {role}; " +
                        $"GRANT SELECT, INSERT, UPDATE, DELETE ON \"{_schema.Name}\".antom_notification_claims TO {role}");
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(_schema.DataSource.ConnectionString) { Username = role };
            await using NpgsqlDataSource restricted = NpgsqlDataSource.Create(builder.ConnectionString);
            var store = new PostgreSqlNotificationClaimStore(restricted, _schema.Name, Clock, Retention);

            Assert.Equal(ClaimStatus.Claimed, (await store.ClaimAsync("k", TimeSpan.FromMinutes(1), default)).Status);
            await store.EnsureCreatedAsync();
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            _schema.Execute($"DROP OWNED BY {role}; DROP ROLE {role}");
        }
    }

    [Fact]
    public void A_schema_that_is_not_a_plain_identifier_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new PostgreSqlNotificationClaimStore(_schema.DataSource, "x\"; DROP TABLE y; --"));
    }

    public void Dispose() => _schema.Dispose();
}
