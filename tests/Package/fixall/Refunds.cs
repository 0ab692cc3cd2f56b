using Antom.Contracts;

namespace Shop.FixAll;

// ANTOM2001 twice, ANTOM1001 once.
public sealed class RefundLine
{
    public string? RefundAmount { get; set; }

    public static void Record(string fee)
    {
        _ = fee;
    }

    public static int Code(ResultStatus status)
    {
        switch (status)
        {
            case ResultStatus.Success:
                return 1;
            default:
                return 0;
        }
    }
}
