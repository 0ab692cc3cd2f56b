using System.Linq;
using System.Text;

namespace Antom.Contracts.Benchmarks;

/// <summary>The payloads every competitor reads and writes.</summary>
public static class Payloads
{
    public static readonly byte[] CaptureRequest = Encoding.UTF8.GetBytes(
        """{"captureRequestId":"cap_20260901_0001","paymentId":"202609011940108001001881234567890","captureAmount":{"currency":"BRL","value":"6000"},"isLastCapture":false}""");

    public static readonly byte[] Notification = Encoding.UTF8.GetBytes(
        """{"notifyType":"CAPTURE_RESULT","result":{"resultCode":"SUCCESS","resultStatus":"S","resultMessage":"success"},"captureRequestId":"cap_20260901_0001","paymentId":"202609011940108001001881234567890","captureId":"202609011940108001001881230000001","captureAmount":{"currency":"BRL","value":"6000"},"captureTime":"2026-09-01T07:13:50-07:00","acquirerReferenceNo":"ARN-0001"}""");

    public static byte[] Inquiry(int transactions) => Encoding.UTF8.GetBytes(
        """{"result":{"resultCode":"SUCCESS","resultStatus":"S","resultMessage":"success"},"paymentStatus":"SUCCESS","paymentRequestId":"pay_req_0001","paymentId":"202609011940108001001881234567890","paymentAmount":{"currency":"BRL","value":"10000"},"authExpiryTime":"2026-09-08T07:13:50-07:00","transactions":["""
        + string.Join(",", Enumerable.Range(0, transactions).Select(i =>
            $$"""{"transactionType":"CAPTURE","transactionStatus":"SUCCESS","transactionResult":{"resultCode":"SUCCESS","resultStatus":"S","resultMessage":"success"},"transactionId":"2022000000{{i:D4}}","transactionRequestId":"cap_req_{{i:D4}}","transactionAmount":{"currency":"BRL","value":"{{100 + i}}"},"transactionTime":"2022-09-29T07:13:50-07:00","earliestSettlementTime":"2023-07-04T15:20:15-07:00"}"""))
        + "]}");
}
