using System.IO;
using System.Linq;
using Antom.Contracts.Signatures;

namespace Antom.Contracts.Hosting;

/// <summary>The signer and the verifier from <see cref="AntomOptions"/>, loaded the same way by validation and by DI.</summary>
internal static class AntomKeys
{
    public static string PrivateKeyText(AntomOptions options)
        => options.PrivateKeyFile is { Length: > 0 } file ? File.ReadAllText(file) : options.PrivateKey!;

    public static AntomSigner Signer(AntomOptions options) => AntomSigner.FromPrivateKey(PrivateKeyText(options));

    public static AntomSignatureVerifier Verifier(AntomOptions options) => AntomSignatureVerifier.FromPublicKeys(options.AntomPublicKeys.ToArray());
}
