using System;
using Antom.Contracts.Notifications;
using Antom.Contracts.Tests.Stores;

namespace Antom.Contracts.Tests;

/// <summary>The in-memory claim store against the conformance suite: every Open is the same instance (its storage is itself).</summary>
public sealed class InMemoryNotificationClaimStoreConformanceTests : NotificationClaimStoreConformance
{
    private InMemoryNotificationClaimStore? _store;

    protected override INotificationClaimStore Open(TimeProvider time) => _store ??= new InMemoryNotificationClaimStore(time, Retention);
}
