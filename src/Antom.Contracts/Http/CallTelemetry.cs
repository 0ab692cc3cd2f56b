using System;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Antom.Contracts.Http;

/// <summary>
/// One client call as observed: its span, its duration, its counters and its log line (api, idempotency key, result;
/// never keys, signatures, bodies or card data). Every method swallows what a listener or logger throws: observing a
/// call never changes its outcome.
/// </summary>
internal sealed partial class CallTelemetry
{
    private readonly ILogger _logger;
    private readonly string _api;
    private readonly string? _requestId;
    private readonly long _started;
    private readonly Activity? _activity;

    private CallTelemetry(ILogger logger, string api, string? requestId, Activity? activity)
    {
        _logger = logger;
        _api = api;
        _requestId = requestId;
        _activity = activity;
        _started = Stopwatch.GetTimestamp();
    }

    /// <summary>Starts observing a call that is about to be sent; <paramref name="requestId"/> is its idempotency key, if any.</summary>
    public static CallTelemetry Start(ILogger logger, string api, string? requestId)
    {
        Activity? activity = null;
        try
        {
            activity = AntomTelemetry.Source.HasListeners() ? AntomTelemetry.Source.StartActivity("antom " + api, ActivityKind.Client) : null;
            activity?.SetTag("antom.api", api).SetTag("antom.request_id", requestId);
        }
        catch (Exception)
        {
            // a listener that throws loses this span, never the call
        }

        return new CallTelemetry(logger, api, requestId, activity);
    }

    /// <summary>A verified answer that belongs to the call came back.</summary>
    public void Answered(AntomResult result)
    {
        try
        {
            string status = ResultStatusJsonConverter.Table.ToWireValue(result.ResultStatus);
            string code = result.ResultCode.Value;
            long elapsed = Milliseconds(Stopwatch.GetElapsedTime(_started));
            _activity?.SetTag("antom.result_status", status).SetTag("antom.result_code", code);
            Count(status, elapsed);
            LogAnswered(_logger, _api, _requestId, status, code, elapsed);
        }
        catch (Exception)
        {
            // telemetry never throws into a payment call
        }
        finally
        {
            Stop();
        }
    }

    /// <summary>The call ended without a verified answer: outcome unknown, a failed inquiry, or cancelled.</summary>
    public void Failed(Exception error)
    {
        try
        {
            long elapsed = Milliseconds(Stopwatch.GetElapsedTime(_started));
            switch (error)
            {
                case AntomOutcomeUnknownException unknown:
                    Count("outcome_unknown", elapsed);
                    NoAnswer(unknown);
                    AntomTelemetry.Unknown.Add(1, AntomTelemetry.Tag("antom.api", _api), AntomTelemetry.Tag("antom.outcome_unknown.reason", unknown.Reason.ToString()));
                    LogOutcomeUnknown(_logger, _api, unknown.IdempotencyKey, unknown.Reason, (int?)unknown.StatusCode, elapsed);
                    break;
                case AntomInquiryFailedException failed:
                    Count("inquiry_failed", elapsed);
                    NoAnswer(failed);
                    LogInquiryFailed(_logger, _api, failed.Reason, (int?)failed.StatusCode, elapsed);
                    break;
                default:
                    Count("cancelled", elapsed);
                    break;
            }
        }
        catch (Exception)
        {
            // telemetry never throws into a payment call
        }
        finally
        {
            Stop();
        }
    }

    /// <summary>
    /// <see cref="OperationPoller"/> found the operation final: the time since it started polling is recorded once,
    /// here, as <see cref="AntomTelemetry.ResolutionDuration"/>.
    /// </summary>
    public static void Resolved(ILogger logger, string api, string requestId, long startedTimestamp)
    {
        try
        {
            long elapsed = Milliseconds(Stopwatch.GetElapsedTime(startedTimestamp));
            AntomTelemetry.Resolution.Record(elapsed, AntomTelemetry.Tag("antom.api", api));
            LogResolved(logger, api, requestId, elapsed);
        }
        catch (Exception)
        {
            // telemetry never throws into a payment call
        }
    }

    /// <summary><see cref="OperationPoller"/> reached its deadline with the operation still undecided.</summary>
    public static void StillUndecided(ILogger logger, string api, string requestId, TimeSpan deadline)
    {
        try
        {
            AntomTelemetry.Unknown.Add(1, AntomTelemetry.Tag("antom.api", api), AntomTelemetry.Tag("antom.outcome_unknown.reason", nameof(NoVerifiedAnswerReason.StillUndecided)));
            LogStillUndecided(logger, api, requestId, deadline);
        }
        catch (Exception)
        {
            // telemetry never throws into a payment call
        }
    }

    private void Count(string status, long elapsedMs)
    {
        var tags = new TagList { { "antom.api", _api }, { "antom.result_status", status } };
        AntomTelemetry.Calls.Add(1, tags);
        AntomTelemetry.CallDuration.Record(elapsedMs, tags);
    }

    // Whole milliseconds, without floating point (TimeSpan.TotalMilliseconds is a double).
    private static long Milliseconds(TimeSpan elapsed) => elapsed.Ticks / TimeSpan.TicksPerMillisecond;

    private void NoAnswer(AntomTransportException error)
    {
        string reason = error.Reason.ToString();
        _activity?.SetTag("antom.outcome_unknown.reason", reason).SetStatus(ActivityStatusCode.Error, reason);
    }

    private void Stop()
    {
        try
        {
            _activity?.Dispose();
        }
        catch (Exception)
        {
            // a listener that throws on stop loses this span, never the call
        }
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Information, Message = "Antom {Api} {RequestId} answered {ResultStatus} {ResultCode} in {ElapsedMs} ms")]
    private static partial void LogAnswered(ILogger logger, string api, string? requestId, string resultStatus, string resultCode, long elapsedMs);

    [LoggerMessage(EventId = 21, Level = LogLevel.Warning, Message = "Antom {Api} {RequestId}: outcome unknown ({Reason}, HTTP status {StatusCode}) after {ElapsedMs} ms; it may have happened: resolve it, retry only with the same request id")]
    private static partial void LogOutcomeUnknown(ILogger logger, string api, string requestId, NoVerifiedAnswerReason reason, int? statusCode, long elapsedMs);

    [LoggerMessage(EventId = 22, Level = LogLevel.Warning, Message = "Antom {Api} failed ({Reason}, HTTP status {StatusCode}) after {ElapsedMs} ms; it says nothing about what it asked for")]
    private static partial void LogInquiryFailed(ILogger logger, string api, NoVerifiedAnswerReason reason, int? statusCode, long elapsedMs);

    [LoggerMessage(EventId = 23, Level = LogLevel.Information, Message = "Antom {Api} {RequestId} resolved by polling after {ElapsedMs} ms")]
    private static partial void LogResolved(ILogger logger, string api, string requestId, long elapsedMs);

    [LoggerMessage(EventId = 24, Level = LogLevel.Warning, Message = "Antom {Api} {RequestId}: outcome unknown (StillUndecided) after polling for {Deadline}")]
    private static partial void LogStillUndecided(ILogger logger, string api, string requestId, TimeSpan deadline);
}
