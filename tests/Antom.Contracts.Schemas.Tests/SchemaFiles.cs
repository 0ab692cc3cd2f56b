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
        ["pay-request.schema.json"] = "PayRequest",
        ["pay-response.schema.json"] = "PayResponse",
        ["payment-result-notification.schema.json"] = "PaymentResultNotification",
        ["cancel-request.schema.json"] = "CancelRequest",
        ["cancel-response.schema.json"] = "CancelResponse",
        ["refund-request.schema.json"] = "RefundRequest",
        ["refund-response.schema.json"] = "RefundResponse",
        ["refund-result-notification.schema.json"] = "RefundResultNotification",
        ["inquiry-refund-request.schema.json"] = "InquiryRefundRequest",
        ["inquiry-refund-response.schema.json"] = "InquiryRefundResponse",
        ["inquiry-payment-request.schema.json"] = "InquiryPaymentRequest",
        ["update-amount-request.schema.json"] = "UpdateAmountRequest",
        ["update-amount-response.schema.json"] = "UpdateAmountResponse",
        ["acquirer-info.schema.json"] = "AcquirerInfo",
        ["address.schema.json"] = "Address",
        ["browser-info.schema.json"] = "BrowserInfo",
        ["buyer.schema.json"] = "Buyer",
        ["card-info.schema.json"] = "CardInfo",
        ["card-payment-method-meta-data.schema.json"] = "CardPaymentMethodMetaData",
        ["challenge-action-form.schema.json"] = "ChallengeActionForm",
        ["credit-pay-plan.schema.json"] = "CreditPayPlan",
        ["env.schema.json"] = "Env",
        ["goods.schema.json"] = "Goods",
        ["lodging.schema.json"] = "Lodging",
        ["merchant.schema.json"] = "Merchant",
        ["order.schema.json"] = "Order",
        ["payment-factor.schema.json"] = "PaymentFactor",
        ["payment-method.schema.json"] = "PaymentMethod",
        ["payment-result-info.schema.json"] = "PaymentResultInfo",
        ["psp-customer-info.schema.json"] = "PspCustomerInfo",
        ["quote.schema.json"] = "Quote",
        ["redirect-action-form.schema.json"] = "RedirectActionForm",
        ["refund-detail.schema.json"] = "RefundDetail",
        ["settlement-strategy.schema.json"] = "SettlementStrategy",
        ["shipping.schema.json"] = "Shipping",
        ["three-ds-result.schema.json"] = "ThreeDSResult",
        ["user-name.schema.json"] = "UserName",
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
