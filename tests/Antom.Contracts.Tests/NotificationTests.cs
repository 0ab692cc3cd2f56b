using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Antom.Contracts.Notifications;
using Antom.Contracts.Signatures;
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
        byte[] body = Encoding.UTF8.GetBytes("""{"paymentId":"p","notifyType":"PAYMENT_RESULT","result":{"resultCode":"SUCCESS","resultStatus":"S"}}""");
        OtherNotification other = Assert.IsType<OtherNotification>(AntomNotifications.Parse(body));
        Assert.Equal("PAYMENT_RESULT", other.NotifyType);
        Assert.Equal(body, other.Body.ToArray());
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
        var receiver = new AntomNotificationReceiver(Verifier(), NotifyPath);
        CaptureResultNotification? seen = null;

        NotificationOutcome outcome = await receiver.ReceiveAsync("TEST_CLIENT_1", "1685599999999", Header(), SignedBody(), (n, c, _) =>
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
        var receiver = new AntomNotificationReceiver(Verifier(), NotifyPath);
        byte[] tampered = SignedBody();
        tampered[^5] ^= 1;
        bool called = false;
        Task Handler(AntomNotification n, NotificationContext c, CancellationToken t)
        {
            called = true;
            return Task.CompletedTask;
        }

        NotificationOutcome wrongBody = await receiver.ReceiveAsync("TEST_CLIENT_1", "1685599999999", Header(), tampered, Handler);
        NotificationOutcome wrongPath = await new AntomNotificationReceiver(Verifier(), "/other").ReceiveAsync("TEST_CLIENT_1", "1685599999999", Header(), SignedBody(), Handler);
        NotificationOutcome garbage = await receiver.ReceiveAsync("TEST_CLIENT_1", "1685599999999", "garbage", SignedBody(), Handler);

        Assert.All([wrongBody, wrongPath, garbage], o =>
        {
            Assert.False(o.IsAcknowledged);
            Assert.Equal(NotificationRejection.BadSignature, o.Rejection);
            Assert.True(o.Acknowledgement.IsEmpty);
        });
        Assert.False(called);
    }

    [Fact]
    public async Task A_failing_handler_gets_no_acknowledgement_so_Antom_resends_and_the_resend_is_not_flagged()
    {
        var receiver = new AntomNotificationReceiver(Verifier(), NotifyPath);
        var failure = new InvalidOperationException("database down");

        NotificationOutcome first = await receiver.ReceiveAsync("TEST_CLIENT_1", "1685599999999", Header(), SignedBody(), (_, _, _) => throw failure);
        bool? redelivery = null;
        NotificationOutcome second = await receiver.ReceiveAsync("TEST_CLIENT_1", "1685599999999", Header(), SignedBody(), (_, c, _) =>
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
        var store = new InMemoryNotificationStore();
        var receiver = new AntomNotificationReceiver(Verifier(), NotifyPath, store);
        var flags = new System.Collections.Generic.List<bool>();
        Task Handler(AntomNotification n, NotificationContext c, CancellationToken t)
        {
            flags.Add(c.IsRedelivery);
            Assert.Equal("CAPTURE_RESULT:202609011940108001001881230000001", c.Key);
            return Task.CompletedTask;
        }

        await receiver.ReceiveAsync("TEST_CLIENT_1", "1685599999999", Header(), SignedBody(), Handler);
        NotificationOutcome again = await receiver.ReceiveAsync("TEST_CLIENT_1", "1685599999999", Header(), SignedBody(), Handler);

        Assert.Equal([false, true], flags);
        Assert.True(again.IsAcknowledged);
    }

    [Fact]
    public async Task A_signed_but_invalid_payload_is_not_acknowledged()
    {
        byte[] body = Encoding.UTF8.GetBytes("""{"notifyType":"CAPTURE_RESULT","result":{"resultCode":"SUCCESS","resultStatus":"S"}}""");
        using AntomSigner signer = AntomSigner.FromPrivateKey(File.ReadAllText(Path.Combine(Dir, "test-private-key.pem")));
        string header = signer.CreateSignatureHeader("POST", NotifyPath, "TEST_CLIENT_1", "1", body);

        NotificationOutcome outcome = await new AntomNotificationReceiver(Verifier(), NotifyPath).ReceiveAsync("TEST_CLIENT_1", "1", header, body, (_, _, _) => Task.CompletedTask);

        Assert.Equal(NotificationRejection.BadPayload, outcome.Rejection);
        Assert.Equal("$.captureRequestId", Assert.IsType<AntomPayloadException>(outcome.Error).Path);
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
