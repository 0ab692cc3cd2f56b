using System;
using System.Linq;
using System.Threading.Tasks;
using Antom.Contracts.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Xunit;

namespace Antom.Contracts.Hosting.Tests;

public class ValidationTests
{
    public static TheoryData<string, string?, string> Cases => new()
    {
        // key, value (null removes it), the message expected
        { "Endpoint", null, "Antom:Endpoint must be an absolute https URI" },
        { "Endpoint", "open-sea-global.alipay.com", "Antom:Endpoint must be an absolute https URI" },
        { "Endpoint", "http://open-sea-global.alipay.com", "Antom:Endpoint must be an absolute https URI" },
        { "Endpoint", "https://open-sea-global.alipay.com/ams/api", "Antom:Endpoint must be an absolute https URI, scheme and host only" },
        { "ClientId", " ", "Antom:ClientId is required" },
        { "PrivateKey", null, "Set exactly one of Antom:PrivateKey and Antom:PrivateKeyFile" },
        { "PrivateKeyFile", "/tmp/also-a-key.pem", "Set exactly one of Antom:PrivateKey and Antom:PrivateKeyFile" },
        { "PrivateKey", "bm90IGEga2V5", "Antom:PrivateKey is not usable: The key is neither base64 PKCS#8 nor" },
        { "PrivateKey", TestKeys.AntomPublicSpki, "Antom:PrivateKey is not usable: This is a public key" },
        { "AntomPublicKeys:0", null, "Antom:AntomPublicKeys must list at least one of Antom's public keys" },
        { "AntomPublicKeys:1", "bm90IGEga2V5", "Antom:AntomPublicKeys:1 is not usable" },
        { "AntomPublicKeys:0", TestKeys.MerchantPrivatePkcs8, "Antom:AntomPublicKeys:0 is not usable: This is a private key" },
        { "Timeout", "00:00:00", "Antom:Timeout must be positive" },
        { "Timeout", "thirty seconds", "Antom:Timeout 'thirty seconds' is not a valid time span" },
        { "MaxResponseBytes", "0", "Antom:MaxResponseBytes must be between 1 and" },
        { "MaxResponseBytes", "1MB", "Antom:MaxResponseBytes '1MB' is not a valid whole number" },
        { "ConnectRetries", "6", "Antom:ConnectRetries must be between 0 and 5" },
        { "Notifications:ClientIds:0", " ", "Antom:Notifications:ClientIds:0 is blank" },
        { "Notifications:MaxRequestAge", "-00:01:00", "Antom:Notifications:MaxRequestAge must be positive and at most 30 days" },
        { "Notifications:MaxRequestAge", "soon", "Antom:Notifications:MaxRequestAge 'soon' is not a valid time span" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_bad_setting_is_named_in_the_failure(string key, string? value, string expected)
    {
        using ServiceProvider services = BindingTests.Services(TestKeys.Section(changes: (key, value)));
        OptionsValidationException e = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<AntomClient>());
        string failure = Assert.Single(e.Failures);
        Assert.StartsWith(expected, failure, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter '", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_file_that_cannot_be_read_is_named()
    {
        using ServiceProvider services = BindingTests.Services(TestKeys.Section(changes: [("PrivateKey", null), ("PrivateKeyFile", "/nonexistent/antom.pem")]));
        OptionsValidationException e = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<AntomOptions>>().Value);
        Assert.StartsWith("Antom:PrivateKeyFile cannot be read", Assert.Single(e.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void Several_failures_are_reported_together_and_never_show_a_key()
    {
        using ServiceProvider services = BindingTests.Services(TestKeys.Section("ftp://x", ("ClientId", null), ("AntomPublicKeys:0", TestKeys.MerchantPrivatePkcs8)));
        OptionsValidationException e = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<AntomOptions>>().Value);
        Assert.Equal(3, e.Failures.Count());
        Assert.DoesNotContain(TestKeys.MerchantPrivatePkcs8[..40], e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_section_under_another_path_is_named_by_that_path()
    {
        IConfigurationSection section = new ConfigurationBuilder().AddInMemoryCollection([new("Payments:Antom:ClientId", "x")]).Build().GetSection("Payments:Antom");
        using ServiceProvider services = BindingTests.Services(section);
        OptionsValidationException e = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<AntomOptions>>().Value);
        Assert.Contains(e.Failures, f => f.StartsWith("Payments:Antom:Endpoint must", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_host_with_a_bad_section_fails_to_start()
    {
        HostApplicationBuilder builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddAntom(TestKeys.Section("http://open-sea-global.alipay.com"));
        using IHost host = builder.Build();
        OptionsValidationException e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.StartsWith("Antom:Endpoint must be an absolute https URI", Assert.Single(e.Failures), StringComparison.Ordinal);
    }
}
