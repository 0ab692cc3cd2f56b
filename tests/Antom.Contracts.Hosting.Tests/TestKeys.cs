using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;

namespace Antom.Contracts.Hosting.Tests;

/// <summary>Keys made once (making one is the slowest part of a test) and a valid configuration to vary.</summary>
internal static class TestKeys
{
    public const string ClientId = "HOSTING_CLIENT";

    public static readonly RSA Merchant = RSA.Create(2048);
    public static readonly RSA Antom = RSA.Create(2048);
    public static readonly RSA AntomNext = RSA.Create(2048);

    public static string MerchantPrivatePkcs8 => Convert.ToBase64String(Merchant.ExportPkcs8PrivateKey());

    public static string MerchantPublicPem => Merchant.ExportSubjectPublicKeyInfoPem();

    public static string AntomPublicSpki => Convert.ToBase64String(Antom.ExportSubjectPublicKeyInfo());

    /// <summary>A valid section, changed by <paramref name="changes"/> (a null value removes the key).</summary>
    public static IConfigurationSection Section(string endpoint = "https://open-sea-global.alipay.com", params (string Key, string? Value)[] changes)
    {
        var values = new Dictionary<string, string?>
        {
            ["Antom:Endpoint"] = endpoint,
            ["Antom:ClientId"] = ClientId,
            ["Antom:PrivateKey"] = MerchantPrivatePkcs8,
            ["Antom:AntomPublicKeys:0"] = AntomPublicSpki,
        };
        foreach ((string key, string? value) in changes)
        {
            if (value is null)
            {
                values.Remove("Antom:" + key);
            }
            else
            {
                values["Antom:" + key] = value;
            }
        }

        return new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection("Antom");
    }
}
