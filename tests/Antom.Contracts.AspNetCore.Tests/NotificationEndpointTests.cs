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

    [Theory]
    [InlineData("/shop", "", "/shop/antom/notify")]
    [InlineData("", "/hooks", "/hooks/antom/notify")]
    [InlineData("/shop", "/hooks", "/shop/hooks/antom/notify")]
    public async Task Under_a_path_base_or_a_route_group_the_signature_is_verified_over_the_path_Antom_called(string pathBase, string group, string calledPath)
    {
        int handled = 0;
        await using WebApplication app = await Start(
            (_, _, _) =>
            {
                Interlocked.Increment(ref handled);
                return Task.CompletedTask;
            },
            pathBase: pathBase,
            group: group);

        using HttpResponseMessage response = await Post(app, Body, Sign(Body, calledPath), calledPath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, handled);
        using HttpResponseMessage signedForPattern = await Post(app, Body, Sign(Body, Path), calledPath);
        Assert.Equal(HttpStatusCode.Unauthorized, signedForPattern.StatusCode); // the pattern alone is not what Antom signed
    }

    [Fact]
    public async Task Without_a_signature_header_the_answer_is_401_before_the_body_is_read()
    {
        bool called = false;
        await using WebApplication app = await Start((_, _, _) =>
        {
            called = true;
            return Task.CompletedTask;
        });
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

        // Headers announcing a megabyte, and not one byte of body: an endpoint that read the body first would hang here.
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port);
        using System.Net.Sockets.NetworkStream stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"POST {Path} HTTP/1.1\r\nHost: {address.Authority}\r\nclient-id: TEST_CLIENT_1\r\nContent-Type: application/json\r\nContent-Length: 1000000\r\n\r\n"));
        byte[] buffer = new byte[256];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        int read = await stream.ReadAsync(buffer, timeout.Token);

        Assert.StartsWith("HTTP/1.1 401", Encoding.ASCII.GetString(buffer, 0, read), StringComparison.Ordinal);
        Assert.False(called);
    }

    [Fact]
    public async Task Another_client_id_is_401_and_the_same_result_being_handled_is_409()
    {
        var inside = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        await using WebApplication app = await Start(async (_, _, _) =>
        {
            inside.TrySetResult();
            await release.Task;
        });

        using HttpResponseMessage other = await Post(app, Body, Sign(Body, Path, "OTHER_CLIENT"), clientId: "OTHER_CLIENT");
        Assert.Equal(HttpStatusCode.Unauthorized, other.StatusCode);

        Task<HttpResponseMessage> first = Post(app, Body, Sign(Body));
        await inside.Task;
        using HttpResponseMessage second = await Post(app, Body, Sign(Body));
        release.SetResult();
        using HttpResponseMessage firstResponse = await first;

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, firstResponse.StatusCode);
    }

    [Theory]
    [InlineData("antom/notify")]
    [InlineData("/antom/{tenant}/notify")]
    [InlineData("/antom/{**rest}")]
    public void A_pattern_that_is_not_a_literal_path_is_refused_when_mapping(string pattern)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddSingleton(AntomSignatureVerifier.FromPublicKey(File.ReadAllText(System.IO.Path.Combine(Keys, "test-public-key.pem"))));
        WebApplication app = builder.Build();
        ArgumentException e = Assert.Throws<ArgumentException>(() => app.MapAntomNotifications(pattern, Options, (_, _, _) => Task.CompletedTask));
        Assert.Equal("pattern", e.ParamName);
    }

    [Fact]
    public void Mapping_without_receiver_options_fails_at_startup_and_says_what_to_register()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddSingleton(AntomSignatureVerifier.FromPublicKey(File.ReadAllText(System.IO.Path.Combine(Keys, "test-public-key.pem"))));
        WebApplication app = builder.Build();
        InvalidOperationException e = Assert.Throws<InvalidOperationException>(() => app.MapAntomNotifications(Path, (_, _, _) => Task.CompletedTask));
        Assert.Contains("AntomNotificationReceiverOptions", e.Message, StringComparison.Ordinal);
    }

    private static readonly AntomNotificationReceiverOptions Options = new() { ClientIds = ["TEST_CLIENT_1"] };

    private static (string Time, string Signature) Sign(byte[] body, string path = Path, string clientId = "TEST_CLIENT_1")
    {
        using AntomSigner antom = AntomSigner.FromPrivateKey(File.ReadAllText(System.IO.Path.Combine(Keys, "test-private-key.pem")));
        return ("1700000000000", antom.CreateSignatureHeader("POST", path, clientId, "1700000000000", body));
    }

    private static async Task<HttpResponseMessage> Post(WebApplication app, byte[] body, (string Time, string Signature) signed, string path = Path, string clientId = "TEST_CLIENT_1")
    {
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address) };
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Headers.Add("client-id", clientId);
        request.Headers.Add("request-time", signed.Time);
        request.Headers.TryAddWithoutValidation("signature", signed.Signature);
        return await client.SendAsync(request);
    }

    private static async Task<WebApplication> Start(Func<AntomNotification, NotificationContext, CancellationToken, Task> handler, string pathBase = "", string group = "")
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(AntomSignatureVerifier.FromPublicKey(File.ReadAllText(System.IO.Path.Combine(Keys, "test-public-key.pem"))));
        builder.Services.AddSingleton(Options);
        WebApplication app = builder.Build();
        if (pathBase.Length > 0)
        {
            app.UsePathBase(pathBase);
        }

        if (group.Length > 0)
        {
            app.MapGroup(group).MapAntomNotifications(Path, handler);
        }
        else
        {
            app.MapAntomNotifications(Path, handler);
        }

        await app.StartAsync();
        return app;
    }
}
