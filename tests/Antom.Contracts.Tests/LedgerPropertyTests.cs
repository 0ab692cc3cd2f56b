using System;
using System.Collections.Generic;
using System.Linq;
using Antom.Contracts.Ledger;
using CsCheck;
using Xunit;
using static Antom.Contracts.Tests.LedgerFixture;

namespace Antom.Contracts.Tests;

/// <summary>
/// Random lifecycles against an honest Antom (each operation gets one final outcome, whichever way it is learned: the
/// answer, a retry, a notification or an inquiry): whatever is sent, timed out, retried or resolved late, and through a
/// save and restore at every step, captured ≤ authorised, refunded ≤ captured, and cancelled is final.
/// </summary>
public class LedgerPropertyTests
{
    private enum Kind
    {
        Capture,
        Refund,
        Cancel,
        Update,
    }

    [Fact]
    public void Captured_never_exceeds_authorised_refunded_never_exceeds_captured_and_cancelled_is_final()
    {
        var reached = new HashSet<(LedgerOperation, OperationState)>();
        var step = Gen.Select(Gen.Enum<Kind>(), Gen.Long[0, 7_000], Gen.Int[0, 4], Gen.Int[0, 9]);
        step.Array[1, 40].Sample(steps =>
        {
            var antom = new HonestAntom();
            AuthorizationLedger ledger = Open();
            var sent = new List<(Kind Kind, string Id, object Request)>();
            bool wasCancelled = false;
            int n = 0;
            foreach ((Kind kind, long amount, int answer, int pick) in steps)
            {
                bool retry = pick == 0 && sent.Count > 0 && sent[^1].Kind == kind;
                string id = retry ? sent[^1].Id : kind + "-" + n++;
                object request = kind switch
                {
                    Kind.Capture => retry ? sent[^1].Request : Capture(amount, id),
                    Kind.Refund => retry ? sent[^1].Request : Refund(amount, id),
                    Kind.Cancel => Cancel(),
                    _ => retry ? sent[^1].Request : Update(ledger.Authorized.MinorUnits + amount, id),
                };

                if (Allowed(ledger, request))
                {
                    // check → reserve → persist → send → record; answer 0 and 4 stand for a timeout: nothing is recorded.
                    ledger = AuthorizationLedger.FromState(Reserve(ledger, request).ToState());
                    sent.Add((kind, kind == Kind.Cancel ? "pay-1" : id, request));
                    if (answer is 1 or 2 or 3)
                    {
                        ledger = antom.Answer(ledger, request, (ResultStatus)answer);
                    }
                }
                else
                {
                    Assert.Throws<OperationRefusedException>(() => Reserve(ledger, request));
                }

                // Sometimes an earlier operation's final outcome arrives by notification or inquiry.
                if (pick >= 5 && sent.Count > 0)
                {
                    ledger = antom.Resolve(ledger, sent[pick % sent.Count].Request, pick % 2 == 0);
                }

                ledger = AuthorizationLedger.FromState(ledger.ToState());
                Assert.Empty(ledger.Discrepancies); // an honest Antom never contradicts the ledger
                Assert.True(ledger.Captured.MinorUnits + ledger.CapturesHeld.MinorUnits <= ledger.Authorized.MinorUnits, $"captured {ledger.Captured} + held {ledger.CapturesHeld} > authorised {ledger.Authorized}");
                Assert.True(ledger.Refunded.MinorUnits + ledger.RefundsHeld.MinorUnits <= ledger.Captured.MinorUnits, $"refunded {ledger.Refunded} + held {ledger.RefundsHeld} > captured {ledger.Captured}");
                Assert.True(ledger.Authorized >= Authorized, "the authorised amount only ever grows");
                if (wasCancelled)
                {
                    Assert.True(ledger.IsCancelled, "cancelled is final");
                    Assert.Equal(0, ledger.Captured.MinorUnits);
                    Assert.Contains(LedgerViolation.Cancelled, ledger.Check(Capture(1, "after"), Now));
                    Assert.Contains(LedgerViolation.Cancelled, ledger.Check(Refund(1, "after"), Now));
                    Assert.Contains(LedgerViolation.Cancelled, ledger.Check(Update(ledger.Authorized.MinorUnits + 1, "after"), Now));
                }

                wasCancelled = ledger.IsCancelled;
                lock (reached)
                {
                    reached.UnionWith(ledger.Entries.Select(e => (e.Operation, e.State)));
                }
            }
        }, iter: 3_000);

        // The walk reaches every state of every operation, so the properties were tested where they matter.
        foreach (LedgerOperation operation in Enum.GetValues<LedgerOperation>())
        {
            foreach (OperationState state in Enum.GetValues<OperationState>())
            {
                Assert.Contains((operation, state), reached);
            }
        }
    }

    private static bool Allowed(AuthorizationLedger ledger, object request) => request switch
    {
        CaptureRequest c => ledger.Check(c, Now).Count == 0,
        RefundRequest r => ledger.Check(r, Now).Count == 0,
        CancelRequest x => ledger.Check(x, Now).Count == 0,
        UpdateAmountRequest u => ledger.Check(u, Now).Count == 0,
        _ => throw new ArgumentOutOfRangeException(nameof(request)),
    };

    private static AuthorizationLedger Reserve(AuthorizationLedger ledger, object request) => request switch
    {
        CaptureRequest c => ledger.Reserve(c, Now),
        RefundRequest r => ledger.Reserve(r, Now),
        CancelRequest x => ledger.Reserve(x, Now),
        UpdateAmountRequest u => ledger.Reserve(u, Now),
        _ => throw new ArgumentOutOfRangeException(nameof(request)),
    };

    // Antom decides each operation once (S or F), and answers U while it has not; every way of learning it agrees.
    private sealed class HonestAntom
    {
        private readonly Dictionary<string, ResultStatus> _decided = new(StringComparer.Ordinal);

        public AuthorizationLedger Answer(AuthorizationLedger ledger, object request, ResultStatus proposed)
        {
            ResultStatus status = proposed == ResultStatus.Unknown ? _decided.GetValueOrDefault(Key(request), ResultStatus.Unknown) : Decide(request, proposed);
            return request switch
            {
                CaptureRequest c => ledger.Record(c, LedgerFixture.Answer(c, status)),
                RefundRequest r => ledger.Record(r, LedgerFixture.Answer(r, status)),
                CancelRequest x => ledger.Record(x, LedgerFixture.Answer(x, status)),
                UpdateAmountRequest u => ledger.Record(u, LedgerFixture.Answer(u, status == ResultStatus.Failure ? ResultStatus.Failure : ResultStatus.Success)),
                _ => throw new ArgumentOutOfRangeException(nameof(request)),
            };
        }

        public AuthorizationLedger Resolve(AuthorizationLedger ledger, object request, bool succeed)
        {
            ResultStatus status = Decide(request, succeed ? ResultStatus.Success : ResultStatus.Failure);
            return request switch
            {
                CaptureRequest c => ledger.Apply(Notified(c, status)),
                RefundRequest r => ledger.Apply(Notified(r, status == ResultStatus.Success ? RefundStatus.Success : RefundStatus.Fail, status)),
                CancelRequest => status == ResultStatus.Success ? ledger.Apply(Inquiry(PaymentStatus.Cancelled)) : ledger.Record(Cancel(), LedgerFixture.Answer(Cancel(), status)),
                UpdateAmountRequest u => ledger.Apply(Notified(u, status)),
                _ => throw new ArgumentOutOfRangeException(nameof(request)),
            };
        }

        private ResultStatus Decide(object request, ResultStatus proposed)
        {
            string key = Key(request);
            if (!_decided.TryGetValue(key, out ResultStatus status))
            {
                _decided[key] = status = proposed;
            }

            return status;
        }

        private static string Key(object request) => request switch
        {
            CaptureRequest c => "capture " + c.CaptureRequestId,
            RefundRequest r => "refund " + r.RefundRequestId,
            CancelRequest => "cancel",
            UpdateAmountRequest u => "update " + u.UpdateRequestId,
            _ => throw new ArgumentOutOfRangeException(nameof(request)),
        };
    }
}
