using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading.Tasks;
using Antom.Contracts.Http;
using Antom.Contracts.Ledger;
using Xunit;

namespace Antom.Contracts.Tests;

/// <summary>Alone: the listeners here throw for every Antom span and measurement, which no other test should see.</summary>
[CollectionDefinition(nameof(ThrowingTelemetryCollection), DisableParallelization = true)]
public sealed class ThrowingTelemetryCollection
{
}

/// <summary>Observing never changes an outcome: listeners that throw on every span and measurement change no call.</summary>
[Collection(nameof(ThrowingTelemetryCollection))]
public sealed class ThrowingTelemetryTests : IDisposable
{
    private readonly SignedAntomFake _antom = new();
    private readonly ActivityListener _spans = new()
    {
        ShouldListenTo = source => source.Name == AntomTelemetry.ActivitySourceName,
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        ActivityStarted = _ => throw new InvalidOperationException("listener broke on start"),
        ActivityStopped = _ => throw new InvalidOperationException("listener broke on stop"),
    };

    private readonly MeterListener _measurements = new()
    {
        InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == AntomTelemetry.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        },
    };

    public ThrowingTelemetryTests()
    {
        ActivitySource.AddActivityListener(_spans);
        _measurements.SetMeasurementEventCallback<long>((_, _, _, _) => throw new InvalidOperationException("listener broke on a count"));
        _measurements.SetMeasurementEventCallback<double>((_, _, _, _) => throw new InvalidOperationException("listener broke on a duration"));
        _measurements.Start();
    }

    public void Dispose()
    {
        _spans.Dispose();
        _measurements.Dispose();
        _antom.Dispose();
    }

    [Fact]
    public async Task Calls_and_ledger_updates_keep_their_outcomes_when_every_listener_throws()
    {
        var capture = new CaptureRequest { CaptureRequestId = "cap-t", PaymentId = "pay-t", CaptureAmount = Money.FromMinorUnits(6_000, "BRL") };
        AntomClient client = _antom.Client((_, _) => _antom.Answer("""{"result":{"resultCode":"CAPTURE_IN_PROCESS","resultStatus":"U"},"captureRequestId":"cap-t","paymentId":"pay-t"}"""));
        Assert.Equal(ResultStatus.Unknown, (await client.CaptureAsync(capture)).Result.ResultStatus);

        AntomClient broken = _antom.Client((_, _) => new System.Net.Http.HttpResponseMessage(System.Net.HttpStatusCode.BadGateway));
        Assert.Equal(NoVerifiedAnswerReason.HttpStatus, (await Assert.ThrowsAsync<AntomOutcomeUnknownException>(() => broken.CaptureAsync(capture))).Reason);

        var store = new InMemoryAuthorizationLedgerStore();
        await store.TryCreateAsync(AuthorizationLedger.Open(new AuthorizationTerms("pay-t", Money.FromMinorUnits(10_000, "BRL"), DateTimeOffset.UtcNow)));
        AuthorizationLedger reserved = await store.UpdateAsync("pay-t", ledger => ledger.Reserve(capture, DateTimeOffset.UtcNow));
        Assert.Equal(6_000, reserved.CapturesHeld.MinorUnits);
    }
}
