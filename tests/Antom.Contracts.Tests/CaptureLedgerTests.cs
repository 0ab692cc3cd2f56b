using System;
using System.Collections.Generic;
using System.Linq;
using Antom.Contracts.Capture;
using CsCheck;
using Xunit;

namespace Antom.Contracts.Tests;

public class CaptureLedgerTests
{
    private static readonly DateTimeOffset AuthorizedAt = new(2026, 9, 1, 7, 0, 0, TimeSpan.FromHours(-7));
    private static readonly Money Authorized = Money.FromMinorUnits(10_000, "BRL");

    private static CaptureRequest Request(long minor, string id = "cap-1", string currency = "BRL", bool? last = null)
        => new() { CaptureRequestId = id, PaymentId = "pay-1", CaptureAmount = Money.FromMinorUnits(minor, currency), IsLastCapture = last };

    private static CaptureResponse Response(ResultStatus status, string? captureId = null)
        => new() { Result = new AntomResult { ResultCode = status == ResultStatus.Success ? ResultCode.Success : status == ResultStatus.Failure ? ResultCode.ProcessFail : ResultCode.CaptureInProcess, ResultStatus = status }, CaptureId = captureId };

    private static CaptureLedger Ledger(bool multiple = true, bool american = false, DateTimeOffset? expiry = null)
        => CaptureLedger.Open(Authorized, AuthorizedAt, expiry, multiple, american);

    [Fact]
    public void A_valid_capture_breaks_no_rule_and_exactly_the_remaining_amount_is_allowed()
    {
        Assert.Empty(Ledger().Check(Request(10_000), AuthorizedAt.AddHours(1)));
        CaptureLedger ledger = Ledger().Record(Request(6_000), Response(ResultStatus.Success, "c1"));
        Assert.Empty(ledger.Check(Request(4_000, "cap-2"), AuthorizedAt.AddHours(2)));
        Assert.Equal([CaptureViolation.ExceedsRemaining], ledger.Check(Request(4_001, "cap-2"), AuthorizedAt.AddHours(2)));
    }

    [Fact]
    public void The_capture_window_is_seven_days_to_the_tick()
    {
        Assert.Empty(Ledger().Check(Request(100), AuthorizedAt + TimeSpan.FromDays(7)));
        Assert.Equal([CaptureViolation.CaptureWindowClosed], Ledger().Check(Request(100), AuthorizedAt + TimeSpan.FromDays(7) + TimeSpan.FromTicks(1)));
    }

    [Fact]
    public void AuthExpiryTime_is_a_hard_limit()
    {
        DateTimeOffset expiry = AuthorizedAt.AddDays(3);
        Assert.Empty(Ledger(expiry: expiry).Check(Request(100), expiry));
        Assert.Equal([CaptureViolation.AuthorizationExpired], Ledger(expiry: expiry).Check(Request(100), expiry.AddSeconds(1)));
    }

    [Fact]
    public void Currency_zero_single_capture_american_card_and_last_capture_rules()
    {
        DateTimeOffset now = AuthorizedAt.AddHours(1);
        Assert.Contains(CaptureViolation.CurrencyMismatch, Ledger().Check(Request(100, currency: "USD"), now));
        Assert.Equal([CaptureViolation.NotPositive], Ledger().Check(Request(0), now));

        CaptureLedger single = Ledger(multiple: false).Record(Request(100), Response(ResultStatus.Success));
        Assert.Equal([CaptureViolation.MultipleCapturesNotAllowed], single.Check(Request(100, "cap-2"), now));
        CaptureLedger singleFailed = Ledger(multiple: false).Record(Request(100), Response(ResultStatus.Failure));
        Assert.Empty(singleFailed.Check(Request(100, "cap-2"), now));

        Assert.Equal([CaptureViolation.AmericanCardNotInFull], Ledger(american: true).Check(Request(9_999), now));
        Assert.Empty(Ledger(american: true).Check(Request(10_000), now));

        CaptureLedger last = Ledger().Record(Request(100, last: true), Response(ResultStatus.Unknown));
        Assert.Equal([CaptureViolation.AfterLastCapture], last.Check(Request(100, "cap-2"), now));
    }

    [Fact]
    public void A_request_id_reused_with_another_amount_is_refused_but_the_same_retry_is_fine()
    {
        CaptureLedger ledger = Ledger(multiple: false).Record(Request(500), Response(ResultStatus.Unknown));
        DateTimeOffset now = AuthorizedAt.AddHours(1);
        Assert.Empty(ledger.Check(Request(500), now)); // retrying a U with the same id is exactly what Antom asks for
        Assert.Equal([CaptureViolation.RequestIdReusedWithDifferentAmount], ledger.Check(Request(600), now));
    }

    [Fact]
    public void An_unknown_capture_stays_reserved_until_resolved()
    {
        CaptureLedger pending = Ledger().Record(Request(6_000), Response(ResultStatus.Unknown));
        Assert.Equal(Money.FromMinorUnits(6_000, "BRL"), pending.Pending);
        Assert.Equal(Money.FromMinorUnits(4_000, "BRL"), pending.Remaining);
        Assert.Equal([CaptureViolation.ExceedsRemaining], pending.Check(Request(5_000, "cap-2"), AuthorizedAt.AddHours(1)));

        CaptureLedger succeeded = pending.Apply(Notification(ResultStatus.Success, 6_000));
        Assert.Equal(Money.FromMinorUnits(6_000, "BRL"), succeeded.Captured);
        Assert.Equal(Money.Zero(succeeded.Authorized.Currency), succeeded.Pending);
        Assert.Equal(CaptureState.Captured, succeeded.Entries.Single().State);
        Assert.Equal("capid-1", succeeded.Entries.Single().CaptureId);

        CaptureLedger failed = pending.Apply(Transaction(ResultStatus.Failure, 6_000));
        Assert.Equal(Money.Zero(failed.Authorized.Currency), failed.Captured);
        Assert.Equal(Authorized, failed.Remaining);
    }

    [Fact]
    public void Applying_the_same_outcome_twice_changes_nothing_and_final_states_never_change()
    {
        CaptureLedger once = Ledger().Record(Request(6_000), Response(ResultStatus.Unknown)).Apply(Notification(ResultStatus.Success, 6_000));
        CaptureLedger twice = once.Apply(Notification(ResultStatus.Success, 6_000)).Record(Request(6_000), Response(ResultStatus.Success));
        CaptureLedger contradicted = once.Apply(Transaction(ResultStatus.Failure, 6_000));

        Assert.Equal(once.Captured, twice.Captured);
        Assert.Equal(once.Entries, twice.Entries);
        Assert.Equal(once.Captured, contradicted.Captured);
    }

    [Fact]
    public void Only_capture_transactions_concern_the_ledger()
    {
        var refund = new PaymentTransaction
        {
            TransactionType = TransactionType.Refund, TransactionStatus = TransactionStatus.Success, TransactionId = "r", TransactionRequestId = "cap-1",
            TransactionAmount = Money.FromMinorUnits(6_000, "BRL"), TransactionResult = new AntomResult { ResultCode = ResultCode.Success, ResultStatus = ResultStatus.Success },
        };
        CaptureLedger ledger = Ledger();
        Assert.Same(ledger, ledger.Apply(refund));
    }

    [Fact]
    public void Over_random_requests_and_outcomes_the_captured_total_never_exceeds_the_authorised_amount()
    {
        var step = Gen.Select(Gen.Long[0, 4_000], Gen.Int[0, 5], Gen.Int[0, 2], Gen.Bool);
        step.Array[1, 30].Sample(steps =>
        {
            CaptureLedger ledger = Ledger();
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
                    sent.Add(request);
                    ledger = ledger.Record(request, Response((ResultStatus)(outcome + 1), "id-" + id));
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

                Assert.True(ledger.Captured.MinorUnits + ledger.Pending.MinorUnits <= Authorized.MinorUnits, $"captured {ledger.Captured} + pending {ledger.Pending} > {Authorized}");
                Assert.True(ledger.Captured <= Authorized);
            }
        }, iter: 2_000);
    }

    private static CaptureResultNotification Notification(ResultStatus status, long minor) => new()
    {
        Result = new AntomResult { ResultCode = ResultCode.Success, ResultStatus = status },
        CaptureRequestId = "cap-1", PaymentId = "pay-1", CaptureId = "capid-1", CaptureAmount = Money.FromMinorUnits(minor, "BRL"),
    };

    private static PaymentTransaction Transaction(ResultStatus status, long minor) => new()
    {
        TransactionType = TransactionType.Capture, TransactionStatus = status == ResultStatus.Success ? TransactionStatus.Success : TransactionStatus.Fail,
        TransactionId = "capid-1", TransactionRequestId = "cap-1", TransactionAmount = Money.FromMinorUnits(minor, "BRL"),
        TransactionResult = new AntomResult { ResultCode = ResultCode.Success, ResultStatus = status },
    };
}
