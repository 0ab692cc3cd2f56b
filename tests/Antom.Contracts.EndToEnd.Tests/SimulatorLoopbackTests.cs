using System;
using System.Net;
using System.Security.Cryptography;
using System.Threading.Tasks;
using Antom.Contracts.Simulator;
using Xunit;

namespace Antom.Contracts.EndToEnd.Tests;

[CollectionDefinition(nameof(ProcessEnvironment), DisableParallelization = true)]
public sealed class ProcessEnvironment
{
}

/// <summary>The simulator is a test tool: whatever the environment says, it must never listen beyond loopback.</summary>
[Collection(nameof(ProcessEnvironment))]
public sealed class SimulatorLoopbackTests
{
    [Theory]
    [InlineData("Kestrel__Endpoints__Everywhere__Url", "http://0.0.0.0:0")]
    [InlineData("ASPNETCORE_URLS", "http://0.0.0.0:0")]
    [InlineData("URLS", "http://*:0")]
    [InlineData("ASPNETCORE_HTTP_PORTS", "0")]
    public async Task The_environment_cannot_make_the_simulator_listen_on_every_interface(string variable, string value)
    {
        string? before = Environment.GetEnvironmentVariable(variable);
        Environment.SetEnvironmentVariable(variable, value);
        try
        {
            using RSA merchant = RSA.Create(2048);
            await using AntomSimulator simulator = await AntomSimulator.StartAsync(new AntomSimulatorOptions
            {
                ClientId = "LOOPBACK",
                MerchantPublicKey = merchant.ExportSubjectPublicKeyInfoPem(),
            });

            Assert.NotEmpty(simulator.ListenAddresses);
            Assert.All(simulator.ListenAddresses, address => Assert.True(IPAddress.IsLoopback(IPAddress.Parse(address.Host.Trim('[', ']'))), $"listens on {address}"));
            Assert.True(IPAddress.IsLoopback(IPAddress.Parse(simulator.Endpoint.Host)));
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, before);
        }
    }
}
