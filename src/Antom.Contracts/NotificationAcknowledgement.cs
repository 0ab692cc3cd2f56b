namespace Antom.Contracts;

/// <content>The one acknowledgement a merchant sends.</content>
public sealed partial record NotificationAcknowledgement
{
    /// <summary>
    /// The acknowledgement Antom expects for every notification. It serializes to exactly
    /// <c>{"result":{"resultCode":"SUCCESS","resultStatus":"S","resultMessage":"success"}}</c>; anything else makes Antom re-send.
    /// </summary>
    public static NotificationAcknowledgement Received { get; } = new()
    {
        Result = new AntomResult
        {
            ResultCode = ResultCode.Success,
            ResultStatus = ResultStatus.Success,
            ResultMessage = "success",
        },
    };
}
