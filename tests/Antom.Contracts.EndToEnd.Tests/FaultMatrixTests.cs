using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
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

/// <summary>
/// The fault matrix of docs/reliability.md: for every simulator fault script, the merchant side runs exactly as the
/// README says (check → reserve → persist → send → record; notifications through MapAntomNotifications; the poller for
/// anything undecided), over real HTTP on 127.0.0.1. Every row asserts the same three things: the ledger never allows
/// more than the authorisation, its final state equals the simulator's own record, and no final result is lost or
/// handled twice as a first delivery.
/// </summary>
public sealed class FaultMatrixTests : IAsyncLifetime
{
    private const string ClientId = "FAULT_CLIENT";
    private const string NotifyPath = "/antom/notify";
    private const string PaymentId = "pay-fault";
    private static readonly Money Authorized = Money.FromMajorUnits(100.00m, "BRL");
    private static readonly PollingOptions Polling = new(TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(20));

    private readonly RSA _merchantKey = RSA.Create(2048);
    private readonly RSA _antomKey = RSA.Create(2048);
    private readonly object _gate = new();
    private readonly ConcurrentQueue<(string Key, bool Redelivery)> _handled = new();
    private AuthorizationLedger _ledger = AuthorizationLedger.Open(new AuthorizationTerms(PaymentId, Authorized, DateTimeOffset.UtcNow.AddMinutes(-5)) { AllowsMultipleCaptures = true });
    private AuthorizationLedgerState _persisted = null!;
    private WebApplication _webhook = null!;
    private AntomSimulator _simulator = null!;

    public static TheoryData<string> Rows => FaultRows.All;

    public async Task InitializeAsync()
    {
        _persisted = _ledger.ToState();
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(AntomSignatureVerifier.FromPublicKey(_antomKey.ExportSubjectPublicKeyInfoPem()));
        builder.Services.AddSingleton(new AntomNotificationReceiverOptions { ClientIds = [ClientId] });
        _webhook = builder.Build();
        _webhook.MapAntomNotifications(NotifyPath, async (notification, context, ct) =>
        {
            // The README's handler: apply every first delivery of a result to the ledger (re-deliveries change nothing anyway).
            CaptureResultNotification n = ((CaptureResultReceived)notification).Notification;
            await Task.Delay(30, ct); // a handler that takes time, so concurrent deliveries really overlap
            if (!context.IsRedelivery)
            {
                Update(ledger => ledger.Apply(n));
            }

            _handled.Enqueue((context.Key, context.IsRedelivery));
        });
        await _webhook.StartAsync();
        string webhook = _webhook.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        _simulator = await AntomSimulator.StartAsync(new AntomSimulatorOptions
        {
            ClientId = ClientId,
            MerchantPublicKey = _merchantKey.ExportSubjectPublicKeyInfoPem(),
            AntomPrivateKey = _antomKey.ExportPkcs8PrivateKeyPem(),
            NotifyUrl = new Uri(new Uri(webhook), NotifyPath),
            UnknownResolvesAfter = TimeSpan.FromMilliseconds(200),
        });
        _simulator.SeedPayment(PaymentId, Authorized);
    }

    public async Task DisposeAsync()
    {
        await _simulator.DisposeAsync();
        await _webhook.DisposeAsync();
        _merchantKey.Dispose();
        _antomKey.Dispose();
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Every_fault_ends_with_the_ledger_equal_to_Antoms_record(string row)
    {
        (OperationScript script, NoVerifiedAnswerReason? expectedReason, ResultStatus? expectedAnswer) = FaultRows.For(row);
        AntomClient client = Client(timeout: FaultRows.Timeout(row));
        var capture = new CaptureRequest { CaptureRequestId = "cap-" + row, PaymentId = PaymentId, CaptureAmount = Money.FromMajorUnits(60.00m, "BRL") };

        // check → reserve → persist → send → record
        _simulator.Script(SimulatedOperation.Capture, script);
        Update(ledger => ledger.Reserve(capture, DateTimeOffset.UtcNow));
        CaptureResponse? answer = null;
        try
        {
            answer = await client.CaptureAsync(capture);
            Update(ledger => ledger.Record(capture, answer));
            Assert.Null(expectedReason);
            Assert.Equal(expectedAnswer, answer.Result.ResultStatus);
        }
        catch (AntomOutcomeUnknownException unknown)
        {
            Assert.Equal(expectedReason, unknown.Reason);
            Assert.Equal(capture.CaptureRequestId, unknown.IdempotencyKey);
        }

        // While undecided, the amount stays held: a second capture of what was authorised is refused before sending.
        if (answer?.Result.ResultStatus is null or ResultStatus.Unknown)
        {
            AuthorizationLedger now = Snapshot();
            Assert.Equal(capture.CaptureAmount, now.CapturesHeld + now.Captured);
            var greedy = new CaptureRequest { CaptureRequestId = "cap-greedy-" + row, PaymentId = PaymentId, CaptureAmount = Money.FromMajorUnits(50.00m, "BRL") };
            Assert.Contains(LedgerViolation.ExceedsRemaining, Assert.Throws<OperationRefusedException>(() => now.Reserve(greedy, DateTimeOffset.UtcNow)).Violations);
        }

        // Resolve what is undecided: a retry under the same id is safe, and the poller settles the rest.
        if (answer is null)
        {
            CaptureResponse retried = await Client().CaptureAsync(capture);
            Assert.Equal(capture.CaptureRequestId, retried.CaptureRequestId);
            Update(ledger => ledger.Record(capture, retried));
        }

        ResolvedCapture resolved = await OperationPoller.ResolveCaptureAsync(Client(), capture, Polling);
        Update(ledger => ledger.Apply(resolved.Inquiry));
        await _simulator.WhenIdleAsync();

        // The ledger equals Antom's record, with nothing unexplained.
        SimulatedCapture antom = Assert.Single(_simulator.Captures(PaymentId));
        AuthorizationLedger final = Snapshot();
        LedgerEntry entry = Assert.Single(final.Entries);
        Assert.Equal(LedgerOperation.Capture, entry.Operation);
        Assert.Equal(antom.CaptureRequestId, entry.RequestId);
        Assert.Equal(antom.CaptureId, entry.AntomId);
        Assert.Equal(antom.Amount, entry.Amount);
        Assert.Equal(antom.Status == ResultStatus.Success ? OperationState.Succeeded : OperationState.Failed, entry.State);
        Assert.Equal(row == "U-then-F" ? ResultStatus.Failure : ResultStatus.Success, antom.Status);
        Assert.Empty(final.Discrepancies);
        Assert.Equal(Money.Zero(Authorized.Currency), final.CapturesHeld);
        Assert.True(final.Captured <= Authorized);
        Assert.Equal(final.ToState(), AuthorizationLedger.FromState(_persisted).ToState()); // what was persisted is what is true

        // Every final result reached the handler exactly once as a first delivery; none was lost.
        string finalKey = $"{ClientId}|CAPTURE_RESULT|{PaymentId}|{antom.CaptureRequestId}|{antom.CaptureId}|{(antom.Status == ResultStatus.Success ? "S" : "F")}|BRL|{antom.Amount.MinorUnits}";
        (string Key, bool Redelivery)[] handled = [.. _handled];
        Assert.Single(handled, h => h.Key == finalKey && !h.Redelivery);
        Assert.All(handled.GroupBy(h => h.Key), g => Assert.Single(g, h => !h.Redelivery));
        if (row == "notification-twice-at-once")
        {
            Assert.Contains(handled, h => h.Key == finalKey && h.Redelivery); // the second delivery was told apart, then acknowledged
        }

        if (row is "U-then-S" or "out-of-order")
        {
            Assert.Single(handled, h => h.Key.Contains("|U|", StringComparison.Ordinal) && !h.Redelivery); // the U did not shadow the S
        }
    }

    [Fact]
    public async Task Two_captures_racing_for_the_remainder_never_reserve_more_than_was_authorised()
    {
        AntomClient client = Client();
        _simulator.Script(SimulatedOperation.Capture, OperationScript.AnswerUnknownFirst);
        var first = new CaptureRequest { CaptureRequestId = "cap-race-1", PaymentId = PaymentId, CaptureAmount = Money.FromMajorUnits(70.00m, "BRL") };
        var second = new CaptureRequest { CaptureRequestId = "cap-race-2", PaymentId = PaymentId, CaptureAmount = Money.FromMajorUnits(70.00m, "BRL") };

        // Both are checked and reserved against the same ledger under its lock (what a store's compare-and-swap does).
        Task<string> Attempt(CaptureRequest request) => Task.Run(async () =>
        {
            try
            {
                Update(ledger => ledger.Reserve(request, DateTimeOffset.UtcNow));
            }
            catch (OperationRefusedException)
            {
                return "refused";
            }

            CaptureResponse answer = await client.CaptureAsync(request);
            Update(ledger => ledger.Record(request, answer));
            return answer.Result.ResultStatus.ToString();
        });

        string[] outcomes = await Task.WhenAll(Attempt(first), Attempt(second));
        await _simulator.WhenIdleAsync();

        Assert.Single(outcomes, o => o == "refused");
        Assert.True(Snapshot().CapturesHeld + Snapshot().Captured <= Authorized);
        Assert.Single(_simulator.Captures(PaymentId));
    }

    private void Update(Func<AuthorizationLedger, AuthorizationLedger> change)
    {
        lock (_gate)
        {
            _ledger = change(_ledger);
            _persisted = _ledger.ToState(); // persist after every change, before anything else is sent
            Assert.True(_ledger.Captured.MinorUnits + _ledger.CapturesHeld.MinorUnits <= Authorized.MinorUnits, $"captured {_ledger.Captured} + held {_ledger.CapturesHeld} > {Authorized}");
        }
    }

    private AuthorizationLedger Snapshot()
    {
        lock (_gate)
        {
            return _ledger;
        }
    }

    private AntomClient Client(TimeSpan? timeout = null)
        => new(new HttpClient { Timeout = timeout ?? TimeSpan.FromSeconds(30) }, new AntomClientOptions
        {
            Endpoint = _simulator.Endpoint,
            ClientId = ClientId,
            Signer = AntomSigner.FromPrivateKey(_merchantKey.ExportPkcs8PrivateKeyPem()),
            Verifier = AntomSignatureVerifier.FromPublicKey(_antomKey.ExportSubjectPublicKeyInfoPem()),
        });
}
