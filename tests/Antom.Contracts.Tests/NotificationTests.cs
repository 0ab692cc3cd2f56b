using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Antom.Contracts.Notifications;
using Antom.Contracts.Signatures;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Antom.Contracts.Tests;

public class NotificationTests
{
    private const string NotifyPath = "/antom/notify";
    private static readonly string Dir = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Signatures");

    [Fact]
    public void A_capture_result_is_read_as_the_typed_notification()
    {
        AntomNotification n = AntomNotifications.Parse(SignedBody());
        CaptureResultReceived capture = Assert.IsType<CaptureResultReceived>(n);
        Assert.Equal("202609011940108001001881230000001", capture.Notification.CaptureId);
        Assert.Equal(Money.FromMinorUnits(110, "BRL"), capture.Notification.CaptureAmount);
    }

    [Fact]
    public void Another_notification_type_keeps_its_type_and_body()
    {
        byte[] body = Encoding.UTF8.GetBytes("""{"paymentId":"p","notifyType":"DISPUTE_RESULT","result":{"resultCode":"SUCCESS","resultStatus":"S"}}""");
        OtherNotification other = Assert.IsType<OtherNotification>(AntomNotifications.Parse(body));
        Assert.Equal("DISPUTE_RESULT", other.NotifyType);
        Assert.Equal(body, other.Body.ToArray());
    }

    [Theory]
    [InlineData("DISPUTE_RESULT")]
    [InlineData("OFFLINE_PAYMENT_CODE")]
    public void Another_notification_type_with_bytes_that_are_not_UTF8_is_refused_not_kept(string notifyType)
    {
        // Only notifyType is decoded for a type this library does not interpret; the rest must still be UTF-8 text.
        byte[] body = [.. Encoding.UTF8.GetBytes("{\"notifyType\":\"" + notifyType + "\",\"note\":\"a"), 0xFF, .. "\"}"u8];
        AntomPayloadException error = Assert.Throws<AntomPayloadException>(() => AntomNotifications.Parse(body));
        Assert.Equal("$", error.Path);
        Assert.Equal(PayloadRule.Syntax, error.Rule);
        Assert.Contains("UTF-8", error.Message, StringComparison.Ordinal);

        // The same body with valid text (a BOM in front too) is kept whole.
        byte[] valid = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("{\"notifyType\":\"" + notifyType + "\",\"note\":\"é\"}")];
        Assert.Equal(valid, Assert.IsType<OtherNotification>(AntomNotifications.Parse(valid)).Body.ToArray());
    }

    [Theory]
    [InlineData("not json", "$", PayloadRule.Syntax)]
    [InlineData("", "$", PayloadRule.Syntax)]
    [InlineData("[]", "$", PayloadRule.Type)]
    [InlineData("{\"paymentId\":\"p\"}", "$.notifyType", PayloadRule.Required)]
    [InlineData("{\"notifyType\":null}", "$.notifyType", PayloadRule.Required)]
    [InlineData("{\"notifyType\":1}", "$.notifyType", PayloadRule.Type)]
    [InlineData("{\"notifyType\":\"A\",\"notifyType\":\"B\"}", "$.notifyType", PayloadRule.DuplicateProperty)]
    [InlineData("{\"notifyType\":\"CAPTURE_RESULT\"}", "$.result", PayloadRule.Required)]
    [InlineData("{\"notifyType\":\"CAPTURE_RESULT\",", "$", PayloadRule.Syntax)]
    public void Bad_bodies_get_the_payload_error(string body, string path, PayloadRule rule)
    {
        AntomPayloadException e = Assert.Throws<AntomPayloadException>(() => AntomNotifications.Parse(Encoding.UTF8.GetBytes(body)));
        Assert.Equal(path, e.Path);
        Assert.Equal(rule, e.Rule);
    }

    [Fact]
    public async Task A_verified_notification_is_handled_then_acknowledged_with_the_exact_bytes()
    {
        AntomNotificationReceiver receiver = Receiver();
        CaptureResultNotification? seen = null;

        NotificationOutcome outcome = await receiver.ReceiveAsync(Fixture(), (n, c, _) =>
        {
            seen = ((CaptureResultReceived)n).Notification;
            Assert.False(c.IsRedelivery);
            return Task.CompletedTask;
        });

        Assert.True(outcome.IsAcknowledged);
        Assert.Equal("{\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\",\"resultMessage\":\"success\"}}", Encoding.UTF8.GetString(outcome.Acknowledgement.Span));
        Assert.NotNull(seen);
    }

    [Fact]
    public async Task A_bad_signature_gets_no_acknowledgement_and_never_reaches_the_handler()
    {
        AntomNotificationReceiver receiver = Receiver();
        byte[] tampered = SignedBody();
        tampered[^5] ^= 1;
        bool called = false;
        Task Handler(AntomNotification n, NotificationContext c, CancellationToken t)
        {
            called = true;
            return Task.CompletedTask;
        }

        NotificationOutcome wrongBody = await receiver.ReceiveAsync(Fixture() with { Body = tampered }, Handler);
        NotificationOutcome wrongPath = await receiver.ReceiveAsync(Fixture() with { Path = "/other" }, Handler);
        NotificationOutcome garbage = await receiver.ReceiveAsync(Fixture() with { Signature = "garbage" }, Handler);
        NotificationOutcome missing = await receiver.ReceiveAsync(Fixture() with { Signature = null }, Handler);

        Assert.All([wrongBody, wrongPath, garbage, missing], o =>
        {
            Assert.False(o.IsAcknowledged);
            Assert.Equal(NotificationRejection.BadSignature, o.Rejection);
            Assert.True(o.Acknowledgement.IsEmpty);
        });
        Assert.False(called);
    }

    [Fact]
    public async Task A_failing_handler_gets_no_acknowledgement_releases_its_claim_and_the_resend_is_a_first_delivery()
    {
        AntomNotificationReceiver receiver = Receiver();
        var failure = new InvalidOperationException("database down");

        NotificationOutcome first = await receiver.ReceiveAsync(Fixture(), (_, _, _) => throw failure);
        bool? redelivery = null;
        NotificationOutcome second = await receiver.ReceiveAsync(Fixture(), (_, c, _) =>
        {
            redelivery = c.IsRedelivery;
            return Task.CompletedTask;
        });

        Assert.False(first.IsAcknowledged);
        Assert.Equal(NotificationRejection.HandlerFailed, first.Rejection);
        Assert.Same(failure, first.Error);
        Assert.True(second.IsAcknowledged);
        Assert.False(redelivery); // the first delivery was never handled successfully
    }

    [Fact]
    public async Task A_resend_after_success_reaches_the_handler_flagged_as_a_redelivery()
    {
        var store = new InMemoryNotificationClaimStore();
        AntomNotificationReceiver receiver = Receiver(store: store);
        var flags = new System.Collections.Generic.List<bool>();
        Task Handler(AntomNotification n, NotificationContext c, CancellationToken t)
        {
            flags.Add(c.IsRedelivery);
            Assert.Equal("TEST_CLIENT_1|CAPTURE_RESULT|202609011940108001001881234567890|cap_20260901_0001|202609011940108001001881230000001|S|BRL|110", c.Key);
            return Task.CompletedTask;
        }

        await receiver.ReceiveAsync(Fixture(), Handler);
        NotificationOutcome again = await receiver.ReceiveAsync(Fixture(), Handler);

        Assert.Equal([false, true], flags);
        Assert.True(again.IsAcknowledged);
    }

    [Fact]
    public async Task A_U_notification_never_hides_the_later_S_for_the_same_capture()
    {
        AntomNotificationReceiver receiver = Receiver();
        var seen = new System.Collections.Generic.List<(ResultStatus, bool)>();
        Task Handler(AntomNotification n, NotificationContext c, CancellationToken t)
        {
            seen.Add((((CaptureResultReceived)n).Notification.Result.ResultStatus, c.IsRedelivery));
            return Task.CompletedTask;
        }

        Assert.True((await receiver.ReceiveAsync(Signed(Capture("U")), Handler)).IsAcknowledged);
        Assert.True((await receiver.ReceiveAsync(Signed(Capture("S")), Handler)).IsAcknowledged);
        Assert.True((await receiver.ReceiveAsync(Signed(Capture("S")), Handler)).IsAcknowledged);

        Assert.Equal([(ResultStatus.Unknown, false), (ResultStatus.Success, false), (ResultStatus.Success, true)], seen);
    }

    [Fact]
    public void Payment_refund_and_capture_results_are_read_as_their_typed_notifications_and_other_types_stay_other()
    {
        Assert.Equal(PaymentOutcome.Authorised, Assert.IsType<PaymentResultReceived>(AntomNotifications.Parse(Payment("PAYMENT_RESULT", "S"))).Outcome);
        Assert.Equal(PaymentOutcome.Pending, Assert.IsType<PaymentResultReceived>(AntomNotifications.Parse(Payment("PAYMENT_PENDING", "S"))).Outcome);
        Assert.Equal(PaymentOutcome.AmountUpdated, Assert.IsType<PaymentResultReceived>(AntomNotifications.Parse(Payment("UPDATE_AMOUNT_RESULT", "S", updateRequestId: "upd-1"))).Outcome);
        RefundResultReceived refund = Assert.IsType<RefundResultReceived>(AntomNotifications.Parse(Refund("S", "PROCESSING")));
        Assert.Equal((RefundState.Processing, "REFUND_RESULT"), (refund.State, refund.NotifyType));
        Assert.IsType<CaptureResultReceived>(AntomNotifications.Parse(Capture("S")));
        Assert.Equal("OFFLINE_PAYMENT_CODE", Assert.IsType<OtherNotification>(AntomNotifications.Parse(Payment("OFFLINE_PAYMENT_CODE", "S"))).NotifyType);
    }

    [Fact]
    public void A_typed_notification_that_breaks_its_contract_is_a_payload_error_at_its_path()
    {
        AntomPayloadException payment = Assert.Throws<AntomPayloadException>(() => AntomNotifications.Parse(Encoding.UTF8.GetBytes("""{"notifyType":"PAYMENT_RESULT","result":{"resultCode":"SUCCESS","resultStatus":"S"},"paymentRequestId":"r","paymentId":"p","paymentAmount":{"currency":"BRL","value":"1.10"},"paymentCreateTime":"2026-11-26T10:00:00Z"}""")));
        Assert.Equal(("$.paymentAmount.value", PayloadRule.Pattern), (payment.Path, payment.Rule));
        AntomPayloadException refund = Assert.Throws<AntomPayloadException>(() => AntomNotifications.Parse(Encoding.UTF8.GetBytes("""{"notifyType":"REFUND_RESULT","result":{"resultCode":"SUCCESS","resultStatus":"S","resultMessage":"ok"},"refundStatus":"SUCCESS","refundId":"rf","refundAmount":{"currency":"BRL","value":"100"}}""")));
        Assert.Equal(("$.refundRequestId", PayloadRule.Required), (refund.Path, refund.Rule));
    }

    [Fact]
    public async Task A_pending_payment_never_hides_the_later_result_nor_a_processing_refund_its_success()
    {
        AntomNotificationReceiver receiver = Receiver();
        var seen = new System.Collections.Generic.List<string>();
        Task Handler(AntomNotification n, NotificationContext c, CancellationToken t)
        {
            seen.Add(n switch
            {
                PaymentResultReceived p => $"{p.Outcome}{(c.IsRedelivery ? " again" : string.Empty)}",
                RefundResultReceived r => $"{r.State}{(c.IsRedelivery ? " again" : string.Empty)}",
                _ => "other",
            });
            return Task.CompletedTask;
        }

        foreach (byte[] body in new[]
        {
            Payment("PAYMENT_PENDING", "S"), Payment("PAYMENT_RESULT", "S"), Payment("PAYMENT_RESULT", "S"),
            Payment("UPDATE_AMOUNT_RESULT", "S", updateRequestId: "upd-1", value: "20000"), Payment("UPDATE_AMOUNT_RESULT", "S", updateRequestId: "upd-2", value: "30000"),
            Refund("S", "PROCESSING"), Refund("S", "SUCCESS"), Refund("S", "SUCCESS"),
        })
        {
            Assert.True((await receiver.ReceiveAsync(Signed(body), Handler)).IsAcknowledged);
        }

        Assert.Equal(["Pending", "Authorised", "Authorised again", "AmountUpdated", "AmountUpdated", "Processing", "Refunded", "Refunded again"], seen);
    }

    [Fact]
    public async Task The_same_notification_delivered_twice_at_once_runs_the_handler_once_and_the_other_is_not_acknowledged()
    {
        AntomNotificationReceiver receiver = Receiver();
        var inside = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        int firstDeliveries = 0;
        async Task Handler(AntomNotification n, NotificationContext c, CancellationToken t)
        {
            if (!c.IsRedelivery)
            {
                Interlocked.Increment(ref firstDeliveries);
            }

            inside.TrySetResult();
            await release.Task;
        }

        Task<NotificationOutcome> one = receiver.ReceiveAsync(Fixture(), Handler);
        await inside.Task; // the first delivery holds the claim and is running the handler
        NotificationOutcome other = await receiver.ReceiveAsync(Fixture(), Handler);
        release.SetResult();
        NotificationOutcome first = await one;

        Assert.True(first.IsAcknowledged);
        Assert.Equal(NotificationRejection.InProgress, other.Rejection);
        Assert.True(other.Acknowledgement.IsEmpty);
        Assert.Equal(1, firstDeliveries);
        NotificationOutcome resent = await receiver.ReceiveAsync(Fixture(), (_, c, _) => c.IsRedelivery ? Task.CompletedTask : throw new InvalidOperationException("handled twice"));
        Assert.True(resent.IsAcknowledged);
    }

    [Fact]
    public async Task Many_concurrent_deliveries_give_exactly_one_first_delivery()
    {
        AntomNotificationReceiver receiver = Receiver();
        int firstDeliveries = 0;
        var start = new ManualResetEventSlim();
        Task<NotificationOutcome>[] deliveries = Enumerable.Range(0, 32).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            return await receiver.ReceiveAsync(Fixture(), async (_, c, _) =>
            {
                if (!c.IsRedelivery)
                {
                    Interlocked.Increment(ref firstDeliveries);
                }

                await Task.Delay(20);
            });
        })).ToArray();
        start.Set();
        NotificationOutcome[] outcomes = await Task.WhenAll(deliveries);

        Assert.Equal(1, firstDeliveries);
        Assert.All(outcomes, o => Assert.True(o.IsAcknowledged || o.Rejection == NotificationRejection.InProgress));
    }

    [Fact]
    public async Task A_claim_whose_holder_died_is_taken_over_after_its_lease()
    {
        var time = new ManualTime(DateTimeOffset.UnixEpoch.AddYears(56));
        var store = new InMemoryNotificationClaimStore(time);
        NotificationClaim dead = await store.ClaimAsync("k", TimeSpan.FromMinutes(5), default);
        Assert.Equal(ClaimStatus.Claimed, dead.Status);
        Assert.Equal(ClaimStatus.HeldByAnother, (await store.ClaimAsync("k", TimeSpan.FromMinutes(5), default)).Status);

        time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromTicks(1));
        NotificationClaim taken = await store.ClaimAsync("k", TimeSpan.FromMinutes(5), default);
        Assert.Equal(ClaimStatus.Claimed, taken.Status);

        await store.ReleaseAsync(dead, default); // the dead holder's late release cannot free the new holder's claim
        Assert.Equal(ClaimStatus.HeldByAnother, (await store.ClaimAsync("k", TimeSpan.FromMinutes(5), default)).Status);
        await store.CompleteAsync(taken, default);
        Assert.Equal(ClaimStatus.AlreadyCompleted, (await store.ClaimAsync("k", TimeSpan.FromMinutes(5), default)).Status);
    }

    [Fact]
    public async Task A_notification_for_another_client_id_is_rejected_even_when_correctly_signed()
    {
        bool called = false;
        NotificationOutcome outcome = await Receiver().ReceiveAsync(Signed(Capture("S"), clientId: "OTHER_MERCHANT", requestTime: "1"), (_, _, _) =>
        {
            called = true;
            return Task.CompletedTask;
        });

        Assert.Equal(NotificationRejection.UnexpectedClientId, outcome.Rejection);
        Assert.False(called);
    }

    [Theory]
    [InlineData("1", false)]
    [InlineData("garbage", false)]
    [InlineData("1790000000000", true)]
    [InlineData("1790000000000000000000", false)]
    [InlineData("2026-09-21T14:13:20+00:00", true)]
    [InlineData("2026-09-21T07:13:20-07:00", true)]
    [InlineData("2026-09-21T12:13:19Z", false)]
    [InlineData("2026-09-21T15:13:21Z", false)]
    public async Task The_optional_maximum_age_reads_epoch_milliseconds_and_iso_times(string requestTime, bool fresh)
    {
        var now = new ManualTime(DateTimeOffset.FromUnixTimeMilliseconds(1_790_000_000_000)); // 2026-09-21T14:13:20Z
        AntomNotificationReceiver receiver = Receiver(maxAge: TimeSpan.FromHours(1), time: now);
        NotificationOutcome outcome = await receiver.ReceiveAsync(Signed(Capture("S"), requestTime: requestTime), (_, _, _) => Task.CompletedTask);
        Assert.Equal(fresh ? NotificationRejection.None : NotificationRejection.Stale, outcome.Rejection);

        // Off by default: any request-time is accepted.
        Assert.True((await Receiver().ReceiveAsync(Signed(Capture("S"), requestTime: requestTime), (_, _, _) => Task.CompletedTask)).IsAcknowledged);
    }

    [Fact]
    public async Task A_signed_but_invalid_payload_is_refused_logged_and_handed_to_OnRejected_with_its_raw_body()
    {
        byte[] body = Encoding.UTF8.GetBytes("""{"notifyType":"CAPTURE_RESULT","result":{"resultCode":"SUCCESS","resultStatus":"S"}}""");
        RejectedNotification? kept = null;
        var log = new ListLogger();
        AntomNotificationReceiver receiver = Receiver(
            onRejected: (r, _) =>
            {
                kept = r;
                return Task.CompletedTask;
            },
            logger: log);

        NotificationOutcome outcome = await receiver.ReceiveAsync(Signed(body), (_, _, _) => Task.CompletedTask);

        Assert.Equal(NotificationRejection.BadPayload, outcome.Rejection);
        Assert.Equal("$.captureRequestId", Assert.IsType<AntomPayloadException>(outcome.Error).Path);
        Assert.NotNull(kept);
        Assert.Equal(body, kept.Body.ToArray());
        Assert.Equal("CAPTURE_RESULT", kept.NotifyType);
        Assert.Equal("TEST_CLIENT_1", kept.ClientId);
        string line = Assert.Single(log.Lines);
        Assert.Contains("BadPayload", line, StringComparison.Ordinal);
        Assert.Contains("$.captureRequestId", line, StringComparison.Ordinal);
        Assert.Contains("CAPTURE_RESULT", line, StringComparison.Ordinal);
        Assert.DoesNotContain("resultStatus", line, StringComparison.Ordinal); // never the body
    }

    [Fact]
    public async Task Every_rejection_is_logged_with_its_rule_and_never_with_the_signature()
    {
        var log = new ListLogger();
        AntomNotificationReceiver receiver = Receiver(logger: log);
        NotificationRequest tampered = Fixture() with { Body = Encoding.UTF8.GetBytes("{}") };
        await receiver.ReceiveAsync(tampered, (_, _, _) => Task.CompletedTask);
        await receiver.ReceiveAsync(Signed(Capture("S"), clientId: "OTHER"), (_, _, _) => Task.CompletedTask);
        await receiver.ReceiveAsync(Fixture(), (_, _, _) => throw new InvalidOperationException("boom"));

        Assert.Equal(3, log.Lines.Count);
        Assert.Contains("BadSignature", log.Lines[0], StringComparison.Ordinal);
        Assert.Contains("UnexpectedClientId", log.Lines[1], StringComparison.Ordinal);
        Assert.Contains("HandlerFailed", log.Lines[2], StringComparison.Ordinal);
        Assert.All(log.Lines, l => Assert.DoesNotContain("signature=", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_store_that_fails_to_complete_still_lets_the_acknowledgement_go_out_and_is_logged()
    {
        var log = new ListLogger();
        var store = new FailingStore(failComplete: true);
        NotificationOutcome outcome = await Receiver(store: store, logger: log).ReceiveAsync(Fixture(), (_, _, _) => Task.CompletedTask);

        Assert.True(outcome.IsAcknowledged); // the handler succeeded
        Assert.Contains(log.Lines, l => l.Contains("failed to complete", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_store_that_fails_to_release_does_not_hide_the_handlers_error()
    {
        var log = new ListLogger();
        var failure = new InvalidOperationException("database down");
        NotificationOutcome outcome = await Receiver(store: new FailingStore(failRelease: true), logger: log).ReceiveAsync(Fixture(), (_, _, _) => throw failure);

        Assert.Equal(NotificationRejection.HandlerFailed, outcome.Rejection);
        Assert.Same(failure, outcome.Error);
        Assert.Contains(log.Lines, l => l.Contains("failed to release", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_failed_captures_with_empty_capture_ids_are_two_results()
    {
        AntomNotificationReceiver receiver = Receiver();
        var firsts = new System.Collections.Generic.List<string>();
        Task Handler(AntomNotification n, NotificationContext c, CancellationToken t)
        {
            if (!c.IsRedelivery)
            {
                firsts.Add(((CaptureResultReceived)n).Notification.CaptureRequestId);
            }

            return Task.CompletedTask;
        }

        await receiver.ReceiveAsync(Signed(Capture("F", captureRequestId: "cap-1", captureId: "")), Handler);
        await receiver.ReceiveAsync(Signed(Capture("F", captureRequestId: "cap-2", captureId: "")), Handler);

        Assert.Equal(["cap-1", "cap-2"], firsts);
    }

    [Fact]
    public async Task An_S_for_another_amount_is_a_new_result_not_a_redelivery()
    {
        AntomNotificationReceiver receiver = Receiver();
        var flags = new System.Collections.Generic.List<bool>();
        Task Handler(AntomNotification n, NotificationContext c, CancellationToken t)
        {
            flags.Add(c.IsRedelivery);
            return Task.CompletedTask;
        }

        await receiver.ReceiveAsync(Signed(Capture("S")), Handler);
        await receiver.ReceiveAsync(Signed(Capture("S", value: "111")), Handler);

        Assert.Equal([false, false], flags);
    }

    [Theory]
    [InlineData("""{"notifyType":"PAYMENT_RESULT"} garbage""")]
    [InlineData("""{"notifyType":"PAYMENT_RESULT"}{}""")]
    [InlineData("""{"notifyType":"PAYMENT_RESULT","x":""")]
    public async Task Another_notification_type_is_acknowledged_only_when_its_body_is_well_formed_json(string body)
    {
        NotificationOutcome outcome = await Receiver().ReceiveAsync(Signed(Encoding.UTF8.GetBytes(body)), (_, _, _) => Task.CompletedTask);
        Assert.Equal(NotificationRejection.BadPayload, outcome.Rejection);
    }

    [Fact]
    public async Task A_handler_cancelled_with_the_delivery_rethrows_and_releases_its_claim()
    {
        var store = new InMemoryNotificationClaimStore();
        AntomNotificationReceiver receiver = Receiver(store: store);
        using var cts = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => receiver.ReceiveAsync(Fixture(), async (_, _, ct) =>
        {
            await cts.CancelAsync();
            ct.ThrowIfCancellationRequested();
        }, cts.Token));

        bool? redelivery = null;
        NotificationOutcome again = await receiver.ReceiveAsync(Fixture(), (_, c, _) =>
        {
            redelivery = c.IsRedelivery;
            return Task.CompletedTask;
        });
        Assert.True(again.IsAcknowledged);
        Assert.False(redelivery);
    }

    [Fact]
    public async Task The_in_memory_store_forgets_completed_keys_after_their_retention()
    {
        var time = new ManualTime(DateTimeOffset.UnixEpoch.AddYears(56));
        var store = new InMemoryNotificationClaimStore(time, retention: TimeSpan.FromDays(2));
        for (int i = 0; i < 100; i++)
        {
            await store.CompleteAsync(await store.ClaimAsync("k" + i, TimeSpan.FromMinutes(5), default), default);
        }

        Assert.Equal(100, store.Count);
        time.Advance(TimeSpan.FromDays(2) + TimeSpan.FromSeconds(1));
        Assert.Equal(ClaimStatus.Claimed, (await store.ClaimAsync("new", TimeSpan.FromMinutes(5), default)).Status);
        Assert.Equal(1, store.Count);
    }

    [Fact]
    public void Receiver_options_are_checked_when_it_is_built()
    {
        Assert.Throws<ArgumentException>(() => new AntomNotificationReceiver(Verifier(), new AntomNotificationReceiverOptions { ClientIds = [] }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AntomNotificationReceiver(Verifier(), new AntomNotificationReceiverOptions { ClientIds = ["A"], MaxRequestAge = TimeSpan.Zero }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AntomNotificationReceiver(Verifier(), new AntomNotificationReceiverOptions { ClientIds = ["A"], ClaimLease = TimeSpan.Zero }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AntomNotificationReceiver(Verifier(), new AntomNotificationReceiverOptions { ClientIds = ["A"], ClaimLease = TimeSpan.MaxValue }));
    }

    private static AntomNotificationReceiver Receiver(
        INotificationClaimStore? store = null,
        TimeSpan? maxAge = null,
        TimeProvider? time = null,
        Func<RejectedNotification, CancellationToken, Task>? onRejected = null,
        ILogger<AntomNotificationReceiver>? logger = null)
        => new(Verifier(), new AntomNotificationReceiverOptions { ClientIds = ["TEST_CLIENT_1"], MaxRequestAge = maxAge, Time = time ?? TimeProvider.System, OnRejected = onRejected }, store, logger);

    private static NotificationRequest Fixture() => new(NotifyPath, "TEST_CLIENT_1", "1685599999999", Header(), SignedBody());

    private static byte[] Capture(string status, string captureRequestId = "cap-1", string captureId = "c-1", string value = "110")
        => Encoding.UTF8.GetBytes($$$"""{"notifyType":"CAPTURE_RESULT","result":{"resultCode":"X","resultStatus":"{{{status}}}"},"captureRequestId":"{{{captureRequestId}}}","paymentId":"pay-1","captureId":"{{{captureId}}}","captureAmount":{"currency":"BRL","value":"{{{value}}}"}}""");

    private static byte[] Payment(string notifyType, string status, string? updateRequestId = null, string value = "10000")
        => Encoding.UTF8.GetBytes($$$"""{"notifyType":"{{{notifyType}}}","result":{"resultCode":"SUCCESS","resultStatus":"{{{status}}}","resultMessage":"success."},"paymentRequestId":"req-1","paymentId":"pay-1","paymentAmount":{"currency":"BRL","value":"{{{value}}}"},"paymentCreateTime":"2026-11-26T10:00:00-03:00"{{{(updateRequestId is null ? string.Empty : ",\"updateRequestId\":\"" + updateRequestId + "\"")}}}}""");

    private static byte[] Refund(string status, string refundStatus)
        => Encoding.UTF8.GetBytes($$$"""{"notifyType":"REFUND_RESULT","result":{"resultCode":"SUCCESS","resultStatus":"{{{status}}}","resultMessage":"Success"},"refundStatus":"{{{refundStatus}}}","refundRequestId":"rr-1","refundId":"rf-1","refundAmount":{"currency":"BRL","value":"2500"}}""");

    // An in-memory store whose complete or release fails, as a database that went away would.
    private sealed class FailingStore(bool failComplete = false, bool failRelease = false) : INotificationClaimStore
    {
        private readonly InMemoryNotificationClaimStore _inner = new();

        public ValueTask<NotificationClaim> ClaimAsync(string key, TimeSpan lease, CancellationToken cancellationToken) => _inner.ClaimAsync(key, lease, cancellationToken);

        public ValueTask CompleteAsync(NotificationClaim claim, CancellationToken cancellationToken)
            => failComplete ? throw new IOException("store unreachable") : _inner.CompleteAsync(claim, cancellationToken);

        public ValueTask ReleaseAsync(NotificationClaim claim, CancellationToken cancellationToken)
            => failRelease ? throw new IOException("store unreachable") : _inner.ReleaseAsync(claim, cancellationToken);
    }

    private static NotificationRequest Signed(byte[] body, string clientId = "TEST_CLIENT_1", string requestTime = "1685599999999")
    {
        using AntomSigner signer = AntomSigner.FromPrivateKey(File.ReadAllText(Path.Combine(Dir, "test-private-key.pem")));
        return new NotificationRequest(NotifyPath, clientId, requestTime, signer.CreateSignatureHeader("POST", NotifyPath, clientId, requestTime, body), body);
    }

    private sealed class ManualTime(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }

    private sealed class ListLogger : ILogger<AntomNotificationReceiver>
    {
        public System.Collections.Generic.List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Lines)
            {
                Lines.Add(formatter(state, exception));
            }
        }
    }

    private static AntomSignatureVerifier Verifier() => AntomSignatureVerifier.FromPublicKey(File.ReadAllText(Path.Combine(Dir, "test-public-key.pem")));

    private static string Header() => "algorithm=RSA256,keyVersion=1,signature=" + File.ReadAllText(Path.Combine(Dir, "notify.signature.b64"));

    private static byte[] SignedBody()
    {
        byte[] content = File.ReadAllBytes(Path.Combine(Dir, "notify.content.txt"));
        string prefix = "POST /antom/notify\nTEST_CLIENT_1.1685599999999.";
        return content[Encoding.UTF8.GetByteCount(prefix)..];
    }
}
