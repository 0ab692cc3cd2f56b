using System.Security.Cryptography;
using Antom.Contracts;
using Antom.Contracts.Http;
using Antom.Contracts.Signatures;
using Antom.Contracts.Simulator;
using Shop.Payments;

// A shipped contract, read from the wire.
var capture = AntomJson.Deserialize<CaptureRequest>("""{"captureRequestId":"cap-1","paymentId":"pay-1","captureAmount":{"currency":"BRL","value":"110"},"isLastCapture":false}""");
Console.WriteLine($"shipped: CaptureRequest {capture.CaptureRequestId} {capture.CaptureAmount} last={capture.IsLastCapture}");

// The consumer's own contract, generated in its own namespace from its own schema.
var refund = new RefundRequest { RefundRequestId = "ref-1", RefundAmount = Money.FromMinorUnits(500, "JPY"), Reason = RefundReason.CustomerRequest };
string json = AntomJson.Serialize(refund);
var back = AntomJson.Deserialize<RefundRequest>(json);
Console.WriteLine($"own: RefundRequest {back.RefundRequestId} {back.RefundAmount} reason={back.Reason}");
Console.WriteLine($"own json: {json}");
if (back != refund)
{
    Console.WriteLine("round trip changed the value");
    return 1;
}

// And its rules are enforced.
try
{
    AntomJson.Deserialize<RefundRequest>("""{"refundRequestId":"ref-2","refundAmount":{"currency":"JPY","value":"5.00"}}""");
    Console.WriteLine("error: none");
    return 1;
}
catch (AntomPayloadException e)
{
    Console.WriteLine($"error: {e.Path} {e.Rule}");
}

Console.WriteLine($"status: {Describe(ResultStatus.Failure)}");

// The embedded simulator, from its package: a signed capture over loopback HTTP.
using RSA merchant = RSA.Create(2048);
await using (AntomSimulator antom = await AntomSimulator.StartAsync(new AntomSimulatorOptions { ClientId = "PKG_CLIENT", MerchantPublicKey = merchant.ExportSubjectPublicKeyInfoPem() }))
{
    antom.SeedPayment("pay-sim", Money.FromMajorUnits(10.00m, "BRL"));
    var client = new AntomClient(new HttpClient(), new AntomClientOptions
    {
        Endpoint = antom.Endpoint,
        ClientId = "PKG_CLIENT",
        Signer = AntomSigner.FromPrivateKey(merchant.ExportPkcs8PrivateKeyPem()),
        Verifier = AntomSignatureVerifier.FromPublicKey(antom.AntomPublicKeyPem),
    });
    CaptureResponse simulated = await client.CaptureAsync(new CaptureRequest { CaptureRequestId = "pkg-1", PaymentId = "pay-sim", CaptureAmount = Money.FromMajorUnits(2.50m, "BRL") });
    Console.WriteLine($"simulator: {simulated.Result.ResultStatus} {simulated.CaptureAmount}");
}

return 0;

// Deliberately incomplete: U (Unknown) falls into the failure branch. The package's analyzer must flag it (ANTOM1001).
static string Describe(ResultStatus status)
{
    switch (status)
    {
        case ResultStatus.Success:
            return "captured";
        default:
            return "not captured";
    }
}
