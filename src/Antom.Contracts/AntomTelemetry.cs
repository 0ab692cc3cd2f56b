using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Antom.Contracts;

/// <summary>
/// The names under which Antom.Contracts reports traces and metrics through <see cref="ActivitySource"/> and
/// <see cref="Meter"/> (no OpenTelemetry dependency): with the OpenTelemetry SDK,
/// <c>AddSource(AntomTelemetry.ActivitySourceName)</c> and <c>AddMeter(AntomTelemetry.MeterName)</c>. Keys, signatures,
/// bodies and card data are never recorded.
/// </summary>
public static class AntomTelemetry
{
    /// <summary>The <see cref="ActivitySource"/>: one span per client call and per notification received.</summary>
    public const string ActivitySourceName = "Antom.Contracts";

    /// <summary>The <see cref="Meter"/> of every instrument below.</summary>
    public const string MeterName = "Antom.Contracts";

    /// <summary>Counter of client calls ({call}), by <c>antom.api</c> and <c>antom.result_status</c> (S, F, U, outcome_unknown, inquiry_failed, cancelled).</summary>
    public const string ClientCalls = "antom.client.calls";

    /// <summary>Histogram of client call durations (ms, whole: the runtime has no floating point), by <c>antom.api</c> and <c>antom.result_status</c>.</summary>
    public const string ClientCallDuration = "antom.client.call.duration";

    /// <summary>Counter of outcome-unknown results ({call}), by <c>antom.api</c> and <c>antom.outcome_unknown.reason</c>, the poller's deadline included.</summary>
    public const string OutcomeUnknown = "antom.client.outcome_unknown";

    /// <summary>Histogram of the time (ms) <c>OperationPoller</c> took from its start to the operation's final state, by <c>antom.api</c>.</summary>
    public const string ResolutionDuration = "antom.operation.resolution.duration";

    /// <summary>Counter of notifications handled and acknowledged for the first time ({notification}), by <c>antom.notify_type</c>.</summary>
    public const string NotificationsReceived = "antom.notifications.received";

    /// <summary>Counter of re-deliveries of a notification already handled ({notification}), by <c>antom.notify_type</c>.</summary>
    public const string NotificationsRedelivered = "antom.notifications.redelivered";

    /// <summary>Counter of notifications not acknowledged ({notification}), by <c>antom.notification.rejection</c>.</summary>
    public const string NotificationsRejected = "antom.notifications.rejected";

    /// <summary>
    /// UpDownCounter of the amount held in undecided captures ({minor_unit}), by <c>antom.currency</c>: it moves by the
    /// change in <c>CapturesHeld</c> each time a ledger is saved through <c>AuthorizationLedgerStore.UpdateAsync</c>,
    /// so it covers ledgers saved through a store, in this process.
    /// </summary>
    public const string CapturesHeld = "antom.ledger.captures_held";

    internal static readonly ActivitySource Source = new(ActivitySourceName, typeof(AntomTelemetry).Assembly.GetName().Version?.ToString());

    internal static readonly Meter Meter = new(MeterName, typeof(AntomTelemetry).Assembly.GetName().Version?.ToString());

    internal static readonly Counter<long> Calls = Meter.CreateCounter<long>(ClientCalls, "{call}", "Antom API calls by api and result status");

    internal static readonly Histogram<long> CallDuration = Meter.CreateHistogram<long>(ClientCallDuration, "ms", "Duration of Antom API calls");

    internal static readonly Counter<long> Unknown = Meter.CreateCounter<long>(OutcomeUnknown, "{call}", "State-changing calls with no verified answer, by api and reason");

    internal static readonly Histogram<long> Resolution = Meter.CreateHistogram<long>(ResolutionDuration, "ms", "Time from the start of resolving an undecided operation to its final state");

    internal static readonly Counter<long> Received = Meter.CreateCounter<long>(NotificationsReceived, "{notification}", "Notifications handled for the first time");

    internal static readonly Counter<long> Redelivered = Meter.CreateCounter<long>(NotificationsRedelivered, "{notification}", "Re-deliveries of notifications already handled");

    internal static readonly Counter<long> Rejected = Meter.CreateCounter<long>(NotificationsRejected, "{notification}", "Notifications not acknowledged, by rejection");

    internal static readonly UpDownCounter<long> Held = Meter.CreateUpDownCounter<long>(CapturesHeld, "{minor_unit}", "Amount held in undecided captures, in minor units");

    internal static KeyValuePair<string, object?> Tag(string name, object? value) => new(name, value);

    // A ledger was saved: the amount held in its undecided captures moved from before to after (same currency).
    internal static void HeldChanged(Money before, Money after)
    {
        try
        {
            long delta = after.MinorUnits - before.MinorUnits;
            if (delta != 0)
            {
                Held.Add(delta, Tag("antom.currency", after.Currency.Code));
            }
        }
        catch (Exception)
        {
            // telemetry never throws into a ledger update
        }
    }
}
