using Antom.Contracts;

namespace Shop.FixAll;

// ANTOM2001 twice, ANTOM1001 once.
public sealed class Order
{
    public string? CaptureAmount { get; set; }

    public string? TotalPrice { get; init; }

    public static string Describe(ResultStatus status) => status switch
    {
        ResultStatus.Success => "captured",
        _ => "not captured",
    };
}
