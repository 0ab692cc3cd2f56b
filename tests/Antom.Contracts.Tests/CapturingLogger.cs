using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace Antom.Contracts.Tests;

/// <summary>An <see cref="ILogger"/> that keeps every record: level, event id, message and structured values.</summary>
internal sealed class CapturingLogger : ILogger
{
    private readonly List<Record> _records = [];

    public IReadOnlyList<Record> Records
    {
        get
        {
            lock (_records)
            {
                return _records.ToArray();
            }
        }
    }

    /// <summary>Everything recorded, as text: every message and every structured value.</summary>
    public string AllText => string.Join("\n", Records.Select(r => r.Message + "\n" + string.Join("\n", r.Values.Select(v => v.Key + "=" + v.Value))));

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
        lock (_records)
        {
            _records.Add(new Record(logLevel, eventId.Id, formatter(state, exception), values.ToDictionary(v => v.Key, v => v.Value)));
        }
    }

    public sealed record Record(LogLevel Level, int EventId, string Message, IReadOnlyDictionary<string, object?> Values);
}
