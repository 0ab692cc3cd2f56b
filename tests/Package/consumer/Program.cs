using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Antom.Contracts;
using Antom.Contracts.Hosting;
using Antom.Contracts.Http;
using Antom.Contracts.Ledger;
using Antom.Contracts.Notifications;
using Antom.Contracts.Signatures;
using Antom.Contracts.Simulator;
using Antom.Contracts.Storage.PostgreSql;
using Antom.Contracts.Storage.Sqlite;
using Npgsql;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Shop.Payments;

// A shipped contract, read from the wire.
var capture = AntomJson.Deserialize<CaptureRequest>("""{"captureRequestId":"cap-1","paymentId":"pay-1","captureAmount":{"currency":"BRL","value":"110"},"isLastCapture":false}""");
Console.WriteLine($"shipped: CaptureRequest {capture.CaptureRequestId} {capture.CaptureAmount} last={capture.IsLastCapture}");

// The consumer's own contract, generated in its own namespace from its own schema.
var refund = new ShopRefundRequest { RefundRequestId = "ref-1", RefundAmount = Money.FromMinorUnits(500, "JPY"), Reason = RefundReason.CustomerRequest };
string json = AntomJson.Serialize(refund);
var back = AntomJson.Deserialize<ShopRefundRequest>(json);
Console.WriteLine($"own: ShopRefundRequest {back.RefundRequestId} {back.RefundAmount} reason={back.Reason}");
Console.WriteLine($"own json: {json}");
if (back != refund)
{
    Console.WriteLine("round trip changed the value");
    return 1;
}

// And its rules are enforced.
try
{
    AntomJson.Deserialize<ShopRefundRequest>("""{"refundRequestId":"ref-2","refundAmount":{"currency":"JPY","value":"5.00"}}""");
    Console.WriteLine("error: none");
    return 1;
}
catch (AntomPayloadException e)
{
    Console.WriteLine($"error: {e.Path} {e.Rule}");
}

// A team's schema as teams write them (issue example): integer, number, minLength, untitled inline objects and enums,
// ["boolean", "null"], a string map, and a $ref to the shipped amount by its id: Exposure is the shipped Money.
int roundTripped = 0;
foreach (JsonNode? example in JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "examples", "risk-assessment.valid.json")))!.AsArray())
{
    RiskAssessment risk = AntomJson.Deserialize<RiskAssessment>(example!.ToJsonString());
    Money? exposure = risk.Exposure;
    RiskAssessment again = AntomJson.Deserialize<RiskAssessment>(AntomJson.Serialize(risk));
    if (again != risk || (exposure is { } m && m.Currency.Code != "BRL"))
    {
        Console.WriteLine("risk: round trip changed " + risk.AssessmentId);
        return 1;
    }

    roundTripped++;
}

int refused = 0;
foreach (JsonNode? example in JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "examples", "risk-assessment.invalid.json")))!.AsArray())
{
    try
    {
        AntomJson.Deserialize<RiskAssessment>(example!["json"]!.ToJsonString());
        Console.WriteLine("risk: accepted " + example["json"]!.ToJsonString());
        return 1;
    }
    catch (AntomPayloadException e) when (e.Path == (string?)example!["path"] && e.Rule.ToString() == (string?)example["rule"])
    {
        refused++;
    }
}

// Nothing invalid is written either.
try
{
    AntomJson.Serialize(new RiskAssessment { AssessmentId = "ra-w", Score = 2000, Checks = [new RiskAssessmentChecksItem { Name = "a" }] });
    Console.WriteLine("risk: wrote a score of 2000");
    return 1;
}
catch (AntomPayloadException e)
{
    Console.WriteLine($"risk: {roundTripped} valid read and written, {refused} invalid refused at their paths, write refused at {e.Path} {e.Rule}");
}

// The shipped schemas come with the package, for a team's own validators: each has its id, and every id another one
// refers to is there.
string schemaFolder = typeof(Program).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
    .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(a => a.Key == "AntomContractsSchemasDirectory").Value!;
var ids = new HashSet<string>();
var referenced = new HashSet<string>();
string[] shippedSchemas = Directory.GetFiles(schemaFolder, "*.schema.json");
foreach (string file in shippedSchemas)
{
    JsonNode root = JsonNode.Parse(File.ReadAllText(file))!;
    ids.Add((string)root["$id"]!);
    foreach (System.Text.RegularExpressions.Match r in System.Text.RegularExpressions.Regex.Matches(root.ToJsonString(), "\"\\$ref\":\"(urn:antom-contracts:[a-z-]+)"))
    {
        referenced.Add(r.Groups[1].Value);
    }
}

Console.WriteLine(referenced.IsSubsetOf(ids) && ids.Count == shippedSchemas.Length ? $"schemas: {shippedSchemas.Length} shipped, ids resolve" : "schemas: broken ids");

// A union of the team's own: read as the branch its discriminator names, wherever it sits; a switch that names every
// branch needs no discard (the package's suppressor removes CS8509, which would otherwise be an error here).
ShopEvent shopEvent = AntomJson.Deserialize<ShopEvent>("""{"amount":{"currency":"BRL","value":"990"},"type":"ORDER_PAID"}""");
string described = shopEvent switch
{
    OrderPaid paid => $"paid {paid.Amount}",
    OrderVoided voided => $"voided {voided.Status}",
};
Console.WriteLine($"union: {described} as {AntomJson.Serialize(shopEvent)}");
Console.WriteLine($"union incomplete: {DescribeEvent(new OrderVoided { Status = ResultStatus.Unknown })}");

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

    // AddAntom from the Hosting package: bound from configuration, validated, and the typed client through its pipeline.
    ServiceProvider Provider(string endpoint) => new ServiceCollection().AddAntom(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Antom:Endpoint"] = endpoint,
        ["Antom:ClientId"] = "PKG_CLIENT",
        ["Antom:PrivateKey"] = merchant.ExportPkcs8PrivateKeyPem(),
        ["Antom:AntomPublicKeys:0"] = antom.AntomPublicKeyPem,
    }).Build().GetSection("Antom")).Services.BuildServiceProvider();
    using (ServiceProvider hosted = Provider(antom.Endpoint.ToString()))
    {
        CaptureResponse viaHost = await hosted.GetRequiredService<AntomClient>().CaptureAsync(new CaptureRequest { CaptureRequestId = "pkg-2", PaymentId = "pay-sim", CaptureAmount = Money.FromMajorUnits(1.00m, "BRL") });
        Console.WriteLine($"hosting: {viaHost.Result.ResultStatus} {viaHost.CaptureAmount}");
    }

    using (ServiceProvider invalid = Provider("http://open-sea-global.alipay.com"))
    {
        try
        {
            _ = invalid.GetRequiredService<AntomClient>();
        }
        catch (OptionsValidationException e)
        {
            Console.WriteLine($"hosting invalid: {e.Failures.Single()[..44]}");
        }
    }
}

// The SQLite stores, from their package: a claim completed, and a ledger created and changed by compare-and-swap, in a file.
string sqliteFile = Path.Combine(AppContext.BaseDirectory, "stores.db");
File.Delete(sqliteFile);
string sqlite = $"Data Source={sqliteFile}";
Console.WriteLine("sqlite: " + await StoreProof(new SqliteNotificationClaimStore(sqlite), new SqliteAuthorizationLedgerStore(sqlite)));

// The PostgreSQL stores, from their package: the same against ANTOM_TEST_POSTGRES (CI sets it), in a schema of their own.
if (Environment.GetEnvironmentVariable("ANTOM_TEST_POSTGRES") is { Length: > 0 } postgres)
{
    await using NpgsqlDataSource dataSource = NpgsqlDataSource.Create(postgres);
    string schema = "antom_consumer_" + Guid.NewGuid().ToString("N");
    try
    {
        Console.WriteLine("postgresql: " + await StoreProof(new PostgreSqlNotificationClaimStore(dataSource, schema), new PostgreSqlAuthorizationLedgerStore(dataSource, schema)));
    }
    finally
    {
        await using NpgsqlCommand drop = dataSource.CreateCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE");
        await drop.ExecuteNonQueryAsync();
    }
}
else
{
    await using NpgsqlDataSource unused = NpgsqlDataSource.Create("Host=127.0.0.1");
    _ = new PostgreSqlNotificationClaimStore(unused);
    _ = new PostgreSqlAuthorizationLedgerStore(unused);
    Console.WriteLine("postgresql: constructed (ANTOM_TEST_POSTGRES not set)");
}

return 0;

// Deliberately incomplete: a voided order falls into the default arm. The package's analyzer must flag it (ANTOM1001).
static string DescribeEvent(ShopEvent e)
{
    switch (e)
    {
        case OrderPaid:
            return "paid";
        default:
            return "not paid";
    }
}

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

static async Task<string> StoreProof(INotificationClaimStore claims, IAuthorizationLedgerStore ledgers)
{
    NotificationClaim claim = await claims.ClaimAsync("TEST_CLIENT_1|CAPTURE_RESULT|pay-1|cap-1|S", TimeSpan.FromMinutes(1), default);
    await claims.CompleteAsync(claim, default);
    ClaimStatus again = (await claims.ClaimAsync(claim.Key, TimeSpan.FromMinutes(1), default)).Status;
    DateTimeOffset now = DateTimeOffset.UtcNow;
    bool created = await ledgers.TryCreateAsync(AuthorizationLedger.Open(new AuthorizationTerms("pay-1", Money.FromMinorUnits(10_000, "BRL"), now)));
    AuthorizationLedger ledger = await ledgers.UpdateAsync("pay-1", l => l.Reserve(new CaptureRequest { CaptureRequestId = "cap-1", PaymentId = "pay-1", CaptureAmount = Money.FromMinorUnits(6_000, "BRL") }, now));
    return $"{claim.Status} then {again}, ledger created={created}, {ledger.CapturesHeld} held at version {ledger.Version}";
}
