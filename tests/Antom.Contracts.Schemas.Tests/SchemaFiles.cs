using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Antom.Contracts.Schemas.Tests;

/// <summary>Where the copied <c>schemas/</c> folder is, and what it holds.</summary>
internal static class SchemaFiles
{
    public static string Root { get; } = Path.Combine(AppContext.BaseDirectory, "schemas");

    public static string ExamplesRoot { get; } = Path.Combine(Root, "examples");

    /// <summary>The contract schemas and the C# type name each one's title must be.</summary>
    public static IReadOnlyDictionary<string, string> Titles { get; } = new Dictionary<string, string>
    {
        ["amount.schema.json"] = "Money",
        ["result.schema.json"] = "AntomResult",
        ["capture-request.schema.json"] = "CaptureRequest",
        ["capture-response.schema.json"] = "CaptureResponse",
        ["capture-result-notification.schema.json"] = "CaptureResultNotification",
        ["notification-acknowledgement.schema.json"] = "NotificationAcknowledgement",
        ["inquiry-payment-response.schema.json"] = "InquiryPaymentResponse",
        ["payment-transaction.schema.json"] = "PaymentTransaction",
    };

    public static string SchemaPath(string fileName) => Path.Combine(Root, fileName);

    /// <summary>The examples folder of a contract is named after its schema file: capture-request.schema.json → capture-request.</summary>
    public static string ContractOf(string schemaFile) => schemaFile[..^".schema.json".Length];

    public static IEnumerable<string> Examples(string contract, string kind)
    {
        string dir = Path.Combine(ExamplesRoot, contract, kind);
        return Directory.Exists(dir)
            ? Directory.EnumerateFiles(dir, "*.json").OrderBy(p => p, StringComparer.Ordinal)
            : [];
    }

    public static IEnumerable<object[]> AllExamples(string kind) =>
        from schema in Titles.Keys.OrderBy(k => k, StringComparer.Ordinal)
        from example in Examples(ContractOf(schema), kind)
        select new object[] { schema, Path.GetFileName(example) };
}
