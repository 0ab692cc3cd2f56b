using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Antom.Contracts.Signatures;
using Microsoft.Extensions.Options;

namespace Antom.Contracts.Hosting;

/// <summary>
/// Validates the bound section when the host starts (and on first use). Each failure names its setting by its full
/// configuration path (<c>Antom:Endpoint</c>, ...); a key's text never appears in a message.
/// </summary>
internal sealed class AntomOptionsValidator(string section) : IValidateOptions<AntomOptions>
{
    public ValidateOptionsResult Validate(string? name, AntomOptions options)
    {
        var failures = new List<string>(options.BindingFailures);
        ValidateEndpoint(options.Endpoint, failures);
        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            failures.Add($"{section}:ClientId is required: the merchant's client id.");
        }

        ValidatePrivateKey(options, failures);
        ValidatePublicKeys(options, failures);
        if (options.Timeout <= TimeSpan.Zero || options.Timeout.Ticks > (int.MaxValue - 1) * TimeSpan.TicksPerMillisecond)
        {
            failures.Add($"{section}:Timeout must be positive and at most about 24 days (for example 00:00:30).");
        }

        if (options.MaxResponseBytes <= 0 || options.MaxResponseBytes >= Array.MaxLength)
        {
            failures.Add($"{section}:MaxResponseBytes must be between 1 and {(Array.MaxLength - 1).ToString(CultureInfo.InvariantCulture)}.");
        }

        if (options.ConnectRetries is < 0 or > 5)
        {
            failures.Add($"{section}:ConnectRetries must be between 0 and 5.");
        }

        for (int i = 0; i < options.Notifications.ClientIds.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(options.Notifications.ClientIds[i]))
            {
                failures.Add($"{section}:Notifications:ClientIds:{i.ToString(CultureInfo.InvariantCulture)} is blank.");
            }
        }

        if (options.Notifications.MaxRequestAge is { } age && (age <= TimeSpan.Zero || age > TimeSpan.FromDays(30)))
        {
            failures.Add($"{section}:Notifications:MaxRequestAge must be positive and at most 30 days, or null.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private void ValidateEndpoint(string? endpoint, List<string> failures)
    {
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out Uri? uri)
            || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
            || uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            failures.Add($"{section}:Endpoint must be an absolute https URI, scheme and host only (for example https://open-sea-global.alipay.com); http only for a loopback host.");
        }
    }

    private void ValidatePrivateKey(AntomOptions options, List<string> failures)
    {
        bool hasKey = !string.IsNullOrWhiteSpace(options.PrivateKey);
        bool hasFile = !string.IsNullOrWhiteSpace(options.PrivateKeyFile);
        if (hasKey == hasFile)
        {
            failures.Add($"Set exactly one of {section}:PrivateKey and {section}:PrivateKeyFile (the merchant's private key, base64 PKCS#8 or PEM).");
            return;
        }

        string setting = hasFile ? $"{section}:PrivateKeyFile" : $"{section}:PrivateKey";
        try
        {
            using AntomSigner signer = AntomKeys.Signer(options);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            failures.Add(e is ArgumentException a ? $"{setting} is not usable: {Reason(a)}" : $"{setting} cannot be read: {e.Message}");
        }
    }

    private void ValidatePublicKeys(AntomOptions options, List<string> failures)
    {
        if (options.AntomPublicKeys.Count == 0)
        {
            failures.Add($"{section}:AntomPublicKeys must list at least one of Antom's public keys (base64 SPKI or PEM).");
            return;
        }

        for (int i = 0; i < options.AntomPublicKeys.Count; i++)
        {
            try
            {
                using AntomSignatureVerifier verifier = AntomSignatureVerifier.FromPublicKey(options.AntomPublicKeys[i]);
            }
            catch (ArgumentException e)
            {
                failures.Add($"{section}:AntomPublicKeys:{i.ToString(CultureInfo.InvariantCulture)} is not usable: {Reason(e)}");
            }
        }
    }

    // The key loader's reason without ArgumentException's " (Parameter 'key')": the setting is named already.
    private static string Reason(ArgumentException e)
        => e.ParamName is { } parameter ? e.Message.Replace($" (Parameter '{parameter}')", string.Empty, StringComparison.Ordinal) : e.Message;
}
