using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Threading.Tasks;
using Antom.Contracts.AspNetCore;
using Antom.Contracts.Hosting;
using Antom.Contracts.Http;
using Antom.Contracts.Ledger;
using Antom.Contracts.Notifications;
using Antom.Contracts.Signatures;
using Antom.Contracts.Simulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Antom.Contracts.Storage.PostgreSql.Tests;

/// <summary>
/// Two instances of a merchant's application behind a load balancer: two ASP.NET Core apps configured only by
/// <c>AddAntom(...).UsePostgreSqlStores(...)</c>, sharing one real PostgreSQL database. The same signed notification
/// delivered to both at once is handled once as a first delivery, a U never hides the later S, and captures sent from
/// both against one authorisation never reserve more than was authorised.
/// </summary>
public sealed class TwoInstancesTests : IAsyncLifetime, IDisposable
{
    private const string ClientId = "TWO_INSTANCES";
    private const string NotifyPath = "/antom/notify";
    private static readonly RSA MerchantKey = RSA.Create(2048);
    private static readonly RSA AntomKey = RSA.Create(2048);
    private readonly PostgreSqlSchema _schema = new();
    private readonly ConcurrentQueue<(string Instance, AntomNotification Notification, NotificationContext Context)> _handled = new();
    private readonly HttpClient _http = new();
    private AntomSimulator _simulator = null!;
    private WebApplication _a = null!;
    private WebApplication _b = null!;

    public async Task InitializeAsync()
    {
        _simulator = await AntomSimulator.StartAsync(new AntomSimulatorOptions
        {
            ClientId = ClientId,
            MerchantPublicKey = MerchantKey.ExportSubjectPublicKeyInfoPem(),
            AntomPrivateKey = AntomKey.ExportPkcs8PrivateKeyPem(),
        });
        _a = await StartInstanceAsync("A");
        _b = await StartInstanceAsync("B");
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        await _simulator.DisposeAsync();
    }

    public void Dispose()
    {
        _http.Dispose();
        _schema.Dispose();
    }

    [Fact]
    public async Task The_same_signed_notification_delivered_to_both_instances_at_once_is_handled_once_as_a_first_delivery()
    {
        byte[] final = Notification("cap-1", ResultStatus.Success);

        await DeliverUntilAcknowledgedAsync(final, copiesPerInstance: 4);

        Assert.Single(_handled, h => !h.Context.IsRedelivery);
        Assert.All(_handled.Where(h => h.Context.IsRedelivery), h => Assert.Equal("cap-1", ((CaptureResultReceived)h.Notification).Notification.CaptureRequestId));
    }

    [Fact]
    public async Task A_U_then_an_S_delivered_to_both_instances_is_one_handler_run_for_each_result_and_the_U_never_hides_the_S()
    {
        await DeliverUntilAcknowledgedAsync(Notification("cap-2", ResultStatus.Unknown), copiesPerInstance: 3);
        await DeliverUntilAcknowledgedAsync(Notification("cap-2", ResultStatus.Success), copiesPerInstance: 3);

        var first = _handled.Where(h => !h.Context.IsRedelivery).Select(h => ((CaptureResultReceived)h.Notification).Notification.Result.ResultStatus).ToArray();
        Assert.Equal(2, first.Length);
        Assert.Single(first, s => s == ResultStatus.Unknown);
        Assert.Single(first, s => s == ResultStatus.Success);
    }

    [Fact]
    public async Task Captures_sent_from_both_instances_against_one_authorisation_never_reserve_more_than_was_authorised()
    {
        Money authorized = Money.FromMajorUnits(100.00m, "BRL");
        _simulator.SeedPayment("pay-two", authorized);
        IAuthorizationLedgerStore storeA = _a.Services.GetRequiredService<IAuthorizationLedgerStore>();
        Assert.True(await storeA.TryCreateAsync(AuthorizationLedger.Open(new AuthorizationTerms("pay-two", authorized, DateTimeOffset.UtcNow.AddMinutes(-1)) { AllowsMultipleCaptures = true })));

        // Each instance tries 8 captures of 15.00 at once: 16 × 15.00 = 240.00 asked against 100.00 authorised.
        Task<bool>[] attempts = Enumerable.Range(0, 16).Select(i => CaptureThroughAsync(i % 2 == 0 ? _a : _b, "pay-two", "cap-two-" + i, Money.FromMajorUnits(15.00m, "BRL"))).ToArray();
        bool[] sent = await Task.WhenAll(attempts);

        Assert.Equal(6, sent.Count(s => s)); // 6 × 15.00 = 90.00 fits; a seventh would be 105.00
        AuthorizationLedger ledger = (await _b.Services.GetRequiredService<IAuthorizationLedgerStore>().LoadAsync("pay-two"))!;
        Assert.Equal(Money.FromMajorUnits(90.00m, "BRL"), ledger.Captured);
        Assert.Equal(Money.Zero(authorized.Currency), ledger.CapturesHeld);
        Assert.Empty(ledger.Discrepancies);
        Assert.Equal(6, _simulator.Captures("pay-two").Count);
        Assert.Equal(ledger.Captured.MinorUnits, _simulator.Captures("pay-two").Sum(c => c.Amount.MinorUnits));
    }

    // check → reserve (compare-and-swap in the shared database) → send → record, from one instance.
    private static async Task<bool> CaptureThroughAsync(WebApplication instance, string paymentId, string id, Money amount)
    {
        IAuthorizationLedgerStore store = instance.Services.GetRequiredService<IAuthorizationLedgerStore>();
        var request = new CaptureRequest { CaptureRequestId = id, PaymentId = paymentId, CaptureAmount = amount };
        try
        {
            await store.UpdateAsync(paymentId, l => l.Reserve(request, DateTimeOffset.UtcNow));
        }
        catch (OperationRefusedException refused)
        {
            Assert.Contains(LedgerViolation.ExceedsRemaining, refused.Violations);
            return false;
        }

        CaptureResponse answer = await instance.Services.GetRequiredService<AntomClient>().CaptureAsync(request);
        await store.UpdateAsync(paymentId, l => l.Record(request, answer));
        return true;
    }

    // Posts copies of one signed notification to both instances at once, then again for every copy not acknowledged
    // (409 while another instance handles it), as Antom re-sends, until every copy has its acknowledgement.
    private async Task DeliverUntilAcknowledgedAsync(byte[] body, int copiesPerInstance)
    {
        WebApplication[] targets = Enumerable.Repeat(_a, copiesPerInstance).Concat(Enumerable.Repeat(_b, copiesPerInstance)).ToArray();
        for (int round = 0; round < 50 && targets.Length > 0; round++)
        {
            HttpStatusCode[] codes = await Task.WhenAll(targets.Select(t => PostAsync(t, body)));
            Assert.All(codes, c => Assert.Contains(c, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
            targets = targets.Where((_, i) => codes[i] != HttpStatusCode.OK).ToArray();
            await Task.Delay(20);
        }

        Assert.Empty(targets);
    }

    private async Task<HttpStatusCode> PostAsync(WebApplication instance, byte[] body)
    {
        var url = new Uri(new Uri(instance.Urls.First()), NotifyPath);
        string time = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        using var signer = AntomSigner.FromPrivateKey(AntomKey.ExportPkcs8PrivateKeyPem());
        using var message = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        message.Headers.TryAddWithoutValidation("client-id", ClientId);
        message.Headers.TryAddWithoutValidation("request-time", time);
        message.Headers.TryAddWithoutValidation("signature", signer.CreateSignatureHeader("POST", NotifyPath, ClientId, time, body));
        using HttpResponseMessage response = await _http.SendAsync(message);
        return response.StatusCode;
    }

    private static byte[] Notification(string captureRequestId, ResultStatus status) => AntomJson.SerializeToUtf8Bytes(new CaptureResultNotification
    {
        Result = new AntomResult { ResultCode = status == ResultStatus.Success ? ResultCode.Success : ResultCode.CaptureInProcess, ResultStatus = status, ResultMessage = "m" },
        CaptureRequestId = captureRequestId,
        PaymentId = "pay-notified",
        CaptureId = "id-" + captureRequestId,
        CaptureAmount = Money.FromMajorUnits(60.00m, "BRL"),
        CaptureTime = DateTimeOffset.UtcNow,
    });

    private async Task<WebApplication> StartInstanceAsync(string name)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{FreePort()}");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Antom:Endpoint"] = _simulator.Endpoint.ToString(),
            ["Antom:ClientId"] = ClientId,
            ["Antom:PrivateKey"] = MerchantKey.ExportPkcs8PrivateKeyPem(),
            ["Antom:AntomPublicKeys:0"] = _simulator.AntomPublicKeyPem,
        });
        builder.Services.AddAntom(builder.Configuration.GetSection("Antom")).UsePostgreSqlStores(_schema.ConnectionString, _schema.Name);
        WebApplication app = builder.Build();
        app.MapAntomNotifications(NotifyPath, async (notification, context, ct) =>
        {
            await Task.Delay(50, ct); // a handler that takes time, so deliveries to both instances really overlap
            _handled.Enqueue((name, notification, context));
        });
        await app.StartAsync();
        return app;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
