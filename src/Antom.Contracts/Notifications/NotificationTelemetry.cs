using System;
using System.Diagnostics;

namespace Antom.Contracts.Notifications;

/// <summary>
/// One notification delivery as observed: its span and the received, re-delivered and rejected counters. Nothing of the
/// body, the signature or any key is recorded, and a listener that throws is ignored.
/// </summary>
internal static class NotificationTelemetry
{
    public static Activity? Start()
    {
        try
        {
            return AntomTelemetry.Source.StartActivity("antom notification", ActivityKind.Server);
        }
        catch (Exception)
        {
            return null; // a listener that throws loses this span, never the notification
        }
    }

    /// <summary>The handler ran for a first delivery, or a re-delivery of a result already handled was acknowledged.</summary>
    public static void Accepted(Activity? activity, string notifyType, bool redelivery)
    {
        try
        {
            activity?.SetTag("antom.notify_type", notifyType).SetTag("antom.notification.redelivery", redelivery);
            (redelivery ? AntomTelemetry.Redelivered : AntomTelemetry.Received).Add(1, AntomTelemetry.Tag("antom.notify_type", notifyType));
        }
        catch (Exception)
        {
            // telemetry never throws into a notification
        }
    }

    /// <summary>The delivery ended: a rejection is counted and marks the span as an error; the span ends.</summary>
    public static void Done(Activity? activity, NotificationOutcome? outcome)
    {
        try
        {
            if (outcome is { IsAcknowledged: false })
            {
                string rejection = outcome.Rejection.ToString();
                AntomTelemetry.Rejected.Add(1, AntomTelemetry.Tag("antom.notification.rejection", rejection));
                activity?.SetTag("antom.notification.rejection", rejection).SetStatus(ActivityStatusCode.Error, rejection);
            }

            activity?.Dispose();
        }
        catch (Exception)
        {
            // telemetry never throws into a notification
        }
    }
}
