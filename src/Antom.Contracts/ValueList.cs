using System;
using System.Collections;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace Antom.Contracts;

/// <summary>
/// An immutable list with value equality: two lists are equal when they hold equal elements in the same order.
/// Generated records use it for JSON arrays, so that a record holding a list compares its elements, not a reference.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
/// <remarks>Build one with a collection expression (<c>Transactions = [capture, refund]</c>) or <see cref="ValueList.Create{T}(ReadOnlySpan{T})"/>.</remarks>
[CollectionBuilder(typeof(ValueList), nameof(ValueList.Create))]
public sealed class ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly T[] _items;

    internal ValueList(T[] items)
    {
        _items = items;
    }

    /// <summary>The empty list.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000", Justification = "The Empty-on-the-generic-type idiom of ImmutableArray<T>.Empty.")]
    public static ValueList<T> Empty { get; } = new([]);

    /// <inheritdoc/>
    public int Count => _items.Length;

    /// <inheritdoc/>
    public T this[int index] => _items[index];

    /// <summary>The elements, without copying.</summary>
    public ReadOnlySpan<T> AsSpan() => _items;

    /// <summary>Enumerates without allocating.</summary>
    public Enumerator GetEnumerator() => new(_items);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    /// <summary>Same length and pairwise-equal elements.</summary>
    public bool Equals(ValueList<T>? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || other._items.Length != _items.Length)
        {
            return false;
        }

        EqualityComparer<T> comparer = EqualityComparer<T>.Default;
        for (int i = 0; i < _items.Length; i++)
        {
            if (!comparer.Equals(_items[i], other._items[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ValueList<T>);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.Add(_items.Length);
        foreach (T item in _items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    /// <summary>The elements, comma-separated, in brackets.</summary>
    public override string ToString() => "[" + string.Join(", ", _items) + "]";

    /// <summary>An allocation-free enumerator over the elements.</summary>
    public struct Enumerator
    {
        private readonly T[] _items;
        private int _index;

        internal Enumerator(T[] items)
        {
            _items = items;
            _index = -1;
        }

        /// <summary>The current element.</summary>
        public readonly T Current => _items[_index];

        /// <summary>Moves to the next element.</summary>
        public bool MoveNext() => ++_index < _items.Length;
    }

    /// <summary>Value equality.</summary>
    public static bool operator ==(ValueList<T>? left, ValueList<T>? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(ValueList<T>? left, ValueList<T>? right) => !(left == right);
}

/// <summary>Creates <see cref="ValueList{T}"/> instances.</summary>
public static class ValueList
{
    /// <summary>A list holding a copy of <paramref name="items"/>; the collection-expression builder.</summary>
    public static ValueList<T> Create<T>(ReadOnlySpan<T> items) => items.IsEmpty ? ValueList<T>.Empty : new ValueList<T>(items.ToArray());

    /// <summary>A list holding a copy of <paramref name="items"/>.</summary>
    public static ValueList<T> From<T>(IEnumerable<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        T[] array = [.. items];
        return array.Length == 0 ? ValueList<T>.Empty : new ValueList<T>(array);
    }

    /// <summary>Takes ownership of <paramref name="items"/> without copying; for readers that built the array themselves.</summary>
    internal static ValueList<T> Own<T>(T[] items) => items.Length == 0 ? ValueList<T>.Empty : new ValueList<T>(items);
}
