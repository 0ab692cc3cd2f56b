using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace Antom.Contracts;

/// <summary>
/// An immutable string-keyed map with value equality (same keys, ordinal, and equal values, whatever the order),
/// for a schema object with <c>additionalProperties: {schema}</c> and no <c>properties</c>. Keys keep the order they
/// were read or given in, so writing it back keeps the document's order.
/// </summary>
/// <typeparam name="TValue">The value type.</typeparam>
[SuppressMessage("Naming", "CA1710", Justification = "Named like ValueList<T>, its sibling: a value-equality collection of the generated contracts.")]
public sealed class ValueMap<TValue> : IReadOnlyDictionary<string, TValue>, IEquatable<ValueMap<TValue>>
{
    private readonly KeyValuePair<string, TValue>[] _entries;
    private readonly Dictionary<string, int> _index;

    private ValueMap(KeyValuePair<string, TValue>[] entries, Dictionary<string, int> index)
    {
        _entries = entries;
        _index = index;
    }

    /// <summary>The empty map.</summary>
    [SuppressMessage("Design", "CA1000", Justification = "The Empty-on-the-generic-type idiom of ImmutableArray<T>.Empty.")]
    public static ValueMap<TValue> Empty { get; } = new([], new Dictionary<string, int>(StringComparer.Ordinal));

    /// <inheritdoc/>
    public int Count => _entries.Length;

    /// <inheritdoc/>
    public IEnumerable<string> Keys
    {
        get
        {
            foreach (KeyValuePair<string, TValue> entry in _entries)
            {
                yield return entry.Key;
            }
        }
    }

    /// <inheritdoc/>
    public IEnumerable<TValue> Values
    {
        get
        {
            foreach (KeyValuePair<string, TValue> entry in _entries)
            {
                yield return entry.Value;
            }
        }
    }

    /// <inheritdoc/>
    public TValue this[string key] => _index.TryGetValue(key, out int i) ? _entries[i].Value : throw new KeyNotFoundException($"The map has no key '{key}'.");

    /// <summary>A map of <paramref name="entries"/>, in their order.</summary>
    /// <exception cref="ArgumentException">A key is null or appears twice.</exception>
    [SuppressMessage("Design", "CA1000", Justification = "The factory belongs with the type, as ImmutableDictionary's does.")]
    public static ValueMap<TValue> From(IEnumerable<KeyValuePair<string, TValue>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var list = new List<KeyValuePair<string, TValue>>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, TValue> entry in entries)
        {
            ArgumentNullException.ThrowIfNull(entry.Key, nameof(entries));
            if (!index.TryAdd(entry.Key, list.Count))
            {
                throw new ArgumentException($"The key '{entry.Key}' appears twice.", nameof(entries));
            }

            list.Add(entry);
        }

        return list.Count == 0 ? Empty : new ValueMap<TValue>([.. list], index);
    }

    /// <inheritdoc/>
    public bool ContainsKey(string key) => _index.ContainsKey(key);

    /// <inheritdoc/>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out TValue value)
    {
        if (_index.TryGetValue(key, out int i))
        {
            value = _entries[i].Value;
            return true;
        }

        value = default;
        return false;
    }

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, TValue>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, TValue>>)_entries).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The same keys with equal values; order does not matter.</summary>
    public bool Equals(ValueMap<TValue>? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || other.Count != Count)
        {
            return false;
        }

        EqualityComparer<TValue> comparer = EqualityComparer<TValue>.Default;
        foreach (KeyValuePair<string, TValue> entry in _entries)
        {
            if (!other.TryGetValue(entry.Key, out TValue? value) || !comparer.Equals(entry.Value, value))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ValueMap<TValue>);

    /// <summary>Order-independent, consistent with <see cref="Equals(ValueMap{TValue})"/>.</summary>
    public override int GetHashCode()
    {
        int hash = 0;
        EqualityComparer<TValue> comparer = EqualityComparer<TValue>.Default;
        foreach (KeyValuePair<string, TValue> entry in _entries)
        {
            hash ^= HashCode.Combine(StringComparer.Ordinal.GetHashCode(entry.Key), entry.Value is null ? 0 : comparer.GetHashCode(entry.Value));
        }

        return hash;
    }

    /// <summary>Value equality.</summary>
    public static bool operator ==(ValueMap<TValue>? left, ValueMap<TValue>? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(ValueMap<TValue>? left, ValueMap<TValue>? right) => !(left == right);
}
