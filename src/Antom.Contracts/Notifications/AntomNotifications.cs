using System;
using System.Text.Json;
using Antom.Contracts.Serialization;

namespace Antom.Contracts.Notifications;

/// <summary>Reads notification bodies.</summary>
public static class AntomNotifications
{
    /// <summary>The notification type of notifyCapture.</summary>
    public const string CaptureResult = "CAPTURE_RESULT";

    /// <summary>The notification type of notifyRefund.</summary>
    public const string RefundResult = "REFUND_RESULT";

    /// <summary>
    /// Reads <c>notifyType</c> and returns the typed notification: <see cref="CaptureResultReceived"/> for
    /// <c>CAPTURE_RESULT</c>, <see cref="PaymentResultReceived"/> for <c>PAYMENT_RESULT</c>, <c>PAYMENT_PENDING</c> and
    /// <c>UPDATE_AMOUNT_RESULT</c>, <see cref="RefundResultReceived"/> for <c>REFUND_RESULT</c>; anything else is an
    /// <see cref="OtherNotification"/> carrying the type and the body.
    /// </summary>
    /// <exception cref="AntomPayloadException">The body is not JSON, has no string <c>notifyType</c>, or is one of the
    /// typed notifications and breaks its contract; the path says where.</exception>
    public static AntomNotification Parse(ReadOnlySpan<byte> body)
    {
        string notifyType = ReadNotifyType(body);
        return notifyType switch
        {
            CaptureResult => new CaptureResultReceived(AntomJson.Deserialize<CaptureResultNotification>(body)),
            RefundResult => new RefundResultReceived(AntomJson.Deserialize<RefundResultNotification>(body)),
            _ when IsPaymentResult(notifyType) => new PaymentResultReceived(AntomJson.Deserialize<PaymentResultNotification>(body)),
            _ => Other(notifyType, body),
        };
    }

    // An OtherNotification is acknowledged on this reading alone, which decodes only notifyType: its bytes are checked
    // as AntomJson.Deserialize checks a contract's, so invalid UTF-8 in the rest never passes silently.
    private static OtherNotification Other(string notifyType, ReadOnlySpan<byte> body)
        => System.Text.Unicode.Utf8.IsValid(PayloadReading.WithoutBom(body))
            ? new OtherNotification(notifyType, body.ToArray())
            : throw PayloadReading.NotUtf8();

    // The notifyPayment types this library interprets; OFFLINE_PAYMENT_CODE (in-store) and new ones stay OtherNotification.
    private static bool IsPaymentResult(string notifyType)
        => notifyType == PaymentNotifyType.PaymentResult.Value || notifyType == PaymentNotifyType.PaymentPending.Value || notifyType == PaymentNotifyType.UpdateAmountResult.Value;

    /// <summary>The <c>notifyType</c>, or null when the body does not say one readably (for logs of rejected bodies).</summary>
    internal static string? TryReadNotifyType(ReadOnlySpan<byte> body)
    {
        try
        {
            return ReadNotifyType(body);
        }
        catch (AntomPayloadException)
        {
            return null;
        }
    }

    private static string ReadNotifyType(ReadOnlySpan<byte> body)
    {
        var reader = new AntomJsonReader(PayloadReading.WithoutBom(body));
        string? notifyType = null;
        try
        {
            if (!reader.Read())
            {
                throw new AntomPayloadException(JsonPath.Root, PayloadRule.Syntax, "is not well-formed JSON: the body is empty");
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw AntomPayloadException.WrongType(JsonPath.Root, "a notification object", reader.TokenType);
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isType = reader.ValueTextEquals("notifyType"u8);
                reader.Read();
                if (!isType)
                {
                    reader.Skip();
                    continue;
                }

                if (notifyType is not null)
                {
                    throw AntomPayloadException.Duplicate(JsonPath.OfProperty("notifyType"));
                }

                if (reader.TokenType != JsonTokenType.String)
                {
                    throw reader.TokenType == JsonTokenType.Null
                        ? AntomPayloadException.NullNotAllowed(JsonPath.OfProperty("notifyType"))
                        : AntomPayloadException.WrongType(JsonPath.OfProperty("notifyType"), "a string", reader.TokenType);
                }

                notifyType = PayloadReading.GetString(ref reader, "notifyType");
            }

            // The whole body must be one well-formed object: an OtherNotification is acknowledged on this reading alone.
            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                throw new AntomPayloadException(JsonPath.Root, PayloadRule.Syntax, "is not well-formed JSON: more follows the notification object");
            }
        }
        catch (JsonException error) when (error is not AntomPayloadException)
        {
            throw AntomPayloadException.Malformed(JsonPath.Root, error);
        }

        return notifyType ?? throw AntomPayloadException.Missing(JsonPath.OfProperty("notifyType"));
    }
}
