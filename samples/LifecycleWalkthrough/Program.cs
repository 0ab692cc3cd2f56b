// The card lifecycle end to end, readable: dotnet run --project samples/LifecycleWalkthrough
// 1. authorise BRL 100.00 with manual capture; 2. capture 60.00 (U, then notifyCapture); 3. capture the remaining 40.00;
// 4. refund 25.00 (U, then notifyRefund); 5. inquiryRefund; 6. try to cancel, and see why it is refused after capture.
// With no arguments it runs against the embedded simulator, with throwaway DEMO keys generated for this run.
// With --endpoint, --client-id, --private-key-file, --antom-public-key-file and --payment-id (an authorisation with
// manual capture made elsewhere) the same code talks to a real Antom environment instead: no local webhook, it polls.
// The ledger is kept in a store: --store sqlite (the default; a file in a temporary folder) or --store postgres
// (--postgres "<connection string>", or ANTOM_TEST_POSTGRES, which `source eng/start-postgres.sh` sets).
using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using Antom.Contracts;
using Antom.Contracts.AspNetCore;
using Antom.Contracts.Http;
using Antom.Contracts.Ledger;
using Antom.Contracts.Notifications;
using Antom.Contracts.Signatures;
using Antom.Contracts.Simulator;
using Antom.Contracts.Storage.PostgreSql;
using Antom.Contracts.Storage.Sqlite;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

Dictionary<string, string> options = ParseArguments(args);
bool real = options.ContainsKey("endpoint");
const string NotifyPath = "/antom/notify";
var polling = new PollingOptions(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(2));

AntomSimulator? simulator = null;
WebApplication? webhook = null;
var notifications = new ConcurrentQueue<AntomNotification>();
Uri endpoint;
string clientId;
AntomSigner signer;
AntomSignatureVerifier verifier;

if (real)
{
    endpoint = new Uri(options["endpoint"]);
    clientId = Required(options, "client-id");
    signer = AntomSigner.FromPrivateKey(File.ReadAllText(Required(options, "private-key-file")));
    verifier = AntomSignatureVerifier.FromPublicKey(File.ReadAllText(Required(options, "antom-public-key-file")));
    Console.WriteLine($"Antom lifecycle walkthrough against {endpoint} as {clientId}");
}
else
{
    Console.WriteLine("Antom lifecycle walkthrough against the embedded simulator.");
    Console.WriteLine("DEMO KEYS: a merchant key pair and an \"Antom\" key pair were generated for this run only; never use them for real money.");
    using RSA merchantKey = RSA.Create(2048);
    using RSA antomKey = RSA.Create(2048);
    clientId = "DEMO_CLIENT";
    signer = AntomSigner.FromPrivateKey(merchantKey.ExportPkcs8PrivateKeyPem());
    verifier = AntomSignatureVerifier.FromPublicKey(antomKey.ExportSubjectPublicKeyInfoPem());

    WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
    builder.WebHost.UseUrls("http://127.0.0.1:0");
    builder.Logging.ClearProviders();
    builder.Services.AddSingleton(verifier);
    webhook = builder.Build();
    webhook.MapAntomNotifications(NotifyPath, new AntomNotificationReceiverOptions { ClientIds = [clientId] }, (notification, context, ct) =>
    {
        // IsRedelivery: this same result was handled before. A U or a PAYMENT_PENDING never hides the later final result.
        if (!context.IsRedelivery)
        {
            notifications.Enqueue(notification);
        }

        return Task.CompletedTask; // the acknowledgement goes out only after this returns
    });
    await webhook.StartAsync();
    Uri webhookUrl = new(new Uri(webhook.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()), NotifyPath);

    simulator = await AntomSimulator.StartAsync(new AntomSimulatorOptions
    {
        ClientId = clientId,
        MerchantPublicKey = merchantKey.ExportSubjectPublicKeyInfoPem(),
        AntomPrivateKey = antomKey.ExportPkcs8PrivateKeyPem(),
        NotifyUrl = webhookUrl,
        UnknownResolvesAfter = TimeSpan.FromMilliseconds(600),
    });
    endpoint = simulator.Endpoint;
    Console.WriteLine($"Simulator on {simulator.Endpoint}, merchant webhook on {webhookUrl}.");
}

try
{
    var client = new AntomClient(new HttpClient { Timeout = TimeSpan.FromSeconds(30) }, new AntomClientOptions { Endpoint = endpoint, ClientId = clientId, Signer = signer, Verifier = verifier });
    string run = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    // 1. Authorise with manual capture: the money is held on the card, not taken. The ledger opens on the verified result.
    AuthorizationTerms terms = real ? await AuthorisedElsewhereAsync(Required(options, "payment-id")) : await AuthoriseAsync(Money.FromMajorUnits(100.00m, "BRL"));
    var ledger = AuthorizationLedger.Open(terms);
    (IAuthorizationLedgerStore store, string where) = OpenStore(options.GetValueOrDefault("store", "sqlite"), options.GetValueOrDefault("postgres"));
    if (!await store.TryCreateAsync(ledger))
    {
        throw new InvalidOperationException($"A ledger of payment {terms.PaymentId} is already stored.");
    }

    long persisted = ledger.Version;
    Console.WriteLine($"   the ledger is kept in {where}; every change is saved by compare-and-swap on its Version.");
    await PersistAsync();
    Step(1, $"authorised {terms.Authorized} with manual capture: payment {terms.PaymentId}.");

    // 2. Capture 60 %. Antom answers U: not a failure; the amount stays held until notifyCapture (or inquiryPayment) says.
    Money sixty = Money.FromMinorUnits(terms.Authorized.MinorUnits * 6 / 10, terms.Authorized.Currency.Code);
    var first = new CaptureRequest { CaptureRequestId = "walk-" + run + "-cap-1", PaymentId = terms.PaymentId, CaptureAmount = sixty, IsLastCapture = false };
    simulator?.Script(SimulatedOperation.Capture, OperationScript.AnswerUnknownFirst);
    CaptureResponse? captured = await CaptureAsync(first);
    Console.WriteLine($"   capture {sixty} → {Describe(captured?.Result)}; held {ledger.CapturesHeld}, and the same captureRequestId is the only retry.");
    if (real)
    {
        ledger = ledger.Apply((await OperationPoller.ResolveCaptureAsync(client, first, polling)).Inquiry);
    }
    else
    {
        CaptureResultReceived notified = await WaitAsync<CaptureResultReceived>(n => n.Notification.CaptureRequestId == first.CaptureRequestId && n.Notification.Result.ResultStatus != ResultStatus.Unknown, "notifyCapture");
        ledger = ledger.Apply(notified.Notification);
    }

    await PersistAsync();
    Step(2, $"notifyCapture: {first.CaptureRequestId} {ledger.Find(LedgerOperation.Capture, first.CaptureRequestId)!.State}.");

    // 3. Capture what remains, as the last capture.
    var rest = new CaptureRequest { CaptureRequestId = "walk-" + run + "-cap-2", PaymentId = terms.PaymentId, CaptureAmount = ledger.Remaining, IsLastCapture = true };
    CaptureResponse? last = await CaptureAsync(rest);
    await PersistAsync();
    Step(3, $"capture {rest.CaptureAmount} (last) → {Describe(last?.Result)}.");

    // 4. Refund 25 %. REFUND_IN_PROCESS is U: held (it cannot be refunded twice) until notifyRefund's refundStatus says.
    Money quarter = Money.FromMinorUnits(terms.Authorized.MinorUnits / 4, terms.Authorized.Currency.Code);
    var refund = new RefundRequest { RefundRequestId = "walk-" + run + "-ref-1", PaymentId = terms.PaymentId, RefundAmount = quarter };
    simulator?.Script(SimulatedOperation.Refund, OperationScript.AnswerUnknownFirst);
    RefundResponse? refunded = await RefundAsync(refund);
    Console.WriteLine($"   refund {quarter} → {Describe(refunded?.Result)}; held {ledger.RefundsHeld}, and the same refundRequestId is the only retry.");
    if (real)
    {
        ledger = ledger.Apply(await OperationPoller.ResolveRefundAsync(client, refund, polling));
    }
    else
    {
        // notifyRefund names no payment: it is matched to the ledger by its refundRequestId.
        RefundResultReceived notified = await WaitAsync<RefundResultReceived>(n => n.Notification.RefundRequestId == refund.RefundRequestId && n.State != RefundState.Processing, "notifyRefund");
        ledger = ledger.Apply(notified.Notification);
    }

    await PersistAsync();
    Step(4, $"notifyRefund: {refund.RefundRequestId} {ledger.Find(LedgerOperation.Refund, refund.RefundRequestId)!.State}.");

    // 5. inquiryRefund: its result says only that the inquiry worked; refundStatus is the refund's state.
    InquiryRefundResponse inquiry = await client.InquiryRefundAsync(new InquiryRefundRequest { RefundRequestId = refund.RefundRequestId });
    ledger = ledger.Apply(inquiry);
    await PersistAsync();
    Step(5, $"inquiryRefund: result {inquiry.Result.ResultStatus} (the inquiry worked), refundStatus {inquiry.RefundStatus} → {inquiry.RefundState}.");

    // 6. Cancel? The ledger refuses before anything is sent: a captured payment is refunded, not cancelled.
    var cancel = new CancelRequest { PaymentId = terms.PaymentId };
    IReadOnlyList<LedgerViolation> why = ledger.Check(cancel, DateTimeOffset.UtcNow);
    await PersistAsync();
    Step(6, $"cancel? refused before sending: {string.Join(", ", why)}. Nothing was sent.");
    await PersistAsync();

    bool ok = why.Contains(LedgerViolation.CancelAfterCapture) && why.Contains(LedgerViolation.CancelAfterRefund)
              && ledger.Captured == terms.Authorized && ledger.Refunded == quarter && ledger.Refundable == terms.Authorized - quarter
              && ledger.CapturesHeld.MinorUnits == 0 && ledger.RefundsHeld.MinorUnits == 0 && !ledger.IsCancelled
              && ledger.Discrepancies.Count == 0 && (await store.LoadAsync(terms.PaymentId))!.ToState() == ledger.ToState();
    Console.WriteLine(ok ? "Done: every step behaved as Antom's rules say." : "Something did not go as expected.");
    return ok ? 0 : 1;

    // Each step is printed with the authorisation's money state.
    void Step(int number, string what)
    {
        Console.WriteLine($"{number}. {what}");
        Console.WriteLine($"   authorised {ledger.Authorized} | captured {ledger.Captured} (held {ledger.CapturesHeld}) | refunded {ledger.Refunded} (held {ledger.RefundsHeld}) | may capture {ledger.Remaining} | may refund {ledger.Refundable}{(ledger.IsCancelled ? " | CANCELLED" : string.Empty)}");
    }

    // Saves what changed since the last save; another writer in between would be a conflict, never a silent overwrite.
    async Task PersistAsync()
    {
        if (ledger.Version != persisted)
        {
            if (!await store.TrySaveAsync(ledger.ToState(), persisted, CancellationToken.None))
            {
                throw new InvalidOperationException($"The stored ledger of {terms.PaymentId} changed under this run: reload it and check again.");
            }

            persisted = ledger.Version;
        }
    }

    // check → reserve → persist → send → record. After sending there are two outcomes: Antom's verified answer to
    // this request, or AntomOutcomeUnknownException, which keeps the amount reserved (it may have happened).
    async Task<CaptureResponse?> CaptureAsync(CaptureRequest request)
    {
        ledger = ledger.Reserve(request, DateTimeOffset.UtcNow); // OperationRefusedException: nothing is sent
        await PersistAsync();                                     // persisted before anything leaves the process
        try
        {
            CaptureResponse answer = await client.CaptureAsync(request);
            ledger = ledger.Record(request, answer);
            return answer;
        }
        catch (AntomOutcomeUnknownException unknown)
        {
            Console.WriteLine($"   outcome unknown ({unknown.Reason}): {request.CaptureAmount} stays reserved; retry only with {unknown.IdempotencyKey}.");
            return null;
        }
    }

    async Task<RefundResponse?> RefundAsync(RefundRequest request)
    {
        ledger = ledger.Reserve(request, DateTimeOffset.UtcNow);
        await PersistAsync();
        try
        {
            RefundResponse answer = await client.RefundAsync(request);
            ledger = ledger.Record(request, answer);
            return answer;
        }
        catch (AntomOutcomeUnknownException unknown)
        {
            Console.WriteLine($"   outcome unknown ({unknown.Reason}): {request.RefundAmount} stays reserved; retry only with {unknown.IdempotencyKey}.");
            return null;
        }
    }

    // The simulator's pay: a card authorisation with manual capture, then notifyPayment. PAYMENT_PENDING would mean
    // "wait", never "authorised": the handler switches on Outcome, not on resultStatus.
    async Task<AuthorizationTerms> AuthoriseAsync(Money amount)
    {
        PayRequest pay = AntomJson.Deserialize<PayRequest>("""
            {"productCode":"CASHIER_PAYMENT","paymentRequestId":"x",
             "paymentAmount":{"value":"10000","currency":"BRL"},
             "paymentMethod":{"paymentMethodType":"CARD","paymentMethodMetaData":{"cardNo":"4111111111111111","cvv":"712","expiryMonth":"06","expiryYear":"28"}},
             "order":{"referenceOrderId":"walkthrough-order","orderDescription":"walkthrough","orderAmount":{"value":"10000","currency":"BRL"}},
             "env":{"terminalType":"WEB","clientIp":"127.0.0.1"},
             "paymentFactor":{"isAuthorization":true,"captureMode":"MANUAL"},
             "paymentRedirectUrl":"https://merchant.example/return"}
            """) with { PaymentRequestId = "walk-" + run + "-pay", PaymentAmount = amount };
        PayResponse answer = await client.PayAsync(pay); // outcome unknown here would mean: resolve with OperationPoller.ResolvePayAsync, never pay again under a new id
        Console.WriteLine($"   pay {amount} → {Describe(answer.Result)}.");
        PaymentResultReceived result = await WaitAsync<PaymentResultReceived>(n => n.Notification.PaymentRequestId == pay.PaymentRequestId && n.Notification.Outcome != PaymentOutcome.Pending, "notifyPayment");
        if (result.Notification.Outcome != PaymentOutcome.Authorised)
        {
            throw new InvalidOperationException($"The authorisation ended {result.Notification.Outcome}.");
        }

        PaymentResultNotification n = result.Notification;
        return new AuthorizationTerms(n.PaymentId, n.PaymentAmount, n.PaymentTime ?? DateTimeOffset.UtcNow)
        {
            PaymentRequestId = n.PaymentRequestId,
            AuthExpiryTime = n.AuthExpiryTime,
            AllowsMultipleCaptures = true, // cards capture in several parts unless the acquirer says otherwise
            IncrementalAuthorizationAvailable = n.PaymentResultInfo?.IncrementalAuthorizationAvailable == true,
        };
    }

    async Task<AuthorizationTerms> AuthorisedElsewhereAsync(string paymentId)
    {
        InquiryPaymentResponse payment = await client.InquiryPaymentAsync(paymentId: paymentId);
        if (payment.PaymentStatus != PaymentStatus.Success || payment.PaymentAmount is not { } amount)
        {
            throw new InvalidOperationException($"Payment {paymentId} is {payment.PaymentStatus}, not authorised.");
        }

        return new AuthorizationTerms(paymentId, amount, payment.PaymentTime ?? DateTimeOffset.UtcNow)
        {
            PaymentRequestId = payment.PaymentRequestId,
            AuthExpiryTime = payment.AuthExpiryTime,
            AllowsMultipleCaptures = true,
        };
    }
}
finally
{
    if (simulator is not null)
    {
        await simulator.DisposeAsync();
    }

    if (webhook is not null)
    {
        await webhook.DisposeAsync();
    }
}

static (IAuthorizationLedgerStore Store, string Where) OpenStore(string kind, string? postgres)
{
    switch (kind)
    {
        case "sqlite":
            string folder = Directory.CreateTempSubdirectory("antom-walkthrough-").FullName;
            string file = Path.Combine(folder, "antom.db");
            return (new SqliteAuthorizationLedgerStore($"Data Source={file}"), $"the SQLite file {file}");
        case "postgres":
            string connectionString = postgres ?? (Environment.GetEnvironmentVariable("ANTOM_TEST_POSTGRES") is { Length: > 0 } fromEnvironment
                ? fromEnvironment
                : throw new ArgumentException("--store postgres needs --postgres \"<connection string>\" or ANTOM_TEST_POSTGRES (source eng/start-postgres.sh)."));
            string schema = "antom_walkthrough_" + Guid.NewGuid().ToString("N")[..8];
            return (new PostgreSqlAuthorizationLedgerStore(NpgsqlDataSource.Create(connectionString), schema), $"PostgreSQL, schema {schema}");
        default:
            throw new ArgumentException($"--store is sqlite or postgres, not '{kind}'.");
    }
}

static string Describe(AntomResult? result) => result is null ? "no verified answer" : $"resultStatus {result.ResultStatus} ({result.ResultCode})";

async Task<T> WaitAsync<T>(Func<T, bool> match, string what)
    where T : AntomNotification
{
    Console.Write($"   waiting for {what}");
    for (int i = 0; i < 300; i++)
    {
        foreach (AntomNotification received in notifications)
        {
            if (received is T typed && match(typed))
            {
                Console.WriteLine(" received and acknowledged.");
                return typed;
            }
        }

        if (i % 5 == 0)
        {
            Console.Write('.');
        }

        await Task.Delay(50);
    }

    Console.WriteLine();
    throw new TimeoutException($"{what}: nothing arrived in 15 s.");
}

static Dictionary<string, string> ParseArguments(string[] args)
{
    var result = new Dictionary<string, string>(StringComparer.Ordinal);
    for (int i = 0; i < args.Length; i++)
    {
        if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
        {
            throw new ArgumentException($"Unexpected argument '{args[i]}'. Options: --store sqlite|postgres, --postgres, --endpoint --client-id --private-key-file --antom-public-key-file --payment-id.");
        }

        result[args[i][2..]] = args[++i];
    }

    return result;
}

static string Required(Dictionary<string, string> options, string name)
    => options.TryGetValue(name, out string? value) ? value : throw new ArgumentException($"--{name} is required with --endpoint.");
