// The one catalogue of every diagnostic ID this repository ships, linked into the generator and the analyzers.
// IDs are part of the contract: never reuse or renumber one. Pages: docs/diagnostics.md and docs/diagnostics/.
namespace Antom.Contracts;

internal static class DiagnosticIds
{
    // Generator (schema files), errors.
    public const string InvalidJson = "ANTOM0001";
    public const string UnresolvedReference = "ANTOM0002";
    public const string UnsupportedConstruct = "ANTOM0003";
    public const string DuplicateTitle = "ANTOM0004";
    public const string InvalidName = "ANTOM0005";
    public const string ReferenceCycle = "ANTOM0006";
    public const string DuplicateMember = "ANTOM0007";
    public const string UnreadableSchema = "ANTOM0008";
    public const string DuplicateSchemaId = "ANTOM0009";
    public const string ConflictingProperty = "ANTOM0010";
    public const string GeneratorFailure = "ANTOM0099";

    // Analyzers, warnings.
    public const string UnhandledResultStatus = "ANTOM1001";
    public const string UnknownFallsThrough = "ANTOM1002";
    public const string NewIdempotencyKeyOnRetry = "ANTOM1003";
    public const string MoneyAsString = "ANTOM2001";
    public const string MoneyAsFloatingPoint = "ANTOM2002";

    // Suppressions of compiler warnings.
    public const string SuppressUnnamedEnumValue = "ANTOMSP1001";
    public const string SuppressNotExhaustive = "ANTOMSP1002";
}
