using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Antom.Contracts.AspNetCore;
using Antom.Contracts.Notifications;
using Antom.Contracts.Signatures;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Antom.Contracts.AspNetCore.Tests;

public sealed class NotificationEndpointTests
{
    private const string Path = "/antom/notify";
    private static readonly string Keys = System.IO.Path.Combine(AppContext.BaseDirectory, "keys");
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"notifyType":"CAPTURE_RESULT","result":{"resultCode":"SUCCESS","resultStatus":"S","resultMessage":"success"},"captureRequestId":"cap-1","paymentId":"pay-1","captureId":"c-1","captureAmount":{"currency":"BRL","value":"110"}}""");

    [Fact]
    public async Task A_signed_notification_is_handled_and_acknowledged_with_the_exact_bytes()
    {
        int handled = 0;
        await using WebApplication app = await Start((n, c, ct) =>
        {
            Assert.Equal("c-1", ((CaptureResultReceived)n).Notification.CaptureId);
            Interlocked.Increment(ref handled);
            return Task.CompletedTask;
        });

        using HttpResponseMessage response = await Post(app, Body, Sign(Body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{\"result\":{\"resultCode\":\"SUCCESS\",\"resultStatus\":\"S\",\"resultMessage\":\"success\"}}", await response.Content.ReadAsStringAsync());
        Assert.Equal(1, handled);
    }

    [Fact]
    public async Task A_bad_signature_is_401_and_never_reaches_the_handler()
    {
        bool called = false;
        await using WebApplication app = await Start((_, _, _) =>
        {
            called = true;
            return Task.CompletedTask;
        });
        byte[] tampered = (byte[])Body.Clone();
        tampered[^4] = (byte)'9';

        using HttpResponseMessage response = await Post(app, tampered, Sign(Body));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.False(called);
    }

    [Fact]
    public async Task A_failing_handler_is_500_without_acknowledgement_and_the_resend_is_acknowledged()
    {
        int attempts = 0;
        await using WebApplication app = await Start((_, _, _) => Interlocked.Increment(ref attempts) == 1 ? throw new InvalidOperationException("db down") : Task.CompletedTask);

        using HttpResponseMessage first = await Post(app, Body, Sign(Body));
        using HttpResponseMessage second = await Post(app, Body, Sign(Body));

        Assert.Equal(HttpStatusCode.InternalServerError, first.StatusCode);
        Assert.Empty(await first.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(2, attempts);
    }

    [Fact]
    public async Task A_signed_invalid_payload_is_400()
    {
        byte[] body = Encoding.UTF8.GetBytes("""{"notifyType":"CAPTURE_RESULT"}""");
        await using WebApplication app = await Start((_, _, _) => Task.CompletedTask);
        using HttpResponseMessage response = await Post(app, body, Sign(body));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static (string Time, string Signature) Sign(byte[] body)
    {
        using AntomSigner antom = AntomSigner.FromPrivateKey(File.ReadAllText(System.IO.Path.Combine(Keys, "test-private-key.pem")));
        return ("1700000000000", antom.CreateSignatureHeader("POST", Path, "TEST_CLIENT_1", "1700000000000", body));
    }

    private static async Task<HttpResponseMessage> Post(WebApplication app, byte[] body, (string Time, string Signature) signed)
    {
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address) };
        using var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = new ByteArrayContent(body) };
        request.Headers.Add("client-id", "TEST_CLIENT_1");
        request.Headers.Add("request-time", signed.Time);
        request.Headers.TryAddWithoutValidation("signature", signed.Signature);
        return await client.SendAsync(request);
    }

    private static async Task<WebApplication> Start(Func<AntomNotification, NotificationContext, CancellationToken, Task> handler)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(AntomSignatureVerifier.FromPublicKey(File.ReadAllText(System.IO.Path.Combine(Keys, "test-public-key.pem"))));
        WebApplication app = builder.Build();
        app.MapAntomNotifications(Path, handler);
        await app.StartAsync();
        return app;
    }
}
