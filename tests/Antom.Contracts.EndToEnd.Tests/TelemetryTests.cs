using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Antom.Contracts.Http;
using Antom.Contracts.Ledger;
using Antom.Contracts.Notifications;
using Antom.Contracts.Signatures;
using Antom.Contracts.Simulator;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Xunit;

namespace Antom.Contracts.EndToEnd.Tests;

/// <summary>No other test records Antom telemetry while these run: the ActivitySource and Meter are static.</summary>
[CollectionDefinition(nameof(TelemetryCollection), DisableParallelization = true)]
public sealed class TelemetryCollection
{
}

/// <summary>
/// The spans and metrics an application exporting <see cref="AntomTelemetry.ActivitySourceName"/> and
/// <see cref="AntomTelemetry.MeterName"/> receives, read back through the OpenTelemetry SDK's in-memory exporters,
/// with the client against the simulator over loopback.
/// </summary>
[Collection(nameof(TelemetryCollection))]
public sealed class TelemetryTests : IDisposable
{
    private const string PaymentId = "pay-otel";
    private static readonly Money Authorized = Money.FromMajorUnits(100, "BRL");
    private static readonly PollingOptions Polling = new(TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(10));
    private readonly List<Activity> _spans = [];
    private readonly List<MetricSnapshot> _metrics = [];
    private readonly TracerProvider _tracing;
    private readonly MeterProvider _meters;

    public TelemetryTests()
    {
        _tracing = Sdk.CreateTracerProviderBuilder().AddSource(AntomTelemetry.ActivitySourceName).AddInMemoryExporter(_spans).Build()!;
        _meters = Sdk.CreateMeterProviderBuilder().AddMeter(AntomTelemetry.MeterName).AddInMemoryExporter(_metrics).Build()!;
    }

    public void Dispose()
    {
        _tracing.Dispose();
        _meters.Dispose();
    }

    [Fact]
    public async Task A_capture_answered_U_then_resolved_by_polling_gives_its_spans_counters_resolution_time_and_held_amount()
    {
        await using SimulatorHarness h = await SimulatorHarness.StartAsync();
        h.Simulator.SeedPayment(PaymentId, Authorized);
        var store = new InMemoryAuthorizationLedgerStore();
        await store.TryCreateAsync(AuthorizationLedger.Open(new AuthorizationTerms(PaymentId, Authorized, DateTimeOffset.UtcNow.AddMinutes(-5)) { AllowsMultipleCaptures = true }));
        var capture = new CaptureRequest { CaptureRequestId = "cap-otel", PaymentId = PaymentId, CaptureAmount = Money.FromMajorUnits(60, "BRL") };

        await store.UpdateAsync(PaymentId, ledger => ledger.Reserve(capture, DateTimeOffset.UtcNow));
        Assert.Equal(6_000, Read().Sum(AntomTelemetry.CapturesHeld, ("antom.currency", "BRL")));

        h.Simulator.Script(SimulatedOperation.Capture, OperationScript.AnswerUnknownFirst);
        CaptureResponse answer = await h.Client().CaptureAsync(capture);
        await store.UpdateAsync(PaymentId, ledger => ledger.Record(capture, answer));
        ResolvedCapture resolved = await OperationPoller.ResolveCaptureAsync(h.Client(), capture, Polling);
        await store.UpdateAsync(PaymentId, ledger => ledger.Apply(resolved.Inquiry));

        Metrics metrics = Read();
        Assert.Equal(0, metrics.Sum(AntomTelemetry.CapturesHeld, ("antom.currency", "BRL")));
        Assert.Equal(1, metrics.Sum(AntomTelemetry.ClientCalls, ("antom.api", "capture"), ("antom.result_status", "U")));
        Assert.True(metrics.Sum(AntomTelemetry.ClientCalls, ("antom.api", "inquiryPayment"), ("antom.result_status", "S")) >= 1);
        Assert.Equal(1, metrics.Count(AntomTelemetry.ClientCallDuration, ("antom.api", "capture"), ("antom.result_status", "U")));
        Assert.Equal(1, metrics.Count(AntomTelemetry.ResolutionDuration, ("antom.api", "capture")));
        Assert.Equal(0, metrics.Sum(AntomTelemetry.OutcomeUnknown));

        Activity span = Assert.Single(_spans, s => s.DisplayName == "antom capture");
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal("capture", span.GetTagItem("antom.api"));
        Assert.Equal("cap-otel", span.GetTagItem("antom.request_id"));
        Assert.Equal("U", span.GetTagItem("antom.result_status"));
        Assert.Equal(ResultCode.CaptureInProcess.Value, span.GetTagItem("antom.result_code"));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.Contains(_spans, s => s.DisplayName == "antom inquiryPayment" && (string?)s.GetTagItem("antom.result_status") == "S");
    }

    [Fact]
    public async Task An_outcome_unknown_gives_its_reason_and_an_error_span()
    {
        await using SimulatorHarness h = await SimulatorHarness.StartAsync();
        h.Simulator.SeedPayment(PaymentId, Authorized);
        h.Simulator.Script(SimulatedOperation.Capture, OperationScript.ApplyThenAnswerStatus(502));

        await Assert.ThrowsAsync<AntomOutcomeUnknownException>(() => h.Client().CaptureAsync(new CaptureRequest { CaptureRequestId = "cap-unknown", PaymentId = PaymentId, CaptureAmount = Money.FromMajorUnits(60, "BRL") }));

        Metrics metrics = Read();
        Assert.Equal(1, metrics.Sum(AntomTelemetry.OutcomeUnknown, ("antom.api", "capture"), ("antom.outcome_unknown.reason", "HttpStatus")));
        Assert.Equal(1, metrics.Sum(AntomTelemetry.ClientCalls, ("antom.api", "capture"), ("antom.result_status", "outcome_unknown")));
        Activity span = Assert.Single(_spans, s => s.DisplayName == "antom capture");
        Assert.Equal("cap-unknown", span.GetTagItem("antom.request_id"));
        Assert.Equal("HttpStatus", span.GetTagItem("antom.outcome_unknown.reason"));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Null(span.GetTagItem("antom.result_status"));
    }

    [Fact]
    public async Task A_notification_delivered_twice_counts_one_received_and_one_redelivered_and_a_bad_one_counts_rejected()
    {
        using RSA antomKey = RSA.Create(2048);
        var receiver = new AntomNotificationReceiver(
            AntomSignatureVerifier.FromPublicKey(antomKey.ExportSubjectPublicKeyInfoPem()),
            new AntomNotificationReceiverOptions { ClientIds = [SimulatorHarness.ClientId] });
        const string path = "/antom/notify";
        string time = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        byte[] body = Encoding.UTF8.GetBytes("""{"notifyType":"CAPTURE_RESULT","result":{"resultCode":"SUCCESS","resultStatus":"S","resultMessage":"success"},"captureRequestId":"cap-n","paymentId":"pay-n","captureId":"c-n","captureAmount":{"currency":"BRL","value":"6000"}}""");
        string signature = AntomSigner.FromPrivateKey(antomKey.ExportPkcs8PrivateKeyPem()).CreateSignatureHeader("POST", path, SimulatorHarness.ClientId, time, body);
        var delivery = new NotificationRequest(path, SimulatorHarness.ClientId, time, signature, body);

        Assert.True((await receiver.ReceiveAsync(delivery, (_, _, _) => Task.CompletedTask)).IsAcknowledged);
        Assert.True((await receiver.ReceiveAsync(delivery, (_, _, _) => Task.CompletedTask)).IsAcknowledged);
        Assert.False((await receiver.ReceiveAsync(delivery with { Signature = "algorithm=RSA256,keyVersion=1,signature=forged" }, (_, _, _) => Task.CompletedTask)).IsAcknowledged);

        Metrics metrics = Read();
        Assert.Equal(1, metrics.Sum(AntomTelemetry.NotificationsReceived, ("antom.notify_type", "CAPTURE_RESULT")));
        Assert.Equal(1, metrics.Sum(AntomTelemetry.NotificationsRedelivered, ("antom.notify_type", "CAPTURE_RESULT")));
        Assert.Equal(1, metrics.Sum(AntomTelemetry.NotificationsRejected, ("antom.notification.rejection", "BadSignature")));
        Activity[] spans = _spans.Where(s => s.DisplayName == "antom notification").ToArray();
        Assert.Equal(3, spans.Length);
        Assert.Equal([false, true], spans.Take(2).Select(s => (bool?)s.GetTagItem("antom.notification.redelivery")));
        Assert.Equal(ActivityStatusCode.Error, spans[2].Status);
        Assert.All(spans, s => Assert.DoesNotContain(s.TagObjects, t => t.Value is string v && (v.Contains("signature", StringComparison.Ordinal) || v.Contains("6000", StringComparison.Ordinal))));
    }

    // Collects now: the exporter keeps one snapshot per instrument per collection.
    private Metrics Read()
    {
        _metrics.Clear();
        Assert.True(_meters.ForceFlush());
        return new Metrics(_metrics.ToArray());
    }

    private sealed record Metrics(MetricSnapshot[] Snapshots)
    {
        public long Sum(string name, params (string Key, string Value)[] tags) => Points(name, tags).Sum(p => p.GetSumLong());

        public long Count(string name, params (string Key, string Value)[] tags) => Points(name, tags).Sum(p => p.GetHistogramCount());

        private IEnumerable<MetricPoint> Points(string name, (string Key, string Value)[] tags)
            => Snapshots.Where(s => s.Name == name).SelectMany(s => s.MetricPoints).Where(p => tags.All(t => HasTag(p, t.Key, t.Value)));

        private static bool HasTag(MetricPoint point, string key, string value)
        {
            foreach (KeyValuePair<string, object?> tag in point.Tags)
            {
                if (tag.Key == key && Equals(tag.Value, value))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
