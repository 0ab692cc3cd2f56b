using Antom.Contracts;
using Antom.Contracts.Http;

namespace Shop.FixAll;

// ANTOM1003 twice: each retry of an unknown outcome invents a new idempotency key.
public static class Retries
{
    public static async Task Capture(AntomClient client, CaptureRequest request)
    {
        try
        {
            await client.CaptureAsync(request);
        }
        catch (AntomOutcomeUnknownException)
        {
            await client.CaptureAsync(request with { CaptureRequestId = Guid.NewGuid().ToString() });
        }
    }

    public static async Task Refund(AntomClient client, RefundRequest request)
    {
        RefundResponse response = await client.RefundAsync(request);
        if (response.Result.ResultStatus == ResultStatus.Unknown)
        {
            await client.RefundAsync(new RefundRequest { RefundRequestId = $"{request.RefundRequestId}-retry", PaymentId = request.PaymentId, RefundAmount = request.RefundAmount });
        }
    }
}
