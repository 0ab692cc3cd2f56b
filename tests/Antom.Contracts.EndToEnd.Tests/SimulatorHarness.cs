using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Antom.Contracts.AspNetCore;
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

namespace Antom.Contracts.EndToEnd.Tests;

/// <summary>
/// The simulator, the merchant's webhook (MapAntomNotifications, recording every handled notification) and real
/// <see cref="AntomClient"/>s, all over loopback HTTP and sharing one clock.
/// </summary>
internal sealed class SimulatorHarness : IAsyncDisposable
{
    public const string ClientId = "LIFECYCLE_CLIENT";
    private const string NotifyPath = "/antom/notify";

    // Generated once: RSA key generation is the slowest part of starting a harness.
    private static readonly RSA MerchantKey = RSA.Create(2048);
    private static readonly RSA AntomKey = RSA.Create(2048);

    private readonly WebApplication _webhook;

    private SimulatorHarness(WebApplication webhook, AntomSimulator simulator, TimeProvider time)
    {
        _webhook = webhook;
        Simulator = simulator;
        Time = time;
    }

    public AntomSimulator Simulator { get; }

    public TimeProvider Time { get; }

    /// <summary>Every notification the merchant's handler ran for, with whether the receiver saw it as a re-delivery.</summary>
    public ConcurrentQueue<(AntomNotification Notification, NotificationContext Context)> Handled { get; } = new();

    public static async Task<SimulatorHarness> StartAsync(TimeProvider? time = null, TimeSpan? unknownResolvesAfter = null)
    {
        time ??= TimeProvider.System;
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(AntomSignatureVerifier.FromPublicKey(AntomKey.ExportSubjectPublicKeyInfoPem()));
        WebApplication webhook = builder.Build();
        SimulatorHarness? harness = null;
        webhook.MapAntomNotifications(NotifyPath, new AntomNotificationReceiverOptions { ClientIds = [ClientId], Time = time }, async (notification, context, ct) =>
        {
            await Task.Delay(30, ct); // a handler that takes time, so concurrent deliveries really overlap
            harness!.Handled.Enqueue((notification, context));
        });
        await webhook.StartAsync();
        string address = webhook.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        AntomSimulator simulator = await AntomSimulator.StartAsync(new AntomSimulatorOptions
        {
            ClientId = ClientId,
            MerchantPublicKey = MerchantKey.ExportSubjectPublicKeyInfoPem(),
            AntomPrivateKey = AntomKey.ExportPkcs8PrivateKeyPem(),
            NotifyUrl = new Uri(new Uri(address), NotifyPath),
            UnknownResolvesAfter = unknownResolvesAfter ?? TimeSpan.FromMilliseconds(200),
            Time = time,
        });
        harness = new SimulatorHarness(webhook, simulator, time);
        return harness;
    }

    public AntomClient Client(TimeSpan? timeout = null)
        => new(new HttpClient { Timeout = Timeout.InfiniteTimeSpan }, new AntomClientOptions
        {
            Endpoint = Simulator.Endpoint,
            ClientId = ClientId,
            Signer = AntomSigner.FromPrivateKey(MerchantKey.ExportPkcs8PrivateKeyPem()),
            Verifier = AntomSignatureVerifier.FromPublicKey(AntomKey.ExportSubjectPublicKeyInfoPem()),
            Timeout = timeout ?? TimeSpan.FromSeconds(30),
            Time = Time,
        });

    /// <summary>A card authorisation with manual capture, as the Java SDK's card demo sends it.</summary>
    public static PayRequest Pay(string paymentRequestId, Money amount) => AntomJson.Deserialize<PayRequest>("""
        {"productCode":"CASHIER_PAYMENT","paymentRequestId":"x",
         "paymentAmount":{"value":"1","currency":"BRL"},
         "paymentMethod":{"paymentMethodType":"CARD","paymentMethodMetaData":{"cardNo":"4111111111111111","cvv":"712","expiryMonth":"06","expiryYear":"28"}},
         "order":{"referenceOrderId":"order-1","orderDescription":"simulator order","orderAmount":{"value":"1","currency":"BRL"}},
         "env":{"terminalType":"WEB","clientIp":"127.0.0.1"},
         "paymentFactor":{"isAuthorization":true,"captureMode":"MANUAL"},
         "paymentRedirectUrl":"https://merchant.example/return"}
        """) with { PaymentRequestId = paymentRequestId, PaymentAmount = amount };

    /// <summary>The notifications of <typeparamref name="T"/> the handler ran for.</summary>
    public (T Notification, NotificationContext Context)[] Received<T>()
        where T : AntomNotification
        => Handled.Where(h => h.Notification is T).Select(h => ((T)h.Notification, h.Context)).ToArray();

    public async ValueTask DisposeAsync()
    {
        await Simulator.DisposeAsync();
        await _webhook.DisposeAsync();
    }
}
