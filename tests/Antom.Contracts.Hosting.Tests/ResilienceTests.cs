using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Antom.Contracts.Http;
using Antom.Contracts.Simulator;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Antom.Contracts.Hosting.Tests;

/// <summary>
/// Each row: what the caller of a state-changing call sees through the resilience pipeline, how many attempts were
/// handed to the network and how many reached the server. Only attempts that failed while connecting are retried;
/// the two-outcome rule holds for everything that may have left.
/// </summary>
public class ResilienceTests
{
    private static readonly CaptureRequest Capture = new()
    {
        CaptureRequestId = "cap-1", PaymentId = "pay-1", CaptureAmount = Money.FromMajorUnits(60.00m, "BRL"), IsLastCapture = false,
    };

    [Fact]
    public async Task A_connection_refused_on_every_attempt_is_retried_and_then_not_sent()
    {
        var injector = new FaultInjector();
        using ServiceProvider services = Services(new Uri($"http://127.0.0.1:{HostTests.FreePort()}"), injector);

        var e = await Assert.ThrowsAsync<AntomRequestNotSentException>(() => Client(services).CaptureAsync(Capture));

        Assert.Equal(3, injector.Attempts); // the first and ConnectRetries (2) more, all refused by the OS
        Assert.Equal(HttpRequestError.ConnectionError, Assert.IsType<HttpRequestException>(e.InnerException).HttpRequestError);
    }

    [Fact]
    public async Task With_no_retries_a_refused_connection_is_one_attempt_and_not_sent()
    {
        var injector = new FaultInjector();
        using ServiceProvider services = Services(new Uri($"http://127.0.0.1:{HostTests.FreePort()}"), injector, ("ConnectRetries", "0"));
        await Assert.ThrowsAsync<AntomRequestNotSentException>(() => Client(services).CaptureAsync(Capture));
        Assert.Equal(1, injector.Attempts);
    }

    [Fact]
    public async Task A_connect_failure_then_success_is_one_capture_at_Antom_with_the_same_request()
    {
        await using AntomSimulator simulator = await Simulator();
        var injector = new FaultInjector(before: attempt => attempt == 1 ? FaultInjector.Refused() : null);
        using ServiceProvider services = Services(simulator.Endpoint, injector, ("AntomPublicKeys:0", simulator.AntomPublicKeyPem));

        CaptureResponse response = await Client(services).CaptureAsync(Capture);

        Assert.Equal(ResultStatus.Success, response.Result.ResultStatus);
        Assert.Equal("cap-1", response.CaptureRequestId);
        Assert.Equal(2, injector.Attempts);
        Assert.Single(simulator.Captures("pay-1"));
    }

    [Fact]
    public async Task A_signed_F_is_final_and_never_retried()
    {
        await using AntomSimulator simulator = await Simulator();
        var injector = new FaultInjector();
        using ServiceProvider services = Services(simulator.Endpoint, injector, ("AntomPublicKeys:0", simulator.AntomPublicKeyPem));

        CaptureResponse response = await Client(services).CaptureAsync(Capture with { PaymentId = "no-such-payment" });

        Assert.Equal(ResultStatus.Failure, response.Result.ResultStatus);
        Assert.Equal(1, injector.Attempts);
    }

    public static TheoryData<string, NoVerifiedAnswerReason> MayHaveLeft => new()
    {
        { "502", NoVerifiedAnswerReason.HttpStatus },
        { "drop", NoVerifiedAnswerReason.ConnectionFailed },
        { "hang", NoVerifiedAnswerReason.Timeout },
    };

    [Theory]
    [MemberData(nameof(MayHaveLeft))]
    public async Task A_failure_after_sending_is_outcome_unknown_and_reached_the_server_once(string fault, NoVerifiedAnswerReason reason)
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Behaviour(fault));
        var injector = new FaultInjector();
        using ServiceProvider services = Services(server.Endpoint, injector, ("Timeout", "00:00:01"));

        var e = await Assert.ThrowsAsync<AntomOutcomeUnknownException>(() => Client(services).CaptureAsync(Capture));

        Assert.Equal(reason, e.Reason);
        Assert.Equal("cap-1", e.IdempotencyKey);
        Assert.Equal(1, server.Hits);
        Assert.Equal(1, injector.Attempts);
    }

    [Fact]
    public async Task A_connection_lost_after_sending_is_outcome_unknown_and_not_retried()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Behaviour("502"));
        var injector = new FaultInjector(after: _ => new HttpRequestException(HttpRequestError.ResponseEnded, "lost (injected)"));
        using ServiceProvider services = Services(server.Endpoint, injector);

        var e = await Assert.ThrowsAsync<AntomOutcomeUnknownException>(() => Client(services).CaptureAsync(Capture));

        Assert.Equal(NoVerifiedAnswerReason.ConnectionFailed, e.Reason);
        Assert.Equal(1, server.Hits);
        Assert.Equal(1, injector.Attempts);
    }

    [Fact]
    public async Task The_deadline_passing_during_a_back_off_is_not_sent_never_a_Polly_exception()
    {
        var injector = new FaultInjector(before: _ => FaultInjector.Refused());
        using ServiceProvider services = Services(new Uri("http://127.0.0.1:9"), injector, ("Timeout", "00:00:00.300"), ("ConnectRetries", "5"));

        var e = await Assert.ThrowsAsync<AntomRequestNotSentException>(() => Client(services).CaptureAsync(Capture));

        Assert.IsAssignableFrom<OperationCanceledException>(e.InnerException);
        Assert.InRange(injector.Attempts, 1, 3);
    }

    [Fact]
    public async Task An_open_circuit_refuses_before_sending_and_says_not_sent()
    {
        await using LoopbackServer server = await LoopbackServer.StartAsync(Behaviour("502"));
        var injector = new FaultInjector();
        using ServiceProvider services = Services(server.Endpoint, injector, configure: builder => builder.ConfigureCircuitBreaker(o =>
        {
            o.MinimumThroughput = 2;
            o.FailureRatio = 0.5;
            o.SamplingDuration = TimeSpan.FromSeconds(30);
            o.BreakDuration = TimeSpan.FromSeconds(30);
        }));
        AntomClient client = Client(services);

        await Assert.ThrowsAsync<AntomOutcomeUnknownException>(() => client.CaptureAsync(Capture));
        await Assert.ThrowsAsync<AntomOutcomeUnknownException>(() => client.CaptureAsync(Capture));
        var e = await Assert.ThrowsAsync<AntomRequestNotSentException>(() => client.CaptureAsync(Capture));

        Assert.Contains("BrokenCircuitException", e.Message, StringComparison.Ordinal);
        Assert.Equal(2, server.Hits);
        Assert.Equal(2, injector.Attempts);
    }

    [Fact]
    public async Task The_poller_keeps_asking_through_unsent_inquiries_and_ends_outcome_unknown()
    {
        var injector = new FaultInjector();
        using ServiceProvider services = Services(new Uri($"http://127.0.0.1:{HostTests.FreePort()}"), injector, ("ConnectRetries", "0"));
        var polling = new PollingOptions(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(200));

        var e = await Assert.ThrowsAsync<AntomOutcomeUnknownException>(() => OperationPoller.ResolveCaptureAsync(Client(services), Capture, polling));

        Assert.Equal(NoVerifiedAnswerReason.StillUndecided, e.Reason);
        Assert.IsType<AntomRequestNotSentException>(e.InnerException);
        Assert.True(injector.Attempts > 1);
    }

    private static RequestDelegate Behaviour(string fault) => fault switch
    {
        "502" => context =>
        {
            context.Response.StatusCode = StatusCodes.Status502BadGateway;
            return Task.CompletedTask;
        },
        "drop" => async context =>
        {
            await context.Request.Body.CopyToAsync(System.IO.Stream.Null);
            context.Abort();
        },
        _ => async context => await Task.Delay(Timeout.Infinite, context.RequestAborted),
    };

    private static Task<AntomSimulator> Simulator() => AntomSimulator.StartAsync(new AntomSimulatorOptions
    {
        ClientId = TestKeys.ClientId,
        MerchantPublicKey = TestKeys.MerchantPublicPem,
    }).ContinueWith(t =>
    {
        t.Result.SeedPayment("pay-1", Money.FromMajorUnits(100.00m, "BRL"));
        return t.Result;
    }, TaskScheduler.Default);

    private static AntomClient Client(ServiceProvider services) => services.GetRequiredService<AntomClient>();

    private static ServiceProvider Services(Uri endpoint, FaultInjector injector, params (string Key, string? Value)[] changes)
        => Services(endpoint, injector, null, changes);

    private static ServiceProvider Services(Uri endpoint, FaultInjector injector, Action<AntomBuilder>? configure, params (string Key, string? Value)[] changes)
    {
        var services = new ServiceCollection();
        AntomBuilder builder = services.AddAntom(TestKeys.Section(endpoint.GetLeftPart(UriPartial.Authority), changes));
        configure?.Invoke(builder);

        // The typed client's name is its type's: this appends the injector after AddAntom's handlers, innermost.
        services.AddHttpClient(nameof(AntomClient)).AddHttpMessageHandler(() => injector);
        return services.BuildServiceProvider();
    }
}
