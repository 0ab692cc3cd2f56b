using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Antom.Contracts.Benchmarks;

// What a team writes by hand for System.Text.Json or Newtonsoft.Json: the same fields, no rules checked.
// The competitors read and write these; ours reads and writes the generated records, checking every rule.
public sealed class AmountDto
{
    public string Currency { get; set; } = "";
    public string Value { get; set; } = "";
}

public sealed class ResultDto
{
    public string ResultCode { get; set; } = "";
    public string ResultStatus { get; set; } = "";
    public string? ResultMessage { get; set; }
}

public sealed class CaptureRequestDto
{
    public string CaptureRequestId { get; set; } = "";
    public string PaymentId { get; set; } = "";
    public AmountDto CaptureAmount { get; set; } = new();
    public bool? IsLastCapture { get; set; }
    public string? CaptureType { get; set; }
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
    public string? AcquirerReferenceNo { get; set; }
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
    public DateTimeOffset? EarliestSettlementTime { get; set; }
}

public sealed class InquiryDto
{
    public ResultDto Result { get; set; } = new();
    public string? PaymentStatus { get; set; }
    public string? PaymentRequestId { get; set; }
    public string? PaymentId { get; set; }
    public AmountDto? PaymentAmount { get; set; }
    public DateTimeOffset? AuthExpiryTime { get; set; }
    public List<TransactionDto>? Transactions { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CaptureRequestDto))]
[JsonSerializable(typeof(CaptureNotificationDto))]
[JsonSerializable(typeof(InquiryDto))]
public sealed partial class DtoContext : JsonSerializerContext
{
}
