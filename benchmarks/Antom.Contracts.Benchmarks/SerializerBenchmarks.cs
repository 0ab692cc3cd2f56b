using System;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Newtonsoft.Json.Serialization;

namespace Antom.Contracts.Benchmarks;

public enum Payload
{
    CaptureRequest,
    Notification,
    Inquiry1,
    Inquiry5,
    Inquiry20,
}

/// <summary>Read a payload from UTF-8 bytes into objects.</summary>
[MemoryDiagnoser]
public class ReadBenchmarks
{
    private static readonly JsonSerializerOptions Reflection = new(JsonSerializerDefaults.Web) { TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver() };
    private static readonly global::Newtonsoft.Json.JsonSerializerSettings NewtonsoftSettings = new() { ContractResolver = new CamelCasePropertyNamesContractResolver(), DateParseHandling = global::Newtonsoft.Json.DateParseHandling.DateTimeOffset };

    private byte[] _json = [];
    private string _text = "";

    [Params(Payload.CaptureRequest, Payload.Notification, Payload.Inquiry1, Payload.Inquiry5, Payload.Inquiry20)]
    public Payload Payload { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _json = Bytes(Payload);
        _text = System.Text.Encoding.UTF8.GetString(_json);
    }

    [Benchmark(Description = "Antom.Contracts (validating)")]
    public object Ours() => Payload switch
    {
        Payload.CaptureRequest => AntomJson.Deserialize<CaptureRequest>(_json),
        Payload.Notification => AntomJson.Deserialize<CaptureResultNotification>(_json),
        _ => AntomJson.Deserialize<InquiryPaymentResponse>(_json),
    };

    [Benchmark(Baseline = true, Description = "STJ source-gen")]
    public object StjSourceGen() => Payload switch
    {
        Payload.CaptureRequest => JsonSerializer.Deserialize(_json, DtoContext.Default.CaptureRequestDto)!,
        Payload.Notification => JsonSerializer.Deserialize(_json, DtoContext.Default.CaptureNotificationDto)!,
        _ => JsonSerializer.Deserialize(_json, DtoContext.Default.InquiryDto)!,
    };

    [Benchmark(Description = "STJ reflection")]
    public object StjReflection() => Payload switch
    {
        Payload.CaptureRequest => JsonSerializer.Deserialize<CaptureRequestDto>(_json, Reflection)!,
        Payload.Notification => JsonSerializer.Deserialize<CaptureNotificationDto>(_json, Reflection)!,
        _ => JsonSerializer.Deserialize<InquiryDto>(_json, Reflection)!,
    };

    [Benchmark(Description = "Newtonsoft.Json")]
    public object NewtonsoftJson() => Payload switch
    {
        // Newtonsoft reads text; decoding the bytes is part of its cost, as it is for a caller holding bytes.
        Payload.CaptureRequest => global::Newtonsoft.Json.JsonConvert.DeserializeObject<CaptureRequestDto>(System.Text.Encoding.UTF8.GetString(_json), NewtonsoftSettings)!,
        Payload.Notification => global::Newtonsoft.Json.JsonConvert.DeserializeObject<CaptureNotificationDto>(System.Text.Encoding.UTF8.GetString(_json), NewtonsoftSettings)!,
        _ => global::Newtonsoft.Json.JsonConvert.DeserializeObject<InquiryDto>(System.Text.Encoding.UTF8.GetString(_json), NewtonsoftSettings)!,
    };

    // The limit: every token of the same bytes read by a bare Utf8JsonReader, nothing materialised. The sum of the
    // token types and value lengths is returned so that the scan cannot be optimised away.
    [Benchmark(Description = "Utf8JsonReader token scan")]
    public long TokenScan()
    {
        var reader = new Utf8JsonReader(_json);
        long sum = 0;
        while (reader.Read())
        {
            sum += (int)reader.TokenType + reader.ValueSpan.Length;
        }

        return sum;
    }

    internal static byte[] Bytes(Payload payload) => payload switch
    {
        Payload.CaptureRequest => Payloads.CaptureRequest,
        Payload.Notification => Payloads.Notification,
        Payload.Inquiry1 => Payloads.Inquiry(1),
        Payload.Inquiry5 => Payloads.Inquiry(5),
        Payload.Inquiry20 => Payloads.Inquiry(20),
        _ => throw new ArgumentOutOfRangeException(nameof(payload)),
    };

    internal string Text => _text;
}

/// <summary>Write objects to UTF-8 bytes.</summary>
[MemoryDiagnoser]
public class WriteBenchmarks
{
    private static readonly JsonSerializerOptions Reflection = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull, TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver() };
    private static readonly global::Newtonsoft.Json.JsonSerializerSettings NewtonsoftSettings = new() { ContractResolver = new CamelCasePropertyNamesContractResolver(), NullValueHandling = global::Newtonsoft.Json.NullValueHandling.Ignore };

    private readonly System.Buffers.ArrayBufferWriter<byte> _buffer = new(64 * 1024);
    private Utf8JsonWriter _stjWriter = null!;
    private object _ours = null!;
    private object _dto = null!;

    [Params(Payload.CaptureRequest, Payload.Notification, Payload.Inquiry1, Payload.Inquiry5, Payload.Inquiry20)]
    public Payload Payload { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var reader = new ReadBenchmarks { Payload = Payload };
        reader.Setup();
        _ours = reader.Ours();
        _dto = reader.StjSourceGen();
        _stjWriter = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true });
    }

    [Benchmark(Description = "Antom.Contracts (validating)")]
    public byte[] Ours() => _ours switch
    {
        CaptureRequest c => AntomJson.SerializeToUtf8Bytes(c),
        CaptureResultNotification n => AntomJson.SerializeToUtf8Bytes(n),
        InquiryPaymentResponse i => AntomJson.SerializeToUtf8Bytes(i),
        _ => throw new InvalidOperationException(),
    };

    [Benchmark(Baseline = true, Description = "STJ source-gen (fast path)")]
    public byte[] StjSourceGen() => _dto switch
    {
        CaptureRequestDto c => JsonSerializer.SerializeToUtf8Bytes(c, DtoContext.Default.CaptureRequestDto),
        CaptureNotificationDto n => JsonSerializer.SerializeToUtf8Bytes(n, DtoContext.Default.CaptureNotificationDto),
        InquiryDto i => JsonSerializer.SerializeToUtf8Bytes(i, DtoContext.Default.InquiryDto),
        _ => throw new InvalidOperationException(),
    };

    [Benchmark(Description = "STJ reflection")]
    public byte[] StjReflection() => JsonSerializer.SerializeToUtf8Bytes(_dto, _dto.GetType(), Reflection);

    // Into a caller's buffer: a reused, pre-sized ArrayBufferWriter, so neither side allocates. STJ writes with the
    // source-gen type info through one reused Utf8JsonWriter, with the options its own fast path uses (no validation).
    [Benchmark(Description = "Antom.Contracts into IBufferWriter")]
    public int OursBufferWriter()
    {
        _buffer.ResetWrittenCount();
        switch (_ours)
        {
            case CaptureRequest c: AntomJson.Serialize(_buffer, c); break;
            case CaptureResultNotification n: AntomJson.Serialize(_buffer, n); break;
            case InquiryPaymentResponse i: AntomJson.Serialize(_buffer, i); break;
            default: throw new InvalidOperationException();
        }

        return _buffer.WrittenCount;
    }

    [Benchmark(Description = "STJ source-gen into IBufferWriter")]
    public int StjSourceGenBufferWriter()
    {
        _buffer.ResetWrittenCount();
        _stjWriter.Reset(_buffer);
        switch (_dto)
        {
            case CaptureRequestDto c: JsonSerializer.Serialize(_stjWriter, c, DtoContext.Default.CaptureRequestDto); break;
            case CaptureNotificationDto n: JsonSerializer.Serialize(_stjWriter, n, DtoContext.Default.CaptureNotificationDto); break;
            case InquiryDto i: JsonSerializer.Serialize(_stjWriter, i, DtoContext.Default.InquiryDto); break;
            default: throw new InvalidOperationException();
        }

        return _buffer.WrittenCount;
    }

    [Benchmark(Description = "Newtonsoft.Json")]
    public byte[] NewtonsoftJson() => System.Text.Encoding.UTF8.GetBytes(global::Newtonsoft.Json.JsonConvert.SerializeObject(_dto, NewtonsoftSettings));
}
