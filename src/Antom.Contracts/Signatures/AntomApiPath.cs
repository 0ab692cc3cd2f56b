using System;

namespace Antom.Contracts.Signatures;

/// <summary>
/// Antom's API paths, and the explicit sandbox rule: a client id starting with <c>SANDBOX_</c> calls (and signs)
/// <c>/ams/sandbox/api/…</c> instead of <c>/ams/api/…</c>. Nothing rewrites a path behind your back: ask for the path
/// of your client id here, and the signer refuses a path that does not match its client id.
/// </summary>
public static class AntomApiPath
{
    /// <summary>The live path of the capture API.</summary>
    public const string Capture = "/ams/api/v1/payments/capture";

    /// <summary>The live path of the inquiryPayment API.</summary>
    public const string InquiryPayment = "/ams/api/v1/payments/inquiryPayment";

    /// <summary>The live path of the pay API.</summary>
    public const string Pay = "/ams/api/v1/payments/pay";

    /// <summary>The live path of the cancel API.</summary>
    public const string Cancel = "/ams/api/v1/payments/cancel";

    /// <summary>The live path of the refund API.</summary>
    public const string Refund = "/ams/api/v1/payments/refund";

    /// <summary>The live path of the inquiryRefund API.</summary>
    public const string InquiryRefund = "/ams/api/v1/payments/inquiryRefund";

    /// <summary>The live path of the updateAmount (incremental authorisation) API.</summary>
    public const string UpdateAmount = "/ams/api/v1/payments/updateAmount";

    private const string LivePrefix = "/ams/api/";
    private const string SandboxPrefix = "/ams/sandbox/api/";

    /// <summary>Whether <paramref name="clientId"/> is a sandbox client (<c>SANDBOX_…</c>).</summary>
    public static bool IsSandbox(string clientId)
    {
        ArgumentNullException.ThrowIfNull(clientId);
        return clientId.StartsWith("SANDBOX_", StringComparison.Ordinal);
    }

    /// <summary>
    /// The path <paramref name="clientId"/> must call and sign for the live path <paramref name="livePath"/>:
    /// <c>For("SANDBOX_X", AntomApiPath.Capture)</c> is <c>/ams/sandbox/api/v1/payments/capture</c>.
    /// </summary>
    public static string For(string clientId, string livePath)
    {
        ArgumentNullException.ThrowIfNull(livePath);
        if (!livePath.StartsWith(LivePrefix, StringComparison.Ordinal))
        {
            throw new ArgumentException($"\"{livePath}\" is not a live Antom API path (/ams/api/…).", nameof(livePath));
        }

        return IsSandbox(clientId) ? SandboxPrefix + livePath[LivePrefix.Length..] : livePath;
    }

    /// <summary>Fails when an Antom API path does not belong to the client id's environment.</summary>
    internal static void RequireMatches(string clientId, string path)
    {
        bool sandboxClient = IsSandbox(clientId);
        if (sandboxClient && path.StartsWith(LivePrefix, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Client id {clientId} is a sandbox client and must call {SandboxPrefix}…, not {path}. Use AntomApiPath.For(clientId, path).", nameof(path));
        }

        if (!sandboxClient && path.StartsWith(SandboxPrefix, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Client id {clientId} is not a sandbox client, but {path} is a sandbox path. Use AntomApiPath.For(clientId, path).", nameof(path));
        }
    }
}
