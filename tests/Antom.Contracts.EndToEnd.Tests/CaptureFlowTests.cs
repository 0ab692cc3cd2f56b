using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Antom.Contracts.AspNetCore;
using Antom.Contracts.Ledger;
using Antom.Contracts.Http;
using Antom.Contracts.Notifications;
using Antom.Contracts.Signatures;
using Antom.Contracts.Simulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Antom.Contracts.EndToEnd.Tests;

/// <summary>Everything over real HTTP on 127.0.0.1: the merchant's client and webhook against the embedded simulator.</summary>
public sealed class CaptureFlowTests : IAsyncLifetime
{
    private const string ClientId = "E2E_CLIENT";
    private const string NotifyPath = "/antom/notify";
    private readonly RSA _merchantKey = RSA.Create(2048);
    private readonly RSA _antomKey = RSA.Create(2048);
    private readonly ConcurrentQueue<(CaptureResultNotification Notification, bool Redelivery)> _received = new();
    private Func<int, Task> _onNotification = _ => Task.CompletedTask;
    private int _deliveries;
    private WebApplication _webhook = null!;
    private AntomSimulator _simulator = null!;

    public async Task InitializeAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(AntomSignatureVerifier.FromPublicKey(_antomKey.ExportSubjectPublicKeyInfoPem()));
        _webhook = builder.Build();
        _webhook.MapAntomNotifications(NotifyPath, new AntomNotificationReceiverOptions { ClientIds = [ClientId] }, async (notification, context, ct) =>
        {
            await _onNotification(Interlocked.Increment(ref _deliveries));
            _received.Enqueue((((CaptureResultReceived)notification).Notification, context.IsRedelivery));
        });
        await _webhook.StartAsync();
        string webhook = _webhook.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        _simulator = await AntomSimulator.StartAsync(new AntomSimulatorOptions
        {
            ClientId = ClientId,
            MerchantPublicKey = _merchantKey.ExportSubjectPublicKeyInfoPem(),
            AntomPrivateKey = _antomKey.ExportPkcs8PrivateKeyPem(),
            NotifyUrl = new Uri(new Uri(webhook), NotifyPath),
        });
        _simulator.SeedPayment("pay-brl", Money.FromMajorUnits(100.00m, "BRL"));
    }

    public async Task DisposeAsync()
    {
        await _simulator.DisposeAsync();
        await _webhook.DisposeAsync();
        _merchantKey.Dispose();
        _antomKey.Dispose();
    }

    [Fact]
    public async Task The_walkthrough_flow_U_then_notification_then_inquiry_then_ledger()
    {
        AntomClient client = Client();
        var ledger = AuthorizationLedger.Open(new AuthorizationTerms("pay-brl", Money.FromMajorUnits(100.00m, "BRL"), DateTimeOffset.UtcNow.AddMinutes(-5)) { AllowsMultipleCaptures = true });
        var first = new CaptureRequest { CaptureRequestId = "cap-1", PaymentId = "pay-brl", CaptureAmount = Money.FromMajorUnits(60.00m, "BRL") };
        _simulator.Script(SimulatedOperation.Capture, OperationScript.AnswerUnknownFirst);

        ledger = ledger.Reserve(first, DateTimeOffset.UtcNow);
        CaptureResponse response = await client.CaptureAsync(first);
        ledger = ledger.Record(first, response);
        Assert.Equal(ResultStatus.Unknown, response.Result.ResultStatus);
        Assert.Equal(Money.FromMajorUnits(40.00m, "BRL"), ledger.Remaining);

        CaptureResultNotification notified = await WaitForNotificationAsync();
        Assert.Equal("cap-1", notified.CaptureRequestId);
        Assert.Equal(ResultStatus.Success, notified.Result.ResultStatus);

        ResolvedCapture resolved = await OperationPoller.ResolveCaptureAsync(client, first, new PollingOptions(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(10)));
        ledger = ledger.Apply(resolved.Inquiry);
        Assert.Equal(Money.FromMajorUnits(60.00m, "BRL"), ledger.Captured);

        var tooMuch = new CaptureRequest { CaptureRequestId = "cap-2", PaymentId = "pay-brl", CaptureAmount = Money.FromMajorUnits(50.00m, "BRL") };
        Assert.Equal([LedgerViolation.ExceedsRemaining], ledger.Check(tooMuch, DateTimeOffset.UtcNow));

        var rest = new CaptureRequest { CaptureRequestId = "cap-3", PaymentId = "pay-brl", CaptureAmount = Money.FromMajorUnits(40.00m, "BRL"), IsLastCapture = true };
        ledger = ledger.Reserve(rest, DateTimeOffset.UtcNow);
        CaptureResponse second = await client.CaptureAsync(rest);
        ledger = ledger.Record(rest, second);
        Assert.Equal(ResultStatus.Success, second.Result.ResultStatus);
        Assert.Equal(Money.FromMajorUnits(100.00m, "BRL"), ledger.Captured);
        Assert.Equal(Money.Zero(ledger.Authorized.Currency), ledger.Remaining);
    }

    [Fact]
    public async Task The_simulator_applies_idempotency_and_the_authorisation_limit()
    {
        AntomClient client = Client();
        var capture = new CaptureRequest { CaptureRequestId = "cap-x", PaymentId = "pay-brl", CaptureAmount = Money.FromMajorUnits(70.00m, "BRL") };
        CaptureResponse once = await client.CaptureAsync(capture);
        CaptureResponse again = await client.CaptureAsync(capture);
        CaptureResponse over = await client.CaptureAsync(capture with { CaptureRequestId = "cap-y", CaptureAmount = Money.FromMajorUnits(30.01m, "BRL") });
        CaptureResponse changed = await client.CaptureAsync(capture with { CaptureAmount = Money.FromMajorUnits(1.00m, "BRL") });

        Assert.Equal(ResultStatus.Success, once.Result.ResultStatus);
        Assert.Equal(once.CaptureId, again.CaptureId);
        Assert.Equal(ResultCode.CaptureAmountExceedAuthLimit, over.Result.ResultCode);
        Assert.Equal(ResultCode.RepeatReqInconsistent, changed.Result.ResultCode);
    }

    [Fact]
    public async Task A_tampered_response_is_outcome_unknown()
    {
        AntomClient client = Client(new Tamper());
        AntomOutcomeUnknownException e = await Assert.ThrowsAsync<AntomOutcomeUnknownException>(() => client.CaptureAsync(new CaptureRequest { CaptureRequestId = "cap-t", PaymentId = "pay-brl", CaptureAmount = Money.FromMajorUnits(1.00m, "BRL") }));
        Assert.Equal(NoVerifiedAnswerReason.SignatureInvalid, e.Reason);
    }

    [Fact]
    public async Task A_capture_timeout_is_outcome_unknown()
    {
        _simulator.Script(SimulatedOperation.Capture, OperationScript.Delay(TimeSpan.FromSeconds(3)));
        AntomClient client = Client(timeout: TimeSpan.FromMilliseconds(300));
        AntomOutcomeUnknownException e = await Assert.ThrowsAsync<AntomOutcomeUnknownException>(() => client.CaptureAsync(new CaptureRequest { CaptureRequestId = "cap-slow", PaymentId = "pay-brl", CaptureAmount = Money.FromMajorUnits(1.00m, "BRL") }));
        Assert.Equal(NoVerifiedAnswerReason.Timeout, e.Reason);
    }

    [Fact]
    public async Task A_handler_that_throws_once_gets_the_notification_again()
    {
        _onNotification = n => n == 1 ? throw new InvalidOperationException("database down") : Task.CompletedTask;
        await Client().CaptureAsync(new CaptureRequest { CaptureRequestId = "cap-retry", PaymentId = "pay-brl", CaptureAmount = Money.FromMajorUnits(5.00m, "BRL") });

        CaptureResultNotification notified = await WaitForNotificationAsync();

        Assert.Equal("cap-retry", notified.CaptureRequestId);
        Assert.True(_simulator.NotificationAttempts >= 2);
    }

    [Fact]
    public async Task A_notification_with_a_bad_signature_is_not_acknowledged_and_the_simulator_resends()
    {
        // A merchant that trusts another key: every delivery fails verification (401), so Antom keeps re-sending.
        using RSA stranger = RSA.Create(2048);
        await using AntomSimulator impostor = await AntomSimulator.StartAsync(new AntomSimulatorOptions
        {
            ClientId = ClientId,
            MerchantPublicKey = _merchantKey.ExportSubjectPublicKeyInfoPem(),
            AntomPrivateKey = stranger.ExportPkcs8PrivateKeyPem(),
            NotifyUrl = new Uri(new Uri(_webhook.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()), NotifyPath),
            NotificationSchedule = [TimeSpan.Zero, TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(20)],
        });
        impostor.SeedPayment("pay-x", Money.FromMajorUnits(10.00m, "BRL"));
        AntomClient client = Client(verifierKey: stranger, endpoint: impostor.Endpoint);

        await client.CaptureAsync(new CaptureRequest { CaptureRequestId = "cap-i", PaymentId = "pay-x", CaptureAmount = Money.FromMajorUnits(1.00m, "BRL") });
        for (int i = 0; i < 200 && impostor.NotificationAttempts < 3; i++)
        {
            await Task.Delay(20);
        }

        Assert.Equal(3, impostor.NotificationAttempts);
        Assert.Empty(_received);
    }

    private async Task<CaptureResultNotification> WaitForNotificationAsync()
    {
        for (int i = 0; i < 500; i++)
        {
            if (_received.TryDequeue(out var item))
            {
                return item.Notification;
            }

            await Task.Delay(10);
        }

        throw new TimeoutException("no notification reached the webhook");
    }

    private AntomClient Client(DelegatingHandler? handler = null, TimeSpan? timeout = null, RSA? verifierKey = null, Uri? endpoint = null)
    {
        HttpMessageHandler inner = new SocketsHttpHandler();
        if (handler is not null)
        {
            handler.InnerHandler = inner;
            inner = handler;
        }

        return new AntomClient(new HttpClient(inner) { Timeout = timeout ?? TimeSpan.FromSeconds(30) }, new AntomClientOptions
        {
            Endpoint = endpoint ?? _simulator.Endpoint,
            ClientId = ClientId,
            Signer = AntomSigner.FromPrivateKey(_merchantKey.ExportPkcs8PrivateKeyPem()),
            Verifier = AntomSignatureVerifier.FromPublicKey((verifierKey ?? _antomKey).ExportSubjectPublicKeyInfoPem()),
        });
    }

    // Flips one byte of every response body in transit.
    private sealed class Tamper : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            HttpResponseMessage response = await base.SendAsync(request, cancellationToken);
            byte[] body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            body[^3] ^= 0x01;
            var tampered = new ByteArrayContent(body);
            response.Content = tampered;
            return response;
        }
    }
}
