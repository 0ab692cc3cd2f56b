using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using Antom.Contracts.AspNetCore;
using Antom.Contracts.Http;
using Antom.Contracts.Notifications;
using Antom.Contracts.Simulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Antom.Contracts.Hosting.Tests;

/// <summary>A real web host configured only by AddAntom: its client calls the simulator, its webhook takes the simulator's notification.</summary>
public class HostTests
{
    [Fact]
    public async Task A_host_configured_by_AddAntom_captures_through_the_simulator_and_receives_its_signed_notification()
    {
        int webhookPort = FreePort();
        await using AntomSimulator simulator = await AntomSimulator.StartAsync(new AntomSimulatorOptions
        {
            ClientId = TestKeys.ClientId,
            MerchantPublicKey = TestKeys.MerchantPublicPem,
            NotifyUrl = new Uri($"http://127.0.0.1:{webhookPort}/antom/notify"),
        });
        simulator.SeedPayment("pay-1", Money.FromMajorUnits(100.00m, "BRL"));

        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{webhookPort}");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Antom:Endpoint"] = simulator.Endpoint.ToString(),
            ["Antom:ClientId"] = TestKeys.ClientId,
            ["Antom:PrivateKey"] = TestKeys.Merchant.ExportPkcs8PrivateKeyPem(),
            ["Antom:AntomPublicKeys:0"] = TestKeys.AntomNext.ExportSubjectPublicKeyInfoPem(), // the next key, not yet used
            ["Antom:AntomPublicKeys:1"] = simulator.AntomPublicKeyPem,
            ["Antom:Timeout"] = "00:00:10",
        });
        builder.Services.AddAntom(builder.Configuration.GetSection("Antom"));
        await using WebApplication app = builder.Build();
        var handled = new ConcurrentQueue<AntomNotification>();
        app.MapAntomNotifications("/antom/notify", (notification, _, _) =>
        {
            handled.Enqueue(notification);
            return Task.CompletedTask;
        });
        await app.StartAsync();

        AntomClient client = app.Services.GetRequiredService<AntomClient>();
        CaptureResponse response = await client.CaptureAsync(new CaptureRequest
        {
            CaptureRequestId = "cap-1", PaymentId = "pay-1", CaptureAmount = Money.FromMajorUnits(60.00m, "BRL"), IsLastCapture = false,
        });

        Assert.Equal(ResultStatus.Success, response.Result.ResultStatus);
        await simulator.WhenIdleAsync();
        Assert.Contains(handled, n => n is CaptureResultReceived);
        Assert.Single(simulator.Captures("pay-1"));
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
