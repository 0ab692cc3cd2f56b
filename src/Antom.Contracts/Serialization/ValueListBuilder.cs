using System;
using System.Buffers;
using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace Antom.Contracts.Serialization;

/// <summary>
/// Collects the elements of a JSON array into a pooled buffer and makes one exactly-sized <see cref="ValueList{T}"/>
/// at the end, so reading an array allocates the list and nothing else. Public for generated code; not for direct use.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct ValueListBuilder<T>
{
    private const int InlineCapacity = 8;

    private InlineBuffer _inline; // the first elements, on the stack: most arrays in a payload are short
    private T[]? _items; // from the pool, once there are more
    private int _count;

    /// <summary>How many elements were added.</summary>
    public readonly int Count => _count;

    /// <summary>Adds an element.</summary>
    public void Add(T item)
    {
        if (_count < InlineCapacity)
        {
            _inline[_count++] = item;
            return;
        }

        if (_items is null)
        {
            _items = ArrayPool<T>.Shared.Rent(InlineCapacity * 4);
            ((ReadOnlySpan<T>)_inline).CopyTo(_items);
        }
        else if (_count == _items.Length)
        {
            T[] larger = ArrayPool<T>.Shared.Rent(_items.Length * 2);
            Array.Copy(_items, larger, _count);
            ArrayPool<T>.Shared.Return(_items, RuntimeHelpers.IsReferenceOrContainsReferences<T>());
            _items = larger;
        }

        _items[_count++] = item;
    }

    /// <summary>The list of the added elements; a pooled buffer goes back to the pool.</summary>
    public ValueList<T> ToValueList()
    {
        if (_count == 0)
        {
            return ValueList<T>.Empty;
        }

        ValueList<T> list;
        if (_items is null)
        {
            list = ValueList.Own(((ReadOnlySpan<T>)_inline)[.._count].ToArray());
            _inline = default;
        }
        else
        {
            list = ValueList.Own(_items.AsSpan(0, _count).ToArray());
            ArrayPool<T>.Shared.Return(_items, RuntimeHelpers.IsReferenceOrContainsReferences<T>());
            _items = null;
        }

        _count = 0;
        return list;
    }

    [InlineArray(InlineCapacity)]
    private struct InlineBuffer
    {
        private T _element;
    }
}
