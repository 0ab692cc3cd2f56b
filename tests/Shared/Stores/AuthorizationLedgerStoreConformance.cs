using System;
using System.Linq;
using System.Threading.Tasks;
using Antom.Contracts.Ledger;
using Xunit;

namespace Antom.Contracts.Tests.Stores;

/// <summary>
/// What every <see cref="IAuthorizationLedgerStore"/> must do, run against each implementation. <see cref="Open"/> gives
/// a store on this test's own storage: a durable store opens a new instance each time (another process, or a restart).
/// </summary>
public abstract class AuthorizationLedgerStoreConformance
{
    /// <summary>A store on this test's storage.</summary>
    protected abstract IAuthorizationLedgerStore Open();

    [Fact]
    public async Task Nothing_stored_reads_as_null()
    {
        Assert.Null(await Open().GetAsync("pay-none", default));
        Assert.Null(await Open().LoadAsync("pay-none"));
    }

    [Fact]
    public async Task A_ledger_is_created_once()
    {
        IAuthorizationLedgerStore store = Open();
        AuthorizationLedgerState first = LedgerStates.Rich("pay-1", version: 0);
        AuthorizationLedgerState second = LedgerStates.Bare("pay-1");

        Assert.True(await store.TrySaveAsync(first, null, default));
        Assert.False(await Open().TrySaveAsync(second, null, default));

        Assert.Equal(first, await Open().GetAsync("pay-1", default));
    }

    [Fact]
    public async Task A_save_at_a_stale_version_returns_false_and_changes_nothing()
    {
        IAuthorizationLedgerStore store = Open();
        Assert.True(await store.TrySaveAsync(LedgerStates.Bare("pay-1"), null, default));
        AuthorizationLedgerState winner = LedgerStates.Rich("pay-1", version: 1);
        Assert.True(await store.TrySaveAsync(winner, 0, default));

        Assert.False(await Open().TrySaveAsync(LedgerStates.Rich("pay-1", version: 1) with { Entries = ValueList<LedgerEntry>.Empty }, 0, default));
        Assert.False(await Open().TrySaveAsync(LedgerStates.Rich("pay-1", version: 3), 2, default));
        Assert.False(await Open().TrySaveAsync(LedgerStates.Rich("pay-2", version: 1), 0, default)); // none stored at all

        Assert.Equal(winner, await Open().GetAsync("pay-1", default));
        Assert.Null(await Open().GetAsync("pay-2", default));
    }

    [Fact]
    public async Task Concurrent_captures_through_UpdateAsync_never_reserve_more_than_was_authorised()
    {
        const int writers = 20;
        AuthorizationLedger opened = AuthorizationLedger.Open(LedgerStates.Terms("pay-1", authorizedMinor: 10_000));
        Assert.True(await Open().TryCreateAsync(opened));
        IAuthorizationLedgerStore[] stores = Enumerable.Range(0, writers).Select(_ => Open()).ToArray();
        DateTimeOffset now = LedgerStates.AuthorizedAt.AddHours(1);
        // All start together, as soon as the last is scheduled (a Barrier would block pool threads and starve the pool).
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        Task<bool>[] captures = stores.Select((store, i) => Task.Run(async () =>
        {
            await start.Task;
            var request = new CaptureRequest { CaptureRequestId = "cap-" + i, PaymentId = "pay-1", CaptureAmount = LedgerStates.Brl(1_000) };
            try
            {
                await store.UpdateAsync("pay-1", ledger => ledger.Reserve(request, now));
                return true;
            }
            catch (OperationRefusedException)
            {
                return false;
            }
        })).ToArray();
        start.SetResult();
        bool[] reserved = await Task.WhenAll(captures);

        AuthorizationLedger stored = (await Open().LoadAsync("pay-1"))!;
        Assert.Equal(10, reserved.Count(r => r));
        Assert.Equal(10, stored.ToState().Entries.Count);
        Assert.Equal(LedgerStates.Brl(10_000), stored.CapturesHeld);
        Assert.Equal(LedgerStates.Brl(0), stored.Remaining);
        Assert.Equal(10, stored.Version);
    }

    [Fact]
    public async Task A_state_round_trips_exactly_offsets_and_ticks_included()
    {
        AuthorizationLedgerState state = LedgerStates.Rich("pay-1");
        Assert.True(await Open().TrySaveAsync(state, null, default));

        AuthorizationLedgerState back = (await Open().GetAsync("pay-1", default))!;

        Assert.Equal(state, back);
        Assert.Equal(state.Terms.AuthorizedAt.Offset, back.Terms.AuthorizedAt.Offset);
        Assert.Equal(state.Terms.AuthorizedAt.Ticks, back.Terms.AuthorizedAt.Ticks);
        Assert.Equal(state.Terms.AuthExpiryTime, back.Terms.AuthExpiryTime);
        Assert.Equal(state.Terms.AuthExpiryTime!.Value.Offset, back.Terms.AuthExpiryTime!.Value.Offset);
    }

    [Fact]
    public async Task A_store_opened_again_keeps_every_ledger_and_goes_on_from_its_version()
    {
        IAuthorizationLedgerStore store = Open();
        Assert.True(await store.TrySaveAsync(LedgerStates.Rich("pay-1"), null, default));
        Assert.True(await store.TrySaveAsync(LedgerStates.Bare("pay-2"), null, default));

        IAuthorizationLedgerStore reopened = Open();
        Assert.Equal(LedgerStates.Rich("pay-1"), await reopened.GetAsync("pay-1", default));
        Assert.Equal(LedgerStates.Bare("pay-2"), await reopened.GetAsync("pay-2", default));
        Assert.True(await reopened.TrySaveAsync(LedgerStates.Rich("pay-1", version: 8), 7, default));
        Assert.Equal(8, (await Open().GetAsync("pay-1", default))!.Version);
    }
}
