using System;
using System.Linq;
using System.Threading.Tasks;
using Antom.Contracts.Ledger;
using Antom.Contracts.Tests.Stores;
using Xunit;

namespace Antom.Contracts.Storage.PostgreSql.Tests;

public sealed class PostgreSqlAuthorizationLedgerStoreTests : AuthorizationLedgerStoreConformance, IDisposable
{
    private readonly PostgreSqlSchema _schema = new();

    protected override IAuthorizationLedgerStore Open() => new PostgreSqlAuthorizationLedgerStore(_schema.DataSource, _schema.Name);

    [Fact]
    public async Task Instances_starting_at_once_create_the_table_once()
    {
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => new PostgreSqlAuthorizationLedgerStore(_schema.DataSource, _schema.Name).EnsureCreatedAsync())));
        Assert.True(await Open().TrySaveAsync(LedgerStates.Bare("pay-1"), null, default));

        Assert.Equal(1, _schema.Count("antom_authorization_ledgers"));
    }

    public void Dispose() => _schema.Dispose();
}
