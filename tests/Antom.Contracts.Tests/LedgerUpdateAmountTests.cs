using System;
using System.Linq;
using Antom.Contracts.Ledger;
using Xunit;
using static Antom.Contracts.Tests.LedgerFixture;

namespace Antom.Contracts.Tests;

public class LedgerUpdateAmountTests
{
    [Fact]
    public void The_new_total_must_be_strictly_greater_than_the_authorised_amount()
    {
        Assert.Equal([LedgerViolation.NotAnIncrease], Open().Check(Update(10_000), Now));
        Assert.Empty(Open().Check(Update(10_001), Now));
        Assert.Contains(LedgerViolation.CurrencyMismatch, Open().Check(Update(10_001) with { Amount = Money.FromMinorUnits(20_000, "USD") }, Now));
        Assert.Contains(LedgerViolation.OtherPayment, Open().Check(Update(10_001) with { PaymentId = "pay-2" }, Now));
    }

    [Fact]
    public void Only_an_authorisation_antom_said_is_incremental_can_be_updated()
        => Assert.Equal([LedgerViolation.IncrementalAuthorizationNotAvailable], Open(Terms with { IncrementalAuthorizationAvailable = false }).Check(Update(12_000), Now));

    [Fact]
    public void No_update_once_a_capture_was_initiated_even_one_that_failed()
    {
        CaptureRequest capture = Capture(100);
        AuthorizationLedger failed = Open().Reserve(capture, Now).Record(capture, Answer(capture, ResultStatus.Failure));
        Assert.Equal([LedgerViolation.UpdateAfterCapture], failed.Check(Update(12_000), Now));
        Assert.Equal([LedgerViolation.UpdateAfterCapture], Open().Reserve(capture, Now).Check(Update(12_000), Now));
    }

    [Fact]
    public void An_accepted_update_changes_nothing_until_its_UPDATE_AMOUNT_RESULT()
    {
        UpdateAmountRequest update = Update(15_000);
        AuthorizationLedger accepted = Open().Reserve(update, Now).Record(update, Answer(update, ResultStatus.Success));

        // S is "accepted": the amount is not final, captures stay bounded by the old one, and no second update may start.
        Assert.Equal(OperationState.Pending, accepted.Find(LedgerOperation.UpdateAmount, "upd-1")!.State);
        Assert.Equal(Authorized, accepted.Authorized);
        Assert.Equal([LedgerViolation.ExceedsRemaining], accepted.Check(Capture(10_001), Now));
        Assert.Equal([LedgerViolation.UpdateInFlight], accepted.Check(Update(20_000, "upd-2"), Now));

        AuthorizationLedger applied = accepted.Apply(Notified(update, ResultStatus.Success));
        Assert.Equal(Brl(15_000), applied.Authorized);
        Assert.Empty(applied.Check(Capture(15_000), Now));
        Assert.Equal([LedgerViolation.ExceedsRemaining], applied.Check(Capture(15_001), Now));
        Assert.Equal([LedgerViolation.NotAnIncrease], applied.Check(Update(15_000, "upd-2"), Now));

        AuthorizationLedger refused = accepted.Apply(Notified(update, ResultStatus.Failure));
        Assert.Equal(Authorized, refused.Authorized);
        Assert.Empty(refused.Check(Update(20_000, "upd-2"), Now));
    }

    [Fact]
    public void An_update_in_flight_or_unknown_blocks_another_and_a_retry_under_its_id_is_fine()
    {
        AuthorizationLedger reserved = Open().Reserve(Update(15_000), Now);
        Assert.Equal([LedgerViolation.UpdateInFlight], reserved.Check(Update(16_000, "upd-2"), Now));
        Assert.Empty(reserved.Check(Update(15_000), Now));
        Assert.Equal([LedgerViolation.RequestIdReusedWithDifferentAmount], reserved.Check(Update(16_000), Now));
    }

    [Fact]
    public void At_most_ten_adjustments_and_a_failed_one_does_not_count()
    {
        AuthorizationLedger ledger = Open();
        for (int i = 1; i <= AuthorizationLedger.MaxAmountUpdates; i++)
        {
            UpdateAmountRequest update = Update(10_000 + (i * 100), "upd-" + i);
            ledger = ledger.Reserve(update, Now).Record(update, Answer(update, ResultStatus.Success)).Apply(Notified(update, i == 1 ? ResultStatus.Failure : ResultStatus.Success));
        }

        Assert.Equal(9, ledger.Entries.Count(e => e.Operation == LedgerOperation.UpdateAmount && e.State == OperationState.Succeeded));
        UpdateAmountRequest tenth = Update(12_000, "upd-11");
        Assert.Empty(ledger.Check(tenth, Now));
        ledger = ledger.Reserve(tenth, Now).Record(tenth, Answer(tenth, ResultStatus.Success)).Apply(Notified(tenth, ResultStatus.Success));
        Assert.Equal([LedgerViolation.UpdateLimitReached], ledger.Check(Update(13_000, "upd-12"), Now));
    }

    [Fact]
    public void No_update_after_authExpiryTime_which_updates_never_move()
    {
        DateTimeOffset expiry = AuthorizedAt.AddDays(3);
        AuthorizationLedger ledger = Open(Terms with { AuthExpiryTime = expiry });
        Assert.Empty(ledger.Check(Update(12_000), expiry));
        Assert.Equal([LedgerViolation.AuthorizationExpired], ledger.Check(Update(12_000), expiry.AddTicks(1)));
    }

    [Fact]
    public void Only_UPDATE_AMOUNT_RESULT_changes_the_ledger_and_it_must_name_its_update()
    {
        UpdateAmountRequest update = Update(15_000);
        AuthorizationLedger accepted = Open().Reserve(update, Now).Record(update, Answer(update, ResultStatus.Success));
        Assert.Same(accepted, accepted.Apply(Notified(update, ResultStatus.Success) with { NotifyType = PaymentNotifyType.PaymentResult }));
        Assert.Throws<ArgumentException>(() => accepted.Apply(Notified(update, ResultStatus.Success) with { UpdateRequestId = null }));
        Assert.Throws<ArgumentException>(() => accepted.Apply(Notified(update, ResultStatus.Success) with { PaymentId = "pay-2" }));

        // A different final amount than the one requested is booked as Antom says, and reported.
        AuthorizationLedger differs = accepted.Apply(Notified(update, ResultStatus.Success) with { PaymentAmount = Brl(14_000) });
        Assert.Equal(Brl(14_000), differs.Authorized);
        Assert.Equal(LedgerDiscrepancyKind.AmountDiffers, Assert.Single(differs.Discrepancies).Kind);
    }

    [Fact]
    public void An_update_answer_that_echoes_another_amount_is_refused()
    {
        AuthorizationLedger reserved = Open().Reserve(Update(15_000), Now);
        Assert.Throws<ArgumentException>(() => reserved.Record(Update(15_000), Answer(Update(15_000), ResultStatus.Success) with { Amount = Brl(16_000) }));
        Assert.Equal(OperationState.Failed, reserved.Record(Update(15_000), Answer(Update(15_000), ResultStatus.Failure)).Find(LedgerOperation.UpdateAmount, "upd-1")!.State);
    }
}
