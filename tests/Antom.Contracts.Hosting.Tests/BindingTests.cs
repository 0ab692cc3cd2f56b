using System;
using System.IO;
using System.Text;
using Antom.Contracts.Http;
using Antom.Contracts.Ledger;
using Antom.Contracts.Notifications;
using Antom.Contracts.Signatures;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace Antom.Contracts.Hosting.Tests;

public class BindingTests
{
    [Fact]
    public void Every_documented_key_binds_from_json()
    {
        string json = $$"""
            {"Antom": {"Endpoint": "https://open-sea-global.alipay.com", "ClientId": "SANDBOX_1",
              "PrivateKey": "{{TestKeys.MerchantPrivatePkcs8}}",
              "AntomPublicKeys": ["{{TestKeys.AntomPublicSpki}}", {{System.Text.Json.JsonSerializer.Serialize(TestKeys.AntomNext.ExportSubjectPublicKeyInfoPem())}}],
              "Timeout": "00:00:07", "MaxResponseBytes": 4096, "ConnectRetries": 1,
              "Notifications": {"ClientIds": ["SANDBOX_1", "SANDBOX_2"], "MaxRequestAge": "1.01:00:00"} } }
            """;
        IConfiguration configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        using ServiceProvider services = Services(configuration.GetSection("Antom"));

        AntomOptions options = services.GetRequiredService<IOptions<AntomOptions>>().Value;
        Assert.Equal("https://open-sea-global.alipay.com", options.Endpoint);
        Assert.Equal("SANDBOX_1", options.ClientId);
        Assert.Equal(2, options.AntomPublicKeys.Count);
        Assert.Equal(TimeSpan.FromSeconds(7), options.Timeout);
        Assert.Equal(4096, options.MaxResponseBytes);
        Assert.Equal(1, options.ConnectRetries);
        Assert.Equal(["SANDBOX_1", "SANDBOX_2"], options.Notifications.ClientIds);
        Assert.Equal(TimeSpan.FromHours(25), options.Notifications.MaxRequestAge);

        AntomClientOptions client = services.GetRequiredService<AntomClientOptions>();
        Assert.Equal(new Uri("https://open-sea-global.alipay.com"), client.Endpoint);
        Assert.Equal(TimeSpan.FromSeconds(7), client.Timeout);
        Assert.Equal(4096, client.MaxResponseBytes);
        AntomNotificationReceiverOptions receiver = services.GetRequiredService<AntomNotificationReceiverOptions>();
        Assert.Equal(["SANDBOX_1", "SANDBOX_2"], receiver.ClientIds);
        Assert.Equal(TimeSpan.FromHours(25), receiver.MaxRequestAge);
    }

    [Fact]
    public void Defaults_fill_what_is_not_set_and_notifications_accept_the_client_id()
    {
        using ServiceProvider services = Services(TestKeys.Section(changes: ("Notifications:MaxRequestAge", "")));
        AntomOptions options = services.GetRequiredService<IOptions<AntomOptions>>().Value;
        Assert.Equal(TimeSpan.FromSeconds(30), options.Timeout);
        Assert.Equal(AntomClientOptions.DefaultMaxResponseBytes, options.MaxResponseBytes);
        Assert.Equal(2, options.ConnectRetries);
        Assert.Null(options.Notifications.MaxRequestAge);
        Assert.Equal([TestKeys.ClientId], services.GetRequiredService<AntomNotificationReceiverOptions>().ClientIds);
        Assert.IsType<InMemoryNotificationClaimStore>(services.GetRequiredService<INotificationClaimStore>());
        Assert.IsType<InMemoryAuthorizationLedgerStore>(services.GetRequiredService<IAuthorizationLedgerStore>());
        Assert.NotNull(services.GetRequiredService<AntomClient>());
    }

    [Fact]
    public void The_private_key_can_come_from_a_file()
    {
        string file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, TestKeys.Merchant.ExportPkcs8PrivateKeyPem());
            using ServiceProvider services = Services(TestKeys.Section(changes: [("PrivateKey", null), ("PrivateKeyFile", file)]));
            AntomSigner signer = services.GetRequiredService<AntomSigner>();
            Assert.NotEmpty(signer.Sign("POST", "/ams/api/v1/payments/capture", TestKeys.ClientId, "1", "{}"u8));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_store_registered_later_replaces_the_in_memory_default()
    {
        var services = new ServiceCollection();
        AntomBuilder builder = services.AddAntom(TestKeys.Section());
        var mine = new InMemoryAuthorizationLedgerStore();
        builder.Services.AddSingleton<IAuthorizationLedgerStore>(mine);
        using ServiceProvider provider = services.BuildServiceProvider();
        Assert.Same(mine, provider.GetRequiredService<IAuthorizationLedgerStore>());
        Assert.Single(provider.GetServices<IValidateOptions<AntomOptions>>(), v => v.GetType().Name == "AntomOptionsValidator");
    }

    internal static ServiceProvider Services(IConfigurationSection section)
    {
        var services = new ServiceCollection();
        services.AddAntom(section);
        return services.BuildServiceProvider();
    }
}
