using Antom.Contracts;
using Antom.Contracts.Http;

namespace Shop.FixAll;

// ANTOM1003 once more, in another file.
public static class PayRetries
{
    public static async Task Pay(AntomClient client, PayRequest request)
    {
        try
        {
            await client.PayAsync(request);
        }
        catch (AntomOutcomeUnknownException unknown)
        {
            await client.PayAsync(request with { PaymentRequestId = unknown.IdempotencyKey + "-2" });
        }
    }
}
