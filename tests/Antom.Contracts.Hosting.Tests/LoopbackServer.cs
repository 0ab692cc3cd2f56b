using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Antom.Contracts.Hosting.Tests;

/// <summary>A Kestrel server on 127.0.0.1 that counts every request that reached it and answers with <c>behaviour</c>.</summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _hits;

    private LoopbackServer(WebApplication app) => _app = app;

    public Uri Endpoint { get; private set; } = null!;

    public int Hits => Volatile.Read(ref _hits);

    public static async Task<LoopbackServer> StartAsync(RequestDelegate behaviour)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        WebApplication app = builder.Build();
        var server = new LoopbackServer(app);
        app.Run(async context =>
        {
            Interlocked.Increment(ref server._hits);
            await behaviour(context);
        });
        await app.StartAsync();
        server.Endpoint = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return server;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
