// The capture flow end to end, readable: dotnet run --project samples/CaptureWalkthrough
// With no arguments it runs against the embedded simulator, with throwaway DEMO keys generated for this run.
// With --endpoint, --client-id, --private-key-file, --antom-public-key-file, --payment-id and --authorized
// (e.g. "BRL 100.00") the same code talks to a real Antom environment instead (no local webhook: it polls).
using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using Antom.Contracts;
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

Dictionary<string, string> options = ParseArguments(args);
bool real = options.ContainsKey("endpoint");
const string NotifyPath = "/antom/notify";

AntomSimulator? simulator = null;
WebApplication? webhook = null;
var notifications = new ConcurrentQueue<CaptureResultNotification>();
Uri endpoint;
string clientId;
AntomSigner signer;
AntomSignatureVerifier verifier;
string paymentId;
Money authorized;

if (real)
{
    endpoint = new Uri(options["endpoint"]);
    clientId = Required(options, "client-id");
    signer = AntomSigner.FromPrivateKey(File.ReadAllText(Required(options, "private-key-file")));
    verifier = AntomSignatureVerifier.FromPublicKey(File.ReadAllText(Required(options, "antom-public-key-file")));
    paymentId = Required(options, "payment-id");
    string[] amount = Required(options, "authorized").Split(' ', 2);
    authorized = Money.FromMajorUnits(decimal.Parse(amount[1], CultureInfo.InvariantCulture), amount[0]);
    Console.WriteLine($"Antom capture walkthrough against {endpoint} as {clientId}");
}
else
{
    Console.WriteLine("Antom capture walkthrough against the embedded simulator.");
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
        // IsRedelivery: this same final result was handled before. A U never hides the later S or F.
        if (notification is CaptureResultReceived capture && !context.IsRedelivery)
        {
            notifications.Enqueue(capture.Notification);
        }

        return Task.CompletedTask;
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
    paymentId = "202609011940108001001881234567890";
    authorized = Money.FromMajorUnits(100.00m, "BRL");
    simulator.SeedPayment(paymentId, authorized);
    endpoint = simulator.Endpoint;
    Console.WriteLine($"1. Simulator on {simulator.Endpoint}, merchant webhook on {webhookUrl}; payment {paymentId} authorised for {authorized}.");
}

try
{
    var client = new AntomClient(new HttpClient { Timeout = TimeSpan.FromSeconds(30) }, new AntomClientOptions { Endpoint = endpoint, ClientId = clientId, Signer = signer, Verifier = verifier });
    var ledger = AuthorizationLedger.Open(new AuthorizationTerms(paymentId, authorized, DateTimeOffset.UtcNow.AddMinutes(-1)) { AllowsMultipleCaptures = true });
    AuthorizationLedgerState saved = ledger.ToState(); // stands in for your database row; compare-and-swap on Version
    string run = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    // check → reserve → persist → send → record. After sending there are two outcomes: Antom's verified answer to
    // this request, or AntomOutcomeUnknownException, which keeps the amount reserved (the capture may have happened).
    async Task<CaptureResponse?> CaptureAsync(CaptureRequest request)
    {
        ledger = ledger.Reserve(request, DateTimeOffset.UtcNow);   // throws OperationRefusedException: nothing is sent
        saved = ledger.ToState();                                  // persisted before anything leaves the process
        try
        {
            CaptureResponse answer = await client.CaptureAsync(request);
            ledger = ledger.Record(request, answer);
            saved = ledger.ToState();
            return answer;
        }
        catch (AntomOutcomeUnknownException unknown)
        {
            Console.WriteLine($"   Outcome unknown ({unknown.Reason}): {request.CaptureAmount} stays reserved; retry only with {unknown.IdempotencyKey}.");
            return null;
        }
    }

    // 2. A partial capture that Antom has not decided yet.
    Money firstAmount = Money.FromMinorUnits(authorized.MinorUnits * 6 / 10, authorized.Currency.Code);
    var first = new CaptureRequest { CaptureRequestId = "walkthrough-" + run + "-1", PaymentId = paymentId, CaptureAmount = firstAmount, IsLastCapture = false };
    simulator?.Script(SimulatedOperation.Capture, OperationScript.AnswerUnknownFirst);
    CaptureResponse? response = await CaptureAsync(first);
    Console.WriteLine($"2. Reserved {firstAmount} and persisted the ledger, then sent it → resultStatus {response?.Result.ResultStatus.ToString() ?? "unknown"} ({response?.Result.ResultCode.ToString() ?? "no answer"}).");
    if (response?.Result.ResultStatus is null or ResultStatus.Unknown)
    {
        Console.WriteLine($"   Unknown is not a failure: {ledger.CapturesHeld} stays reserved, remaining {ledger.Remaining}; the same captureRequestId is the only retry.");
    }

    // 3. The signed notification, acknowledged only after the handler ran.
    if (webhook is not null)
    {
        CaptureResultNotification notified = await WaitAsync(notifications, "   waiting for notifyCapture");
        ledger = ledger.Apply(notified);
        Console.WriteLine($"3. notifyCapture received and acknowledged: {notified.CaptureRequestId} {notified.Result.ResultStatus} ({notified.Result.ResultCode}) {notified.CaptureAmount}.");
    }
    else
    {
        Console.WriteLine("3. (real Antom: notifyCapture goes to your configured notify URL, not to this program)");
    }

    // 4. inquiryPayment confirms it.
    ResolvedCapture resolved = await OperationPoller.ResolveCaptureAsync(client, first, new PollingOptions(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(2)));
    ledger = ledger.Apply(resolved.Inquiry);
    Console.WriteLine($"4. inquiryPayment: capture {resolved.Transaction.TransactionRequestId} is {resolved.Transaction.TransactionResult.ResultStatus} ({resolved.Transaction.TransactionStatus}); captured {ledger.Captured}, remaining {ledger.Remaining}.");

    // 5. The ledger refuses an over-capture before anything is sent.
    Money tooMuch = ledger.Remaining + Money.FromMinorUnits(1_000, authorized.Currency.Code);
    var over = new CaptureRequest { CaptureRequestId = "walkthrough-" + run + "-2", PaymentId = paymentId, CaptureAmount = tooMuch };
    IReadOnlyList<LedgerViolation> violations = [];
    try
    {
        await CaptureAsync(over);
    }
    catch (OperationRefusedException refused)
    {
        violations = refused.Violations;
    }

    Console.WriteLine($"5. Capture {tooMuch}? The ledger refuses to reserve it, so nothing is sent: {string.Join(", ", violations)}.");

    // 6. The rest, as the last capture.
    var rest = new CaptureRequest { CaptureRequestId = "walkthrough-" + run + "-3", PaymentId = paymentId, CaptureAmount = ledger.Remaining, IsLastCapture = true };
    CaptureResponse? second = await CaptureAsync(rest);
    Console.WriteLine($"6. Capture {rest.CaptureAmount} (last) → {second?.Result.ResultStatus.ToString() ?? "unknown"}; captured {ledger.Captured} of {ledger.Authorized}, ledger version {ledger.Version}.");

    bool ok = violations.Contains(LedgerViolation.ExceedsRemaining) && second?.Result.ResultStatus == ResultStatus.Success && ledger.Captured == authorized
              && ledger.Discrepancies.Count == 0 && AuthorizationLedger.FromState(saved).Captured == authorized;
    Console.WriteLine(ok ? "Done: every step behaved as Antom's rules say." : "Something did not go as expected.");
    return ok ? 0 : 1;
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

static async Task<T> WaitAsync<T>(ConcurrentQueue<T> queue, string what)
{
    Console.Write(what);
    for (int i = 0; i < 300; i++)
    {
        if (queue.TryDequeue(out T? item))
        {
            Console.WriteLine(" received.");
            return item;
        }

        if (i % 5 == 0)
        {
            Console.Write('.');
        }

        await Task.Delay(50);
    }

    Console.WriteLine();
    throw new TimeoutException(what.Trim() + ": nothing arrived in 15 s.");
}

static Dictionary<string, string> ParseArguments(string[] args)
{
    var result = new Dictionary<string, string>(StringComparer.Ordinal);
    for (int i = 0; i < args.Length; i++)
    {
        if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
        {
            throw new ArgumentException($"Unexpected argument '{args[i]}'. Options: --endpoint --client-id --private-key-file --antom-public-key-file --payment-id --authorized \"BRL 100.00\".");
        }

        result[args[i][2..]] = args[++i];
    }

    return result;
}

static string Required(Dictionary<string, string> options, string name)
    => options.TryGetValue(name, out string? value) ? value : throw new ArgumentException($"--{name} is required with --endpoint.");
