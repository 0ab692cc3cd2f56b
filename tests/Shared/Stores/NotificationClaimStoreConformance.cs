using System;
using System.Linq;
using System.Threading.Tasks;
using Antom.Contracts.Notifications;
using Xunit;

namespace Antom.Contracts.Tests.Stores;

/// <summary>
/// What every <see cref="INotificationClaimStore"/> must do, run against each implementation. <see cref="Open"/> gives a
/// store on this test's own storage: a durable store opens a new instance each time (another process, or a restart),
/// so concurrent claims and restarts go through separate instances.
/// </summary>
public abstract class NotificationClaimStoreConformance
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    internal ManualClock Clock { get; } = new(new DateTimeOffset(2026, 9, 1, 12, 0, 0, TimeSpan.Zero));

    /// <summary>How long the stores <see cref="Open"/> gives remember a completed key.</summary>
    protected static TimeSpan Retention { get; } = TimeSpan.FromDays(2);

    /// <summary>A store on this test's storage, judging time by <paramref name="time"/>, keeping completed keys for <see cref="Retention"/>.</summary>
    protected abstract INotificationClaimStore Open(TimeProvider time);

    [Fact]
    public async Task Of_many_concurrent_claims_of_one_key_exactly_one_wins()
    {
        const int claimers = 16;
        INotificationClaimStore[] stores = Enumerable.Range(0, claimers).Select(_ => Open(Clock)).ToArray();
        // All start together, as soon as the last is scheduled (a Barrier would block pool threads and starve the pool).
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<NotificationClaim>[] claims = stores.Select(store => Task.Run(async () =>
        {
            await start.Task;
            return await store.ClaimAsync("k", Lease, default);
        })).ToArray();
        start.SetResult();

        NotificationClaim[] results = await Task.WhenAll(claims);

        Assert.Single(results, r => r.Status == ClaimStatus.Claimed);
        Assert.All(results.Where(r => r.Status != ClaimStatus.Claimed), r => Assert.Equal(ClaimStatus.HeldByAnother, r.Status));
    }

    [Fact]
    public async Task Concurrent_claims_of_different_keys_all_win()
    {
        INotificationClaimStore store = Open(Clock);
        NotificationClaim[] results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(async () => await store.ClaimAsync("k" + i, Lease, default))));

        Assert.All(results, r => Assert.Equal(ClaimStatus.Claimed, r.Status));
        Assert.Equal(12, results.Select(r => r.Token).Distinct().Count());
    }

    [Fact]
    public async Task A_live_claim_is_held_and_a_claim_past_its_lease_is_taken_over_with_a_new_token()
    {
        INotificationClaimStore store = Open(Clock);
        NotificationClaim dead = await store.ClaimAsync("k", Lease, default);
        Assert.Equal(ClaimStatus.Claimed, dead.Status);

        Clock.Advance(Lease - TimeSpan.FromSeconds(1));
        NotificationClaim held = await Open(Clock).ClaimAsync("k", Lease, default);
        Assert.Equal(ClaimStatus.HeldByAnother, held.Status);

        Clock.Advance(TimeSpan.FromSeconds(1));
        NotificationClaim taken = await Open(Clock).ClaimAsync("k", Lease, default);
        Assert.Equal(ClaimStatus.Claimed, taken.Status);
        Assert.NotEqual(dead.Token, taken.Token);
    }

    [Fact]
    public async Task A_taken_over_claims_late_release_cannot_free_the_new_holders_claim()
    {
        INotificationClaimStore store = Open(Clock);
        NotificationClaim dead = await store.ClaimAsync("k", Lease, default);
        Clock.Advance(Lease + TimeSpan.FromTicks(1));
        NotificationClaim taken = await Open(Clock).ClaimAsync("k", Lease, default);

        await store.ReleaseAsync(dead, default);

        Assert.Equal(ClaimStatus.HeldByAnother, (await Open(Clock).ClaimAsync("k", Lease, default)).Status);
        await Open(Clock).CompleteAsync(taken, default);
        Assert.Equal(ClaimStatus.AlreadyCompleted, (await Open(Clock).ClaimAsync("k", Lease, default)).Status);
    }

    [Fact]
    public async Task Release_lets_the_next_claim_win()
    {
        INotificationClaimStore store = Open(Clock);
        NotificationClaim first = await store.ClaimAsync("k", Lease, default);
        await store.ReleaseAsync(first, default);

        NotificationClaim next = await Open(Clock).ClaimAsync("k", Lease, default);

        Assert.Equal(ClaimStatus.Claimed, next.Status);
        Assert.NotEqual(first.Token, next.Token);
    }

    [Fact]
    public async Task After_complete_every_later_claim_is_a_redelivery_and_release_changes_nothing()
    {
        INotificationClaimStore store = Open(Clock);
        NotificationClaim claim = await store.ClaimAsync("k", Lease, default);
        await store.CompleteAsync(claim, default);

        Clock.Advance(Lease * 3); // past any lease: completed is not a claim that runs out
        NotificationClaim again = await Open(Clock).ClaimAsync("k", Lease, default);
        await store.ReleaseAsync(claim, default);
        NotificationClaim afterRelease = await Open(Clock).ClaimAsync("k", Lease, default);

        Assert.Equal(ClaimStatus.AlreadyCompleted, again.Status);
        Assert.Equal(ClaimStatus.AlreadyCompleted, afterRelease.Status);
    }

    [Fact]
    public async Task Completed_keys_are_remembered_for_the_retention_then_forgotten()
    {
        INotificationClaimStore store = Open(Clock);
        await store.CompleteAsync(await store.ClaimAsync("k", Lease, default), default);

        Clock.Advance(Retention - TimeSpan.FromMinutes(1));
        Assert.Equal(ClaimStatus.AlreadyCompleted, (await Open(Clock).ClaimAsync("k", Lease, default)).Status);
        Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        Assert.Equal(ClaimStatus.Claimed, (await Open(Clock).ClaimAsync("k", Lease, default)).Status);
    }

    [Fact]
    public async Task A_store_opened_again_keeps_claims_and_completed_keys()
    {
        INotificationClaimStore store = Open(Clock);
        NotificationClaim held = await store.ClaimAsync("held", Lease, default);
        await store.CompleteAsync(await store.ClaimAsync("done", Lease, default), default);

        INotificationClaimStore reopened = Open(Clock);

        Assert.Equal(ClaimStatus.HeldByAnother, (await reopened.ClaimAsync("held", Lease, default)).Status);
        Assert.Equal(ClaimStatus.AlreadyCompleted, (await reopened.ClaimAsync("done", Lease, default)).Status);
        await reopened.ReleaseAsync(held, default);
        Assert.Equal(ClaimStatus.Claimed, (await reopened.ClaimAsync("held", Lease, default)).Status);
    }

    [Fact]
    public async Task Keys_are_exact()
    {
        INotificationClaimStore store = Open(Clock);
        string key = "TEST_CLIENT_1|CAPTURE_RESULT|pay|cap|S|BRL|110 ünïcode";
        await store.CompleteAsync(await store.ClaimAsync(key, Lease, default), default);

        Assert.Equal(ClaimStatus.AlreadyCompleted, (await store.ClaimAsync(key, Lease, default)).Status);
        Assert.Equal(ClaimStatus.Claimed, (await store.ClaimAsync(key.ToUpperInvariant(), Lease, default)).Status);
        Assert.Equal(ClaimStatus.Claimed, (await store.ClaimAsync(key + " ", Lease, default)).Status);
    }
}
