using Antom.Contracts.Ledger;
using Antom.Contracts.Tests.Stores;

namespace Antom.Contracts.Tests;

/// <summary>The in-memory ledger store against the conformance suite: every Open is the same instance (its storage is itself).</summary>
public sealed class InMemoryAuthorizationLedgerStoreConformanceTests : AuthorizationLedgerStoreConformance
{
    private readonly InMemoryAuthorizationLedgerStore _store = new();

    protected override IAuthorizationLedgerStore Open() => _store;
}
