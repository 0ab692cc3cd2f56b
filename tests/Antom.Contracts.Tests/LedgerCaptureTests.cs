using System;
using System.Collections.Generic;
using System.Linq;
using Antom.Contracts.Ledger;
using CsCheck;
using Xunit;

namespace Antom.Contracts.Tests;

public class LedgerCaptureTests
{
    private static readonly DateTimeOffset AuthorizedAt = new(2026, 9, 1, 7, 0, 0, TimeSpan.FromHours(-7));
    private static readonly Money Authorized = Money.FromMinorUnits(10_000, "BRL");

    private static CaptureRequest Request(long minor, string id = "cap-1", string currency = "BRL", bool? last = null)
        => new() { CaptureRequestId = id, PaymentId = "pay-1", CaptureAmount = Money.FromMinorUnits(minor, currency), IsLastCapture = last };

    // Antom's answer to a request: it echoes the request's ids and amount, as a success must.
    private static CaptureResponse Response(ResultStatus status, string? captureId = null, CaptureRequest? to = null)
        => new()
        {
            Result = new AntomResult { ResultCode = status == ResultStatus.Success ? ResultCode.Success : status == ResultStatus.Failure ? ResultCode.ProcessFail : ResultCode.CaptureInProcess, ResultStatus = status },
            CaptureId = captureId,
            CaptureRequestId = (to ?? Request(0)).CaptureRequestId,
            PaymentId = (to ?? Request(0)).PaymentId,
            CaptureAmount = to?.CaptureAmount,
        };

    // check → reserve → send → record, the way the README says, for tests that start from a capture already answered.
    private static AuthorizationLedger Sent(AuthorizationLedger ledger, CaptureRequest request, ResultStatus status, string? captureId = null)
        => ledger.Reserve(request, AuthorizedAt.AddHours(1)).Record(request, Response(status, captureId, request));

    private static AuthorizationLedger Ledger(bool multiple = true, bool american = false, DateTimeOffset? expiry = null)
        => AuthorizationLedger.Open(new AuthorizationTerms("pay-1", Authorized, AuthorizedAt) { AuthExpiryTime = expiry, AllowsMultipleCaptures = multiple, IsAmericanCard = american });

    [Fact]
    public void A_valid_capture_breaks_no_rule_and_exactly_the_remaining_amount_is_allowed()
    {
        Assert.Empty(Ledger().Check(Request(10_000), AuthorizedAt.AddHours(1)));
        AuthorizationLedger ledger = Sent(Ledger(), Request(6_000), ResultStatus.Success, "c1");
        Assert.Empty(ledger.Check(Request(4_000, "cap-2"), AuthorizedAt.AddHours(2)));
        Assert.Equal([LedgerViolation.ExceedsRemaining], ledger.Check(Request(4_001, "cap-2"), AuthorizedAt.AddHours(2)));
    }

    [Fact]
    public void The_capture_window_is_seven_days_to_the_tick()
    {
        Assert.Empty(Ledger().Check(Request(100), AuthorizedAt + TimeSpan.FromDays(7)));
        Assert.Equal([LedgerViolation.CaptureWindowClosed], Ledger().Check(Request(100), AuthorizedAt + TimeSpan.FromDays(7) + TimeSpan.FromTicks(1)));
    }

    [Fact]
    public void AuthExpiryTime_is_a_hard_limit()
    {
        DateTimeOffset expiry = AuthorizedAt.AddDays(3);
        Assert.Empty(Ledger(expiry: expiry).Check(Request(100), expiry));
        Assert.Equal([LedgerViolation.AuthorizationExpired], Ledger(expiry: expiry).Check(Request(100), expiry.AddSeconds(1)));
    }

    [Fact]
    public void Currency_zero_single_capture_american_card_and_last_capture_rules()
    {
        DateTimeOffset now = AuthorizedAt.AddHours(1);
        Assert.Contains(LedgerViolation.CurrencyMismatch, Ledger().Check(Request(100, currency: "USD"), now));
        Assert.Equal([LedgerViolation.NotPositive], Ledger().Check(Request(0), now));

        AuthorizationLedger single = Sent(Ledger(multiple: false), Request(100), ResultStatus.Success);
        Assert.Equal([LedgerViolation.MultipleCapturesNotAllowed], single.Check(Request(100, "cap-2"), now));
        AuthorizationLedger singleFailed = Sent(Ledger(multiple: false), Request(100), ResultStatus.Failure);
        Assert.Empty(singleFailed.Check(Request(100, "cap-2"), now));

        Assert.Equal([LedgerViolation.AmericanCardNotInFull], Ledger(american: true).Check(Request(9_999), now));
        Assert.Empty(Ledger(american: true).Check(Request(10_000), now));

        AuthorizationLedger last = Sent(Ledger(), Request(100, last: true), ResultStatus.Unknown);
        Assert.Equal([LedgerViolation.AfterLastCapture], last.Check(Request(100, "cap-2"), now));
    }

    [Fact]
    public void A_request_id_reused_with_another_amount_is_refused_but_the_same_retry_is_fine()
    {
        AuthorizationLedger ledger = Sent(Ledger(multiple: false), Request(500), ResultStatus.Unknown);
        DateTimeOffset now = AuthorizedAt.AddHours(1);
        Assert.Empty(ledger.Check(Request(500), now)); // retrying a U with the same id is exactly what Antom asks for
        Assert.Equal([LedgerViolation.RequestIdReusedWithDifferentAmount], ledger.Check(Request(600), now));
    }

    [Fact]
    public void An_unknown_capture_stays_reserved_until_resolved()
    {
        AuthorizationLedger pending = Sent(Ledger(), Request(6_000), ResultStatus.Unknown);
        Assert.Equal(Money.FromMinorUnits(6_000, "BRL"), pending.CapturesHeld);
        Assert.Equal(Money.FromMinorUnits(4_000, "BRL"), pending.Remaining);
        Assert.Equal([LedgerViolation.ExceedsRemaining], pending.Check(Request(5_000, "cap-2"), AuthorizedAt.AddHours(1)));

        AuthorizationLedger succeeded = pending.Apply(Notification(ResultStatus.Success, 6_000));
        Assert.Equal(Money.FromMinorUnits(6_000, "BRL"), succeeded.Captured);
        Assert.Equal(Money.Zero(succeeded.Authorized.Currency), succeeded.CapturesHeld);
        Assert.Equal(OperationState.Succeeded, succeeded.Entries.Single().State);
        Assert.Equal("capid-1", succeeded.Entries.Single().AntomId);

        AuthorizationLedger failed = pending.Apply(Inquiry(Transaction(ResultStatus.Failure, 6_000)));
        Assert.Equal(Money.Zero(failed.Authorized.Currency), failed.Captured);
        Assert.Equal(Authorized, failed.Remaining);
    }

    [Fact]
    public void Applying_the_same_outcome_twice_changes_nothing_and_final_states_never_change()
    {
        AuthorizationLedger once = Sent(Ledger(), Request(6_000), ResultStatus.Unknown).Apply(Notification(ResultStatus.Success, 6_000));
        AuthorizationLedger twice = once.Apply(Notification(ResultStatus.Success, 6_000)).Record(Request(6_000), Response(ResultStatus.Success, null, Request(6_000)));
        AuthorizationLedger contradicted = once.Apply(Inquiry(Transaction(ResultStatus.Failure, 6_000)));

        Assert.Equal(once.Captured, twice.Captured);
        Assert.Equal(once.Entries, twice.Entries);
        Assert.Equal(once.Captured, contradicted.Captured);
    }

    [Fact]
    public void A_refund_transaction_under_a_capture_request_id_is_booked_as_a_refund_never_as_that_capture()
    {
        var refund = new PaymentTransaction
        {
            TransactionType = TransactionType.Refund, TransactionStatus = TransactionStatus.Success, TransactionId = "r", TransactionRequestId = "cap-1",
            TransactionAmount = Money.FromMinorUnits(6_000, "BRL"), TransactionResult = new AntomResult { ResultCode = ResultCode.Success, ResultStatus = ResultStatus.Success },
        };
        AuthorizationLedger pending = Sent(Ledger(), Request(6_000), ResultStatus.Unknown);
        AuthorizationLedger applied = pending.Apply(Inquiry(refund));

        Assert.Equal(OperationState.Pending, applied.Find(LedgerOperation.Capture, "cap-1")!.State);
        Assert.Equal(Money.FromMinorUnits(6_000, "BRL"), applied.CapturesHeld);
        Assert.Equal(OperationState.Succeeded, applied.Find(LedgerOperation.Refund, "cap-1")!.State);
        Assert.Equal(LedgerDiscrepancyKind.Unrequested, Assert.Single(applied.Discrepancies).Kind);
    }

    [Fact]
    public void A_capture_in_flight_is_reserved_before_sending_and_holds_its_amount()
    {
        DateTimeOffset now = AuthorizedAt.AddHours(1);
        AuthorizationLedger reserved = Ledger().Reserve(Request(10_000), now);

        // In flight, timed out or outcome unknown: the amount is held, so no second capture can take the remainder.
        Assert.Equal(OperationState.Reserved, reserved.Entries.Single().State);
        Assert.Equal(Authorized, reserved.CapturesHeld);
        Assert.Equal(Money.Zero(Authorized.Currency), reserved.Remaining);
        Assert.Equal([LedgerViolation.ExceedsRemaining], reserved.Check(Request(10_000, "cap-2"), now));
        OperationRefusedException refused = Assert.Throws<OperationRefusedException>(() => reserved.Reserve(Request(10_000, "cap-2"), now));
        Assert.Equal([LedgerViolation.ExceedsRemaining], refused.Violations);

        // The retry under the same id reserves nothing more; under the same id with another amount it is refused.
        Assert.Same(reserved, reserved.Reserve(Request(10_000), now));
        Assert.Throws<OperationRefusedException>(() => reserved.Reserve(Request(9_000), now));
    }

    [Fact]
    public void Record_and_apply_resolve_a_reservation_and_release_undoes_only_one_that_never_left()
    {
        DateTimeOffset now = AuthorizedAt.AddHours(1);
        AuthorizationLedger reserved = Ledger().Reserve(Request(6_000), now);

        AuthorizationLedger released = reserved.Release(LedgerOperation.Capture, "cap-1", new AntomPayloadException("$.captureRequestId", PayloadRule.MaxLength, "too long"));
        Assert.Empty(released.Entries);
        Assert.Equal(Authorized, released.Remaining);

        AuthorizationLedger unknown = reserved.Record(Request(6_000), Response(ResultStatus.Unknown, "capid-1", Request(6_000)));
        Assert.Equal(OperationState.Pending, unknown.Entries.Single().State);
        InvalidOperationException e = Assert.Throws<InvalidOperationException>(() => unknown.Release(LedgerOperation.Capture, "cap-1", new OperationCanceledException()));
        Assert.Contains("Antom has answered", e.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => Ledger().Release(LedgerOperation.Capture, "cap-9", new OperationCanceledException()));

        // After "outcome unknown" the capture may have happened: that is no proof that it never left.
        var unknownOutcome = new InvalidOperationException("stands in for AntomOutcomeUnknownException, which only the client makes");
        Assert.Throws<ArgumentException>(() => reserved.Release(LedgerOperation.Capture, "cap-1", unknownOutcome));
        Assert.Equal(OperationState.Reserved, reserved.Entries.Single().State);

        Assert.Equal(OperationState.Succeeded, reserved.Record(Request(6_000), Response(ResultStatus.Success, "capid-1", Request(6_000))).Entries.Single().State);
        Assert.Equal(OperationState.Succeeded, reserved.Apply(Notification(ResultStatus.Success, 6_000)).Entries.Single().State);
        Assert.Equal(OperationState.Failed, reserved.Apply(Inquiry(Transaction(ResultStatus.Failure, 6_000))).Entries.Single().State);
    }

    [Fact]
    public void Outcomes_for_another_payment_are_refused_and_change_nothing()
    {
        DateTimeOffset now = AuthorizedAt.AddHours(1);
        AuthorizationLedger ledger = Ledger().Reserve(Request(6_000), now);
        CaptureRequest other = Request(6_000) with { PaymentId = "pay-OTHER" };

        Assert.Contains(LedgerViolation.OtherPayment, ledger.Check(other, now));
        Assert.Throws<ArgumentException>(() => ledger.Record(other, Response(ResultStatus.Success, null, other)));
        Assert.Throws<ArgumentException>(() => ledger.Record(Request(6_000), Response(ResultStatus.Success, null, Request(6_000)) with { PaymentId = "pay-OTHER" }));
        Assert.Throws<ArgumentException>(() => ledger.Apply(Notification(ResultStatus.Success, 6_000) with { PaymentId = "pay-OTHER" }));
        Assert.Throws<ArgumentException>(() => ledger.Apply(Inquiry(Transaction(ResultStatus.Success, 6_000)) with { PaymentId = "pay-OTHER" }));
        Assert.Equal(OperationState.Reserved, ledger.Entries.Single().State);
    }

    [Fact]
    public void A_final_amount_that_differs_from_the_reserved_one_is_booked_as_antom_says_and_reported()
    {
        AuthorizationLedger ledger = Ledger().Reserve(Request(6_000), AuthorizedAt.AddHours(1)).Apply(Notification(ResultStatus.Success, 5_000));

        Assert.Equal(Money.FromMinorUnits(5_000, "BRL"), ledger.Captured);
        LedgerDiscrepancy d = Assert.Single(ledger.Discrepancies);
        Assert.Equal(new LedgerDiscrepancy(LedgerOperation.Capture, "cap-1", LedgerDiscrepancyKind.AmountDiffers, Money.FromMinorUnits(6_000, "BRL"), Money.FromMinorUnits(5_000, "BRL"), OperationState.Reserved, OperationState.Succeeded), d);

        // The same notification again reports nothing new.
        Assert.Same(ledger, ledger.Apply(Notification(ResultStatus.Success, 5_000)));
    }

    [Fact]
    public void A_contradicting_final_result_and_an_unrequested_capture_are_reported_never_ignored()
    {
        AuthorizationLedger captured = Sent(Ledger(), Request(6_000), ResultStatus.Success, "capid-1");
        AuthorizationLedger contradicted = captured.Apply(Notification(ResultStatus.Failure, 6_000));
        Assert.Equal(captured.Captured, contradicted.Captured); // the first final state stays booked
        Assert.Equal(LedgerDiscrepancyKind.ConflictingFinalState, Assert.Single(contradicted.Discrepancies).Kind);

        AuthorizationLedger unrequested = Ledger().Apply(Notification(ResultStatus.Success, 3_000));
        Assert.Equal(Money.FromMinorUnits(3_000, "BRL"), unrequested.Captured);
        Assert.Equal(LedgerDiscrepancyKind.Unrequested, Assert.Single(unrequested.Discrepancies).Kind);
    }

    [Fact]
    public void Recording_requires_a_reservation_so_no_answer_can_push_the_ledger_past_the_authorisation()
    {
        CaptureRequest huge = Request(50_000);
        InvalidOperationException e = Assert.Throws<InvalidOperationException>(() => Ledger().Record(huge, Response(ResultStatus.Success, "c", huge)));
        Assert.Contains("reserve it before sending", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Recording_refuses_an_answer_that_echoes_another_request()
    {
        AuthorizationLedger ledger = Ledger().Reserve(Request(6_000, "cap-a"), AuthorizedAt.AddHours(1));
        CaptureResponse forB = Response(ResultStatus.Success, "c-b", Request(6_000, "cap-b"));

        Assert.Throws<ArgumentException>(() => ledger.Record(Request(6_000, "cap-a"), forB));
        Assert.Throws<ArgumentException>(() => ledger.Record(Request(6_000, "cap-a"), Response(ResultStatus.Success, "c-a", Request(6_001, "cap-a"))));
        Assert.Equal(OperationState.Reserved, ledger.Entries.Single().State);
    }

    [Fact]
    public void A_capture_id_learned_from_a_later_outcome_is_kept()
    {
        AuthorizationLedger pending = Sent(Ledger(), Request(6_000), ResultStatus.Unknown);
        Assert.Null(pending.Entries.Single().AntomId);

        AuthorizationLedger resolved = pending.Apply(Notification(ResultStatus.Success, 6_000));
        Assert.Equal("capid-1", resolved.Entries.Single().AntomId);
    }

    [Fact]
    public void A_failure_later_reported_captured_stays_failed_but_its_amount_is_held()
    {
        AuthorizationLedger failed = Sent(Ledger(), Request(6_000), ResultStatus.Failure);
        Assert.Equal(Authorized, failed.Remaining);

        AuthorizationLedger disputed = failed.Apply(Notification(ResultStatus.Success, 6_000));

        Assert.Equal(OperationState.Failed, disputed.Entries.Single().State);
        Assert.Equal(LedgerDiscrepancyKind.ConflictingFinalState, Assert.Single(disputed.Discrepancies).Kind);
        Assert.Equal(Money.FromMinorUnits(4_000, "BRL"), disputed.Remaining); // never counts on money Antom may have taken
        Assert.Equal([LedgerViolation.ExceedsRemaining], disputed.Check(Request(10_000, "cap-2"), AuthorizedAt.AddHours(1)));
    }

    [Fact]
    public void Any_outcome_for_a_capture_never_reserved_is_reported()
    {
        foreach (ResultStatus status in new[] { ResultStatus.Success, ResultStatus.Failure, ResultStatus.Unknown })
        {
            AuthorizationLedger ledger = Ledger().Apply(Notification(status, 3_000));
            Assert.Equal(LedgerDiscrepancyKind.Unrequested, Assert.Single(ledger.Discrepancies).Kind);
        }
    }

    [Fact]
    public void Version_increments_on_every_change_and_only_then()
    {
        DateTimeOffset now = AuthorizedAt.AddHours(1);
        AuthorizationLedger v0 = Ledger();
        AuthorizationLedger v1 = v0.Reserve(Request(6_000), now);
        AuthorizationLedger v2 = v1.Record(Request(6_000), Response(ResultStatus.Unknown, null, Request(6_000)));
        AuthorizationLedger v3 = v2.Apply(Notification(ResultStatus.Success, 6_000));
        Assert.Equal([0L, 1, 2, 3], new[] { v0, v1, v2, v3 }.Select(l => l.Version));
        Assert.Equal(3, v3.Apply(Notification(ResultStatus.Success, 6_000)).Version);
        Assert.Equal(3, v3.Reserve(Request(6_000), now).Version);
        Assert.Equal(2, v1.Release(LedgerOperation.Capture, "cap-1", new OperationCanceledException()).Version);
    }

    [Fact]
    public void The_state_saves_and_restores_exactly()
    {
        DateTimeOffset now = AuthorizedAt.AddHours(1);
        AuthorizationLedger ledger = AuthorizationLedger.Open(new AuthorizationTerms("pay-1", Authorized, AuthorizedAt) { AuthExpiryTime = AuthorizedAt.AddDays(5), AllowsMultipleCaptures = true })
            .Reserve(Request(1_000, "cap-a"), now)
            .Reserve(Request(2_000, "cap-b"), now).Record(Request(2_000, "cap-b"), Response(ResultStatus.Unknown, "id-b", Request(2_000, "cap-b")))
            .Reserve(Request(3_000, "cap-c"), now).Apply(Notification(ResultStatus.Success, 2_500) with { CaptureRequestId = "cap-c", CaptureId = "id-c" })
            .Reserve(Request(500, "cap-d"), now).Record(Request(500, "cap-d"), Response(ResultStatus.Failure, null, Request(500, "cap-d")));

        AuthorizationLedgerState state = ledger.ToState();
        AuthorizationLedger restored = AuthorizationLedger.FromState(state);

        Assert.Equal(state, restored.ToState());
        Assert.Equal(ledger.Version, restored.Version);
        Assert.Equal(ledger.Remaining, restored.Remaining);
        Assert.Equal(ledger.CapturesHeld, restored.CapturesHeld);
        Assert.Equal(ledger.Discrepancies, restored.Discrepancies);
        Assert.Equal(ledger.Check(Request(3_000, "cap-e"), now), restored.Check(Request(3_000, "cap-e"), now));
        Assert.Equal(4, state.Entries.Count);

        Assert.Throws<ArgumentException>(() => AuthorizationLedger.FromState(state with { Entries = [.. state.Entries, state.Entries[0]] }));
        Assert.Throws<ArgumentException>(() => AuthorizationLedger.FromState(state with { Entries = [state.Entries[0] with { Amount = Money.FromMinorUnits(1, "USD") }] }));
        Assert.Throws<ArgumentOutOfRangeException>(() => AuthorizationLedger.FromState(state with { Version = -1 }));
    }

    [Fact]
    public void Over_random_requests_and_outcomes_the_captured_total_never_exceeds_the_authorised_amount()
    {
        var step = Gen.Select(Gen.Long[0, 4_000], Gen.Int[0, 5], Gen.Int[0, 2], Gen.Bool);
        step.Array[1, 30].Sample(steps =>
        {
            AuthorizationLedger ledger = Ledger();
            DateTimeOffset now = AuthorizedAt.AddHours(1);
            var sent = new List<CaptureRequest>();
            int n = 0;
            foreach ((long amount, int idChoice, int outcome, bool resolveOld) in steps)
            {
                // Sometimes retry an earlier id, sometimes a new one; send only what the ledger allows.
                string id = idChoice == 0 && sent.Count > 0 ? sent[^1].CaptureRequestId : "cap-" + n++;
                CaptureRequest request = Request(amount, id);
                if (ledger.Check(request, now).Count == 0)
                {
                    // check → reserve → persist → send → record, with some sends timing out (no record at all).
                    ledger = AuthorizationLedger.FromState(ledger.Reserve(request, now).ToState());
                    sent.Add(request);
                    if (amount % 5 != 0)
                    {
                        ledger = ledger.Record(request, Response((ResultStatus)(outcome + 1), "id-" + id, request));
                    }
                }

                if (resolveOld && sent.Count > 0)
                {
                    CaptureRequest old = sent[idChoice % sent.Count];
                    ledger = ledger.Apply(new CaptureResultNotification
                    {
                        Result = new AntomResult { ResultCode = ResultCode.Success, ResultStatus = outcome == 0 ? ResultStatus.Failure : ResultStatus.Success },
                        CaptureRequestId = old.CaptureRequestId, PaymentId = "pay-1", CaptureId = "id-" + old.CaptureRequestId, CaptureAmount = old.CaptureAmount,
                    });
                }

                // Only when Antom contradicts itself (an F then an S for one capture) does the ledger hold more than was
                // authorised: it keeps the disputed amount held, so it still allows nothing more.
                if (ledger.Discrepancies.Count == 0)
                {
                    Assert.True(ledger.Captured.MinorUnits + ledger.CapturesHeld.MinorUnits <= Authorized.MinorUnits, $"captured {ledger.Captured} + pending {ledger.CapturesHeld} > {Authorized}");
                }
                else if (ledger.Captured.MinorUnits + ledger.CapturesHeld.MinorUnits >= Authorized.MinorUnits)
                {
                    Assert.Equal(0, ledger.Remaining.MinorUnits);
                }

                Assert.True(ledger.Captured <= Authorized);
            }
        }, iter: 2_000);
    }

    private static CaptureResultNotification Notification(ResultStatus status, long minor) => new()
    {
        Result = new AntomResult { ResultCode = ResultCode.Success, ResultStatus = status },
        CaptureRequestId = "cap-1", PaymentId = "pay-1", CaptureId = "capid-1", CaptureAmount = Money.FromMinorUnits(minor, "BRL"),
    };

    private static InquiryPaymentResponse Inquiry(params PaymentTransaction[] transactions) => new()
    {
        Result = new AntomResult { ResultCode = ResultCode.Success, ResultStatus = ResultStatus.Success },
        PaymentId = "pay-1",
        Transactions = ValueList.From(transactions),
    };

    private static PaymentTransaction Transaction(ResultStatus status, long minor) => new()
    {
        TransactionType = TransactionType.Capture, TransactionStatus = status == ResultStatus.Success ? TransactionStatus.Success : TransactionStatus.Fail,
        TransactionId = "capid-1", TransactionRequestId = "cap-1", TransactionAmount = Money.FromMinorUnits(minor, "BRL"),
        TransactionResult = new AntomResult { ResultCode = ResultCode.Success, ResultStatus = status },
    };
}
