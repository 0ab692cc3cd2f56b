using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Antom.Contracts.Http;
using Antom.Contracts.Signatures;
using Xunit;

namespace Antom.Contracts.Tests;

/// <summary>
/// The fault matrix of <see cref="AntomClientTests"/> for pay, cancel, refund and updateAmount: each test is one row,
/// each API one case of it. After a state-changing request may have left the process the caller sees a verified answer
/// that belongs to the request, or <see cref="AntomOutcomeUnknownException"/> with a reason, never anything else.
/// </summary>
public sealed class LifecycleClientTests : IDisposable
{
    private static readonly PayRequest Pay = AntomJson.Deserialize<PayRequest>("""
        {"productCode":"CASHIER_PAYMENT","paymentRequestId":"pay-req-1","paymentAmount":{"value":"4200","currency":"BRL"},
         "paymentMethod":{"paymentMethodType":"CARD","paymentMethodMetaData":{"cardNo":"0255187751531899","cvv":"712","expiryMonth":"06","expiryYear":"28","tokenize":false,"cardholderName":{"firstName":"Alan","lastName":"Wallex"}}},
         "order":{"referenceOrderId":"order-1","orderDescription":"antom testing order","orderAmount":{"value":"4200","currency":"BRL"},"buyer":{"referenceBuyerId":"buyer-1"}},
         "env":{"terminalType":"WEB","clientIp":"1.2.3.4"},"paymentFactor":{"isAuthorization":true,"captureMode":"MANUAL"},
         "paymentRedirectUrl":"https://shop.example/return"}
        """);

    private static readonly CancelRequest Cancel = new() { PaymentId = "pay-1", PaymentRequestId = "pay-req-1" };

    private static readonly RefundRequest Refund = new() { RefundRequestId = "ref-req-1", PaymentId = "pay-1", RefundAmount = Money.FromMinorUnits(1_000, "BRL") };

    private static readonly UpdateAmountRequest Update = new() { UpdateRequestId = "upd-1", PaymentId = "pay-1", Amount = Money.FromMinorUnits(5_000, "BRL") };

    private static readonly Dictionary<string, Lifecycle> Apis = new()
    {
        ["pay"] = new(
            "pay", AntomApiPath.Pay, "paymentRequestId", "pay-req-1", "resolve it with notifyPayment or inquiryPayment by paymentRequestId, never by a pay under a new paymentRequestId",
            Pay, Pay with { PaymentRequestId = new string('p', 65) }, AntomJson.SerializeToUtf8Bytes(Pay), AntomJson.Deserialize<PayResponse>,
            async (client, request, ct) => Result(await client.PayAsync((PayRequest)request, ct)),
            Success: """{"result":{"resultCode":"SUCCESS","resultStatus":"S","resultMessage":"success"},"paymentRequestId":"pay-req-1","paymentId":"pay-1","paymentAmount":{"currency":"BRL","value":"4200"},"authExpiryTime":"2026-09-08T12:00:00+08:00"}""",
            Failure: """{"result":{"resultCode":"RISK_REJECT","resultStatus":"F","resultMessage":"risk"}}""",
            Unknown: """{"result":{"resultCode":"PAYMENT_IN_PROCESS","resultStatus":"U"},"paymentRequestId":"pay-req-1","paymentId":"pay-1","normalUrl":"https://3ds.example/challenge"}""",
            BoundFailure: """{"result":{"resultCode":"RISK_REJECT","resultStatus":"F"},"paymentRequestId":"pay-req-1"}"""),
        ["cancel"] = new(
            "cancel", AntomApiPath.Cancel, "paymentRequestId", "pay-req-1", "resolve it with a retry of this cancel with the same paymentId and paymentRequestId",
            Cancel, new CancelRequest { MerchantAccountId = "m-1" }, AntomJson.SerializeToUtf8Bytes(Cancel), AntomJson.Deserialize<CancelResponse>,
            async (client, request, ct) => Result(await client.CancelAsync((CancelRequest)request, ct)),
            Success: """{"result":{"resultCode":"SUCCESS","resultStatus":"S","resultMessage":"success"},"paymentId":"pay-1","paymentRequestId":"pay-req-1","cancelTime":"2026-09-01T12:00:00+08:00"}""",
            Failure: """{"result":{"resultCode":"CANCEL_WINDOW_EXCEED","resultStatus":"F","resultMessage":"refund instead"}}""",
            Unknown: """{"result":{"resultCode":"UNKNOWN_EXCEPTION","resultStatus":"U"}}""",
            BoundFailure: """{"result":{"resultCode":"PROCESS_FAIL","resultStatus":"F"},"paymentId":"pay-1"}"""),
        ["refund"] = new(
            "refund", AntomApiPath.Refund, "refundRequestId", "ref-req-1", "resolve it with notifyRefund or inquiryRefund by refundRequestId",
            Refund, Refund with { RefundRequestId = new string('r', 65) }, AntomJson.SerializeToUtf8Bytes(Refund), AntomJson.Deserialize<RefundResponse>,
            async (client, request, ct) => Result(await client.RefundAsync((RefundRequest)request, ct)),
            Success: """{"result":{"resultCode":"SUCCESS","resultStatus":"S","resultMessage":"success"},"refundRequestId":"ref-req-1","refundId":"ref-1","paymentId":"pay-1","refundAmount":{"currency":"BRL","value":"1000"},"refundTime":"2026-09-01T12:00:00+08:00"}""",
            Failure: """{"result":{"resultCode":"REFUND_WINDOW_EXCEED","resultStatus":"F","resultMessage":"too late"}}""",
            Unknown: """{"result":{"resultCode":"REFUND_IN_PROCESS","resultStatus":"U"},"refundRequestId":"ref-req-1"}""",
            BoundFailure: """{"result":{"resultCode":"REFUND_WINDOW_EXCEED","resultStatus":"F"},"refundRequestId":"ref-req-1"}"""),
        ["updateAmount"] = new(
            "updateAmount", AntomApiPath.UpdateAmount, "updateRequestId", "upd-1", "resolve it with notifyPayment (notifyType UPDATE_AMOUNT_RESULT) or inquiryPayment",
            Update, Update with { UpdateRequestId = new string('u', 65) }, AntomJson.SerializeToUtf8Bytes(Update), AntomJson.Deserialize<UpdateAmountResponse>,
            async (client, request, ct) => Result(await client.UpdateAmountAsync((UpdateAmountRequest)request, ct)),
            Success: """{"result":{"resultCode":"SUCCESS","resultStatus":"S","resultMessage":"success"},"updateRequestId":"upd-1","paymentId":"pay-1","amount":{"currency":"BRL","value":"5000"}}""",
            Failure: """{"result":{"resultCode":"INCREMENTAL_NOT_SUPPORT","resultStatus":"F","resultMessage":"no"}}""",
            Unknown: """{"result":{"resultCode":"UNKNOWN_EXCEPTION","resultStatus":"U"}}""",
            BoundFailure: """{"result":{"resultCode":"INCREMENTAL_NOT_SUPPORT","resultStatus":"F"},"updateRequestId":"upd-1","paymentId":"pay-1"}"""),
    };

    private readonly SignedAntomFake _antom = new();

    private static readonly string[] Names = ["pay", "cancel", "refund", "updateAmount"];

    private static readonly Func<HttpRequestMessage, CancellationToken, HttpResponseMessage> Never = (_, _) => throw new InvalidOperationException("must not be called");

    public static TheoryData<string> ApiNames => new(Names);

    public static TheoryData<string, string> ApisAndStatuses
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (string api in Names)
            {
                data.Add(api, "S");
                data.Add(api, "F");
                data.Add(api, "U");
            }

            return data;
        }
    }

    public static TheoryData<string, HttpStatusCode> ApisAndHttpStatuses
    {
        get
        {
            var data = new TheoryData<string, HttpStatusCode>();
            foreach (string api in Names)
            {
                data.Add(api, HttpStatusCode.BadGateway);
                data.Add(api, HttpStatusCode.GatewayTimeout);
                data.Add(api, HttpStatusCode.InternalServerError);
            }

            return data;
        }
    }

    public static TheoryData<string, bool> ApisAndLengthDeclared
    {
        get
        {
            var data = new TheoryData<string, bool>();
            foreach (string api in Names)
            {
                data.Add(api, true);
                data.Add(api, false);
            }

            return data;
        }
    }

    // Each a signed, contract-valid answer that is not this request's: the field named is the one that gives it away.
    public static TheoryData<string, string, string> AnswersForAnotherRequest => new()
    {
        { "pay", """{"result":{"resultCode":"SUCCESS","resultStatus":"S"},"paymentRequestId":"pay-req-OTHER","paymentId":"pay-1","paymentAmount":{"currency":"BRL","value":"4200"}}""", "paymentRequestId" },
        { "pay", """{"result":{"resultCode":"SUCCESS","resultStatus":"S"},"paymentRequestId":"pay-req-1","paymentId":"pay-1","paymentAmount":{"currency":"BRL","value":"4201"}}""", "paymentAmount" },
        { "pay", """{"result":{"resultCode":"SUCCESS","resultStatus":"S"},"paymentRequestId":"pay-req-1","paymentId":"pay-1","paymentAmount":{"currency":"USD","value":"4200"}}""", "paymentAmount" },
        { "pay", """{"result":{"resultCode":"SUCCESS","resultStatus":"S"},"paymentRequestId":"pay-req-1","paymentAmount":{"currency":"BRL","value":"4200"}}""", "paymentId" },
        { "pay", """{"result":{"resultCode":"SUCCESS","resultStatus":"S"},"paymentId":"pay-1"}""", "paymentRequestId" },
        { "pay", """{"result":{"resultCode":"PAYMENT_IN_PROCESS","resultStatus":"U"},"paymentRequestId":"pay-req-OTHER","paymentId":"pay-9"}""", "paymentRequestId" },
        { "pay", """{"result":{"resultCode":"RISK_REJECT","resultStatus":"F"},"paymentRequestId":"pay-req-OTHER"}""", "paymentRequestId" },
        { "pay", """{"result":{"resultCode":"RISK_REJECT","resultStatus":"F"},"paymentAmount":{"currency":"BRL","value":"100"}}""", "paymentAmount" },
        { "cancel", """{"result":{"resultCode":"SUCCESS","resultStatus":"S"},"paymentId":"pay-OTHER","paymentRequestId":"pay-req-1"}""", "paymentId" },
        { "cancel", """{"result":{"resultCode":"SUCCESS","resultStatus":"S"},"paymentId":"pay-1","paymentRequestId":"pay-req-OTHER"}""", "paymentRequestId" },
        { "cancel", """{"result":{"resultCode":"SUCCESS","resultStatus":"S"},"paymentRequestId":"pay-req-1"}""", "paymentId" },
        { "cancel", """{"result":{"resultCode":"SUCCESS","resultStatus":"S"}}""", "paymentId" },
        { "cancel", """{"result":{"resultCode":"PROCESS_FAIL","resultStatus":"F"},"paymentId":"pay-OTHER"}""", "paymentId" },
        { "cancel", """{"result":{"resultCode":"UNKNOWN_EXCEPTION","resultStatus":"U"},"paymentRequestId":"pay-req-OTHER"}""", "paymentRequestId" },
        { "refund", """{"result":{"resultCode":"SUCCESS","resultStatus":"S"},"refundRequestId":"ref-req-OTHER","refundId":"ref-1","paymentId":"pay-1","refundAmount":{"currency":"BRL","value":"1000"}}""", "refundRequestId" },
        { "refund", """{"result":{"resultCode":"SUCCESS","resultStatus":"S"},"refundRequestId":"ref-req-1","refundId":"ref-1","paymentId":"pay-OTHER","refundAmount":{"currency":"BRL","value":"1000"}}""", "paymentId" },
        { "refund", """{"result":{"resultCode":"SUCCESS","resultStatus":"S"},"refundRequestId":"ref-req-1","refundId":"ref-1","paymentId":"pay-1","refundAmount":{"currency":"BRL","value":"100000"}}""", "refundAmount" },
        { "refund", """{"result":{"resultCode":"SUCCESS","resultStatus":"S"},"refundRequestId":"ref-req-1","paymentId":"pay-1","refundAmount":{"currency":"BRL","value":"1000"}}""", "refundId" },
        { "refund", """{"result":{"resultCode":"SUCCESS","resultStatus":"S"},"refundId":"ref-1"}""", "refundRequestId" },
        { "refund", """{"result":{"resultCode":"REFUND_IN_PROCESS","resultStatus":"U"},"refundRequestId":"ref-req-1","paymentId":"pay-OTHER"}""", "paymentId" },
        { "refund", """{"result":{"resultCode":"REFUND_WINDOW_EXCEED","resultStatus":"F"},"refundRequestId":"ref-req-OTHER"}""", "refundRequestId" },
        { "updateAmount", """{"result":{"resultCode":"SUCCESS","resultStatus":"S"},"updateRequestId":"upd-OTHER","paymentId":"pay-1","amount":{"currency":"BRL","value":"5000"}}""", "updateRequestId" },
        { "updateAmount", """{"result":{"resultCode":"SUCCESS","resultStatus":"S"},"updateRequestId":"upd-1","paymentId":"pay-OTHER","amount":{"currency":"BRL","value":"5000"}}""", "paymentId" },
        { "updateAmount", """{"result":{"resultCode":"SUCCESS","resultStatus":"S"},"updateRequestId":"upd-1","paymentId":"pay-1","amount":{"currency":"BRL","value":"9000"}}""", "amount" },
        { "updateAmount", """{"result":{"resultCode":"SUCCESS","resultStatus":"S"},"updateRequestId":"upd-1","paymentId":"pay-1"}""", "amount" },
        { "updateAmount", """{"result":{"resultCode":"SUCCESS","resultStatus":"S"},"updateRequestId":"upd-1","amount":{"currency":"BRL","value":"5000"}}""", "paymentId" },
        { "updateAmount", """{"result":{"resultCode":"INCREMENTAL_NOT_SUPPORT","resultStatus":"F"},"updateRequestId":"upd-OTHER"}""", "updateRequestId" },
        { "updateAmount", """{"result":{"resultCode":"UNKNOWN_EXCEPTION","resultStatus":"U"},"amount":{"currency":"BRL","value":"4000"}}""", "amount" },
    };

    public void Dispose() => _antom.Dispose();

    [Theory]
    [MemberData(nameof(ApisAndStatuses))]
    public async Task A_verified_answer_that_belongs_to_the_request_is_returned_as_it_is_S_F_or_U(string name, string status)
    {
        Lifecycle api = Apis[name];
        string json = status switch { "S" => api.Success, "F" => api.Failure, _ => api.Unknown };
        AntomClient client = _antom.Client((_, _) => _antom.Answer(json));

        (object response, AntomResult result) = await api.Send(client, api.Request, CancellationToken.None);

        Assert.Equal(status switch { "S" => ResultStatus.Success, "F" => ResultStatus.Failure, _ => ResultStatus.Unknown }, result.ResultStatus);
        Assert.Equal(api.Parse(json), response); // the whole typed answer, as Antom signed it
        (string path, byte[] body) = Assert.Single(_antom.Requests);
        Assert.Equal(api.LivePath, path);
        Assert.Equal(api.Body, body); // exactly the request's contract bytes, signed as they are
    }

    [Theory]
    [MemberData(nameof(ApiNames))]
    public async Task A_failure_that_echoes_this_requests_id_is_believed_whatever_its_age(string name)
    {
        Lifecycle api = Apis[name];
        AntomClient client = _antom.Client((_, _) => _antom.Answer(api.BoundFailure, responseTime: SignedAntomFake.At(DateTimeOffset.UtcNow.AddHours(-2))));
        Assert.Equal(ResultStatus.Failure, (await api.Send(client, api.Request, CancellationToken.None)).Result.ResultStatus);
    }

    [Theory]
    [MemberData(nameof(ApiNames))]
    public async Task A_sandbox_client_calls_the_sandbox_path(string name)
    {
        Lifecycle api = Apis[name];
        AntomClient client = _antom.Client((_, _) => _antom.Answer(api.Unknown), clientId: "SANDBOX_TEST");
        Assert.Equal(ResultStatus.Unknown, (await api.Send(client, api.Request, CancellationToken.None)).Result.ResultStatus);
        Assert.Equal(AntomApiPath.For("SANDBOX_TEST", api.LivePath), Assert.Single(_antom.Requests).Path);
        Assert.StartsWith("/ams/sandbox/api/", Assert.Single(_antom.Requests).Path, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ApisAndHttpStatuses))]
    public async Task Any_status_but_200_after_sending_is_outcome_unknown_never_a_failure(string name, HttpStatusCode status)
    {
        Lifecycle api = Apis[name];
        AntomClient client = _antom.Client((_, _) => new HttpResponseMessage(status) { Content = new StringContent("upstream") });

        AntomOutcomeUnknownException e = await OutcomeUnknown(api, client);

        Assert.Equal(NoVerifiedAnswerReason.HttpStatus, e.Reason);
        Assert.Equal(status, e.StatusCode);
    }

    [Theory]
    [MemberData(nameof(ApiNames))]
    public async Task A_dropped_connection_is_outcome_unknown(string name)
    {
        Lifecycle api = Apis[name];
        Func<HttpRequestMessage, CancellationToken, HttpResponseMessage> reset = (_, _) => throw new HttpRequestException("connection reset", new System.IO.IOException("reset"));
        AntomClient client = _antom.Client(reset);

        AntomOutcomeUnknownException e = await OutcomeUnknown(api, client);

        Assert.Equal(NoVerifiedAnswerReason.ConnectionFailed, e.Reason);
        Assert.IsType<HttpRequestException>(e.InnerException);
    }

    [Theory]
    [MemberData(nameof(ApiNames))]
    public async Task A_body_cut_off_halfway_is_outcome_unknown(string name)
    {
        Lifecycle api = Apis[name];
        AntomClient client = _antom.Client((_, _) => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new SignedAntomFake.FailingStream(100)) });
        Assert.Equal(NoVerifiedAnswerReason.ConnectionFailed, (await OutcomeUnknown(api, client)).Reason);
    }

    [Theory]
    [MemberData(nameof(ApiNames))]
    public async Task A_timeout_is_outcome_unknown_never_a_failure(string name)
    {
        Lifecycle api = Apis[name];
        AntomClient client = _antom.Client(
            async (_, ct) =>
            {
                await Task.Delay(TimeSpan.FromSeconds(10), ct);
                return _antom.Answer(api.Failure);
            },
            callTimeout: TimeSpan.FromMilliseconds(200));

        AntomOutcomeUnknownException e = await OutcomeUnknown(api, client);

        Assert.Equal(NoVerifiedAnswerReason.Timeout, e.Reason);
    }

    [Theory]
    [MemberData(nameof(ApiNames))]
    public async Task The_callers_cancellation_after_sending_is_outcome_unknown(string name)
    {
        Lifecycle api = Apis[name];
        using var cts = new CancellationTokenSource();
        AntomClient client = _antom.Client(async (_, ct) =>
        {
            await cts.CancelAsync(); // the request has arrived: now the caller gives up
            await Task.Delay(TimeSpan.FromSeconds(10), ct);
            return _antom.Answer(api.Failure);
        });

        AntomOutcomeUnknownException e = await OutcomeUnknown(api, client, cts.Token);

        Assert.Equal(NoVerifiedAnswerReason.Cancelled, e.Reason);
        Assert.IsAssignableFrom<OperationCanceledException>(e.InnerException);
    }

    [Theory]
    [MemberData(nameof(ApiNames))]
    public async Task A_cancellation_before_sending_is_plain_and_nothing_is_sent(string name)
    {
        Lifecycle api = Apis[name];
        AntomClient client = _antom.Client(Never);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => api.Send(client, api.Request, new CancellationToken(canceled: true)));

        Assert.Empty(_antom.Requests);
    }

    [Theory]
    [MemberData(nameof(ApiNames))]
    public async Task An_invalid_request_is_refused_before_anything_is_sent(string name)
    {
        Lifecycle api = Apis[name];
        AntomClient client = _antom.Client(Never);

        AntomPayloadException e = await Assert.ThrowsAsync<AntomPayloadException>(() => api.Send(client, api.InvalidRequest, CancellationToken.None));

        Assert.Contains(name == "cancel" ? "paymentId" : api.KeyName, e.Path, StringComparison.Ordinal);
        Assert.Empty(_antom.Requests);
    }

    [Theory]
    [MemberData(nameof(ApiNames))]
    public async Task An_unsigned_answer_is_outcome_unknown_whatever_it_says(string name)
    {
        // Believing an unsigned F would invite a second pay, refund or update under a new id.
        Lifecycle api = Apis[name];
        foreach (string json in new[] { api.Success, api.Failure, api.Unknown })
        {
            AntomClient client = _antom.Client((_, _) => _antom.Answer(json, sign: false));
            Assert.Equal(NoVerifiedAnswerReason.SignatureMissing, (await OutcomeUnknown(api, client)).Reason);
        }
    }

    [Theory]
    [MemberData(nameof(ApiNames))]
    public async Task A_tampered_answer_is_outcome_unknown_with_the_signature_reason(string name)
    {
        Lifecycle api = Apis[name];
        AntomClient client = _antom.Client((_, _) => _antom.Answer(api.Failure, tamper: true));
        Assert.Equal(NoVerifiedAnswerReason.SignatureInvalid, (await OutcomeUnknown(api, client)).Reason);
    }

    [Theory]
    [MemberData(nameof(ApiNames))]
    public async Task An_answer_with_two_signature_headers_is_not_believed(string name)
    {
        Lifecycle api = Apis[name];
        AntomClient client = _antom.Client((_, _) =>
        {
            HttpResponseMessage answer = _antom.Answer(api.Success);
            answer.Headers.TryAddWithoutValidation("signature", "algorithm=RSA256,keyVersion=1,signature=AAAA");
            return answer;
        });

        Assert.Equal(NoVerifiedAnswerReason.SignatureInvalid, (await OutcomeUnknown(api, client)).Reason);
    }

    [Theory]
    [MemberData(nameof(ApisAndLengthDeclared))]
    public async Task An_oversized_answer_is_outcome_unknown_and_never_buffered_whole(string name, bool declaresLength)
    {
        Lifecycle api = Apis[name];
        var stream = new SignedAntomFake.CountingStream(5 * 1024 * 1024);
        AntomClient client = _antom.Client((_, _) =>
        {
            var content = new StreamContent(stream);
            content.Headers.ContentLength = declaresLength ? stream.Length : null;
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        });

        AntomOutcomeUnknownException e = await OutcomeUnknown(api, client);

        Assert.Equal(NoVerifiedAnswerReason.BodyTooLarge, e.Reason);
        Assert.True(stream.Served <= AntomClientOptions.DefaultMaxResponseBytes + 1, $"read {stream.Served} bytes");
        Assert.True(stream.Disposed, "the answer was not disposed");
    }

    [Theory]
    [MemberData(nameof(ApiNames))]
    public async Task A_signed_answer_that_breaks_its_contract_is_outcome_unknown_not_a_payload_error(string name)
    {
        Lifecycle api = Apis[name];
        string broken = api.Success.Replace("\"resultMessage\":\"success\"", "\"resultMessage\":\"" + new string('m', 300) + "\"", StringComparison.Ordinal);
        Assert.NotEqual(api.Success, broken);
        AntomClient client = _antom.Client((_, _) => _antom.Answer(broken));

        AntomOutcomeUnknownException e = await OutcomeUnknown(api, client);

        Assert.Equal(NoVerifiedAnswerReason.InvalidResponse, e.Reason);
        Assert.Equal("$.result.resultMessage", Assert.IsType<AntomPayloadException>(e.InnerException).Path);
        Assert.Single(_antom.Requests); // it was sent: not the "invalid request, nothing sent" error
    }

    [Theory]
    [MemberData(nameof(AnswersForAnotherRequest))]
    public async Task A_signed_answer_that_belongs_to_another_request_is_outcome_unknown(string name, string json, string field)
    {
        Lifecycle api = Apis[name];
        AntomClient client = _antom.Client((_, _) => _antom.Answer(json));

        AntomOutcomeUnknownException e = await OutcomeUnknown(api, client);

        Assert.Equal(NoVerifiedAnswerReason.NotThisRequest, e.Reason);
        string why = e.Message[e.Message.IndexOf('(', StringComparison.Ordinal)..e.Message.IndexOf("). The ", StringComparison.Ordinal)];
        Assert.Contains(field, why, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ApiNames))]
    public async Task A_failure_that_echoes_no_id_is_believed_only_when_its_signed_time_is_fresh(string name)
    {
        Lifecycle api = Apis[name];
        AntomClient replayed = _antom.Client((_, _) => _antom.Answer(api.Failure, responseTime: SignedAntomFake.At(DateTimeOffset.UtcNow.AddHours(-2))));
        AntomOutcomeUnknownException e = await OutcomeUnknown(api, replayed);
        Assert.Equal(NoVerifiedAnswerReason.NotThisRequest, e.Reason);
        Assert.Contains("must be fresh", e.Message, StringComparison.Ordinal);

        AntomClient fresh = _antom.Client((_, _) => _antom.Answer(api.Failure));
        Assert.Equal(ResultStatus.Failure, (await api.Send(fresh, api.Request, CancellationToken.None)).Result.ResultStatus);
    }

    [Theory]
    [MemberData(nameof(ApiNames))]
    public async Task Any_other_exception_after_sending_is_outcome_unknown_with_the_original_inside(string name)
    {
        Lifecycle api = Apis[name];
        AntomClient client = _antom.Client(async (_, _) =>
        {
            await Task.Yield();
            throw new NotSupportedException("a pipeline handler gave up");
        });

        AntomOutcomeUnknownException e = await OutcomeUnknown(api, client);

        Assert.Equal(NoVerifiedAnswerReason.UnexpectedError, e.Reason);
        Assert.IsType<NotSupportedException>(e.InnerException);
    }

    [Fact]
    public async Task A_cancel_naming_only_the_paymentId_is_keyed_and_bound_by_it()
    {
        var byPaymentId = new CancelRequest { PaymentId = "pay-1" };

        // The S may carry the paymentRequestId Antom knows the payment by: there was none sent to compare it with.
        AntomClient client = _antom.Client((_, _) => _antom.Answer("""{"result":{"resultCode":"SUCCESS","resultStatus":"S"},"paymentId":"pay-1","paymentRequestId":"pay-req-7"}"""));
        Assert.Equal(ResultStatus.Success, (await client.CancelAsync(byPaymentId)).Result.ResultStatus);
        Assert.Equal("""{"paymentId":"pay-1"}""", System.Text.Encoding.UTF8.GetString(_antom.Requests[^1].Body));

        AntomClient other = _antom.Client((_, _) => _antom.Answer("""{"result":{"resultCode":"SUCCESS","resultStatus":"S"},"paymentId":"pay-2","paymentRequestId":"pay-req-7"}"""));
        AntomOutcomeUnknownException e = await Assert.ThrowsAsync<AntomOutcomeUnknownException>(() => other.CancelAsync(byPaymentId));
        Assert.Equal(NoVerifiedAnswerReason.NotThisRequest, e.Reason);
        Assert.Equal("paymentId", e.IdempotencyKeyName);
        Assert.Equal("pay-1", e.IdempotencyKey);
        Assert.Same(byPaymentId, e.Request);
    }

    [Fact]
    public async Task A_cancel_failure_echoing_only_an_id_the_cancel_did_not_name_must_be_fresh()
    {
        // By paymentId only: an F that carries just some paymentRequestId is tied to nothing this cancel sent.
        var byPaymentId = new CancelRequest { PaymentId = "pay-1" };
        const string failure = """{"result":{"resultCode":"PROCESS_FAIL","resultStatus":"F"},"paymentRequestId":"pay-req-7"}""";

        AntomClient replayed = _antom.Client((_, _) => _antom.Answer(failure, responseTime: SignedAntomFake.At(DateTimeOffset.UtcNow.AddHours(-2))));
        AntomOutcomeUnknownException e = await Assert.ThrowsAsync<AntomOutcomeUnknownException>(() => replayed.CancelAsync(byPaymentId));
        Assert.Equal(NoVerifiedAnswerReason.NotThisRequest, e.Reason);
        Assert.Contains("must be fresh", e.Message, StringComparison.Ordinal);

        AntomClient fresh = _antom.Client((_, _) => _antom.Answer(failure));
        Assert.Equal(ResultStatus.Failure, (await fresh.CancelAsync(byPaymentId)).Result.ResultStatus);
    }

    [Fact]
    public async Task A_cancel_naming_only_the_paymentRequestId_needs_its_echo_on_success()
    {
        var byRequestId = new CancelRequest { PaymentRequestId = "pay-req-1" };

        AntomClient client = _antom.Client((_, _) => _antom.Answer("""{"result":{"resultCode":"SUCCESS","resultStatus":"S"},"paymentId":"pay-1","paymentRequestId":"pay-req-1"}"""));
        Assert.Equal(ResultStatus.Success, (await client.CancelAsync(byRequestId)).Result.ResultStatus);

        AntomClient silent = _antom.Client((_, _) => _antom.Answer("""{"result":{"resultCode":"SUCCESS","resultStatus":"S"},"paymentId":"pay-1"}"""));
        AntomOutcomeUnknownException e = await Assert.ThrowsAsync<AntomOutcomeUnknownException>(() => silent.CancelAsync(byRequestId));
        Assert.Equal(NoVerifiedAnswerReason.NotThisRequest, e.Reason);
        Assert.Contains("paymentRequestId", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pay_that_gets_no_answer_says_never_to_pay_again_under_a_new_id()
    {
        AntomClient client = _antom.Client((_, _) => new HttpResponseMessage(HttpStatusCode.BadGateway));
        AntomOutcomeUnknownException e = await Assert.ThrowsAsync<AntomOutcomeUnknownException>(() => client.PayAsync(Pay));
        Assert.Contains("The pay may have happened: resolve it with notifyPayment or inquiryPayment by paymentRequestId, never by a pay under a new paymentRequestId; retry only with the same paymentRequestId.", e.Message, StringComparison.Ordinal);
    }

    private static async Task<AntomOutcomeUnknownException> OutcomeUnknown(Lifecycle api, AntomClient client, CancellationToken cancellationToken = default)
    {
        AntomOutcomeUnknownException e = await Assert.ThrowsAsync<AntomOutcomeUnknownException>(() => api.Send(client, api.Request, cancellationToken));
        AssertTellsWhatToDo(e, api);
        return e;
    }

    // Every outcome-unknown names the API, the idempotency key and the request to retry with, and what to do next.
    private static void AssertTellsWhatToDo(AntomOutcomeUnknownException e, Lifecycle api)
    {
        Assert.Equal(api.Api, e.Api);
        Assert.Equal(api.KeyName, e.IdempotencyKeyName);
        Assert.Equal(api.Key, e.IdempotencyKey);
        Assert.Same(api.Request, e.Request);
        Assert.Contains($"The {api.Api} may have happened: {api.ResolveWith}", e.Message, StringComparison.Ordinal);
        Assert.Contains($"retry only with the same {api.KeyName}.", e.Message, StringComparison.Ordinal);
    }

    private static (object, AntomResult) Result(PayResponse response) => (response, response.Result);

    private static (object, AntomResult) Result(CancelResponse response) => (response, response.Result);

    private static (object, AntomResult) Result(RefundResponse response) => (response, response.Result);

    private static (object, AntomResult) Result(UpdateAmountResponse response) => (response, response.Result);

    /// <summary>One state-changing API: its request (valid and invalid), the bytes it must go out as, and answers that belong to it.</summary>
    private sealed record Lifecycle(
        string Api,
        string LivePath,
        string KeyName,
        string Key,
        string ResolveWith,
        object Request,
        object InvalidRequest,
        byte[] Body,
        Func<string, object> Parse,
        Func<AntomClient, object, CancellationToken, Task<(object Response, AntomResult Result)>> Send,
        string Success,
        string Failure,
        string Unknown,
        string BoundFailure);
}
