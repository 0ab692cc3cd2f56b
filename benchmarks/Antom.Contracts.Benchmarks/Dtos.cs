using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Antom.Contracts.Benchmarks;

// What a team writes by hand for System.Text.Json or Newtonsoft.Json: the same fields, no rules checked.
// The competitors read and write these; ours reads and writes the generated records, checking every rule.
//
// Same contract shape as the records, field for field and with the same nesting (issue 14): every member of
// CaptureRequest, CaptureResultNotification, InquiryPaymentResponse and PaymentTransaction, and of every record they
// hold (AntomResult, Quote, CardInfo, PaymentResultInfo, AcquirerInfo, RedirectActionForm, ThreeDSResult,
// CreditPayPlan), whether or not the benchmark payloads carry it; a record becomes a class, Money an AmountDto,
// an open set or closed enum a string, pass-through JSON (RawJson) a JsonElement, ValueList a List. Before, the
// inquiry DTOs lacked the reference's §0 fields (paymentResultInfo, acquirerInfo, grossSettlementAmount,
// settlementQuote, ...) that the records had grown, so the competitors built smaller objects than ours.
// Regenerate from the records when a contract changes.
public sealed class AmountDto
{
    public string Currency { get; set; } = "";
    public string Value { get; set; } = "";
}

public sealed class CaptureRequestDto
{
    public string CaptureRequestId { get; set; } = "";
    public string PaymentId { get; set; } = "";
    public AmountDto CaptureAmount { get; set; } = new();
    public bool? IsLastCapture { get; set; }
    public string? CaptureType { get; set; }
    public JsonElement? Transit { get; set; }
}

public sealed class ResultDto
{
    public string ResultCode { get; set; } = "";
    public string ResultStatus { get; set; } = "";
    public string? ResultMessage { get; set; }
}

public sealed class ThreeDSResultDto
{
    public string? ThreeDSVersion { get; set; }
    public string? Eci { get; set; }
    public string? Cavv { get; set; }
    public string? DsTransactionId { get; set; }
    public string? Xid { get; set; }
    public string? ThreeDStransactionStatusReason { get; set; }
    public string? ChallengeCancel { get; set; }
    public bool? Challenged { get; set; }
    public string? ExemptionType { get; set; }
    public bool? ThreeDSOffered { get; set; }
}

public sealed class CreditPayPlanDto
{
    public long? InstallmentNum { get; set; }
    public string? Interval { get; set; }
    public string? CreditPayFeeType { get; set; }
    public long? FeePercentage { get; set; }
    public List<long>? FilteredInstallmentPeriods { get; set; }
}

public sealed class AcquirerInfoDto
{
    public string? AcquirerName { get; set; }
    public string? ReferenceRequestId { get; set; }
    public string? AcquirerTransactionId { get; set; }
    public string? AcquirerMerchantId { get; set; }
    public string? AcquirerResultCode { get; set; }
    public string? AcquirerResultMessage { get; set; }
    public string? AcquirerMerchantName { get; set; }
    public string? AcquirerReasonDescription { get; set; }
    public string? PtspTransactionId { get; set; }
    public string? AcquirerCardToken { get; set; }
}

public sealed class PaymentResultInfoDto
{
    public string? CardNo { get; set; }
    public string? CardBrand { get; set; }
    public string? CardToken { get; set; }
    public string? CardBin { get; set; }
    public string? LastFour { get; set; }
    public string? ExpiryMonth { get; set; }
    public string? ExpiryYear { get; set; }
    public string? CardholderName { get; set; }
    public string? IssuingCountry { get; set; }
    public string? PaymentMethodRegion { get; set; }
    public string? Funding { get; set; }
    public string? CardCategory { get; set; }
    public string? IssuerName { get; set; }
    public string? AvsResultRaw { get; set; }
    public string? CvvResultRaw { get; set; }
    public string? NetworkTransactionId { get; set; }
    public string? AuthorizationCode { get; set; }
    public string? Rrn { get; set; }
    public string? RefusalCodeRaw { get; set; }
    public string? RefusalReasonRaw { get; set; }
    public string? MerchantAdviceCode { get; set; }
    public string? ExemptionRequested { get; set; }
    public string? CredentialTypeUsed { get; set; }
    public ThreeDSResultDto? ThreeDSResult { get; set; }
    public bool? IncrementalAuthorizationAvailable { get; set; }
    public bool? ExtendedAuthorizationAvailable { get; set; }
    public bool? RefundOnAuthorizationAvailable { get; set; }
    public CreditPayPlanDto? CreditPayPlan { get; set; }
    public AcquirerInfoDto? AcquirerInfo { get; set; }
    public string? AccountNo { get; set; }
    public string? UserAuthorizationStatus { get; set; }
}

public sealed class CaptureNotificationDto
{
    public string NotifyType { get; set; } = "";
    public ResultDto Result { get; set; } = new();
    public string CaptureRequestId { get; set; } = "";
    public string PaymentId { get; set; } = "";
    public string CaptureId { get; set; } = "";
    public AmountDto CaptureAmount { get; set; } = new();
    public DateTimeOffset? CaptureTime { get; set; }
    public DateTimeOffset? EarliestSettlementTime { get; set; }
    public string? AcquirerReferenceNo { get; set; }
    public JsonElement? AcquirerInfo { get; set; }
    public string? TaxCalculationId { get; set; }
    public PaymentResultInfoDto? PaymentResultInfo { get; set; }
}

public sealed class QuoteDto
{
    public string? QuoteId { get; set; }
    public string? QuoteCurrencyPair { get; set; }
    public decimal? QuotePrice { get; set; }
    public DateTimeOffset? QuoteStartTime { get; set; }
    public DateTimeOffset? QuoteExpiryTime { get; set; }
    public bool? Guaranteed { get; set; }
}

public sealed class TransactionDto
{
    public string TransactionType { get; set; } = "";
    public string TransactionStatus { get; set; } = "";
    public ResultDto TransactionResult { get; set; } = new();
    public string TransactionId { get; set; } = "";
    public string TransactionRequestId { get; set; } = "";
    public AmountDto TransactionAmount { get; set; } = new();
    public DateTimeOffset? TransactionTime { get; set; }
    public JsonElement? AcquirerInfo { get; set; }
    public AmountDto? GrossSettlementAmount { get; set; }
    public QuoteDto? SettlementQuote { get; set; }
    public DateTimeOffset? EarliestSettlementTime { get; set; }
}

public sealed class CardInfoDto
{
    public string? CardNo { get; set; }
    public string? CardBrand { get; set; }
    public string? CardToken { get; set; }
    public string? IssuingCountry { get; set; }
    public string? Funding { get; set; }
    public string? PaymentMethodRegion { get; set; }
    public ThreeDSResultDto? ThreeDSResult { get; set; }
}

public sealed class RedirectActionFormDto
{
    public string? Method { get; set; }
    public string? Parameters { get; set; }
    public string? RedirectUrl { get; set; }
    public string? ActionFormType { get; set; }
}

public sealed class InquiryDto
{
    public ResultDto Result { get; set; } = new();
    public string? PaymentStatus { get; set; }
    public string? PaymentResultCode { get; set; }
    public string? PaymentResultMessage { get; set; }
    public string? PaymentRequestId { get; set; }
    public string? PaymentId { get; set; }
    public AmountDto? PaymentAmount { get; set; }
    public DateTimeOffset? AuthExpiryTime { get; set; }
    public DateTimeOffset? PaymentCreateTime { get; set; }
    public DateTimeOffset? PaymentTime { get; set; }
    public string? AcquirerReferenceNo { get; set; }
    public DateTimeOffset? EarliestSettlementTime { get; set; }
    public List<TransactionDto>? Transactions { get; set; }
    public string? AuthPaymentId { get; set; }
    public AmountDto? ActualPaymentAmount { get; set; }
    public QuoteDto? PaymentQuote { get; set; }
    public CardInfoDto? CardInfo { get; set; }
    public PaymentResultInfoDto? PaymentResultInfo { get; set; }
    public AcquirerInfoDto? AcquirerInfo { get; set; }
    public AmountDto? CustomsDeclarationAmount { get; set; }
    public AmountDto? GrossSettlementAmount { get; set; }
    public QuoteDto? SettlementQuote { get; set; }
    public string? MerchantAccountId { get; set; }
    public List<JsonElement>? PromotionResults { get; set; }
    public string? PaymentMethodType { get; set; }
    public JsonElement? RetryInfo { get; set; }
    public string? Metadata { get; set; }
    public JsonElement? CustomizedInfo { get; set; }
    public AmountDto? ProcessingAmount { get; set; }
    public RedirectActionFormDto? RedirectActionForm { get; set; }
    public AmountDto? NonGuaranteeCouponAmount { get; set; }
    public string? ExtendInfo { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CaptureRequestDto))]
[JsonSerializable(typeof(CaptureNotificationDto))]
[JsonSerializable(typeof(InquiryDto))]
public sealed partial class DtoContext : JsonSerializerContext
{
}
