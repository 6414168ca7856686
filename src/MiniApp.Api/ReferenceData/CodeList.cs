using System.Collections;
using System.Collections.Frozen;

namespace MiniApp.Api.ReferenceData;

/// <summary>One choice of a drop-down: the stable code we store and the Chinese name we show.</summary>
public sealed record CodeName(string Code, string Name);

/// <summary>An ordered, immutable list of choices with look-up by code. Serialises as a plain JSON array.</summary>
public sealed class CodeList : IReadOnlyList<CodeName>
{
    private readonly CodeName[] _items;
    private readonly FrozenDictionary<string, string> _names;

    public CodeList(IEnumerable<CodeName> items)
    {
        _items = items.ToArray();
        // Codes are what we store: a duplicate would make two choices indistinguishable, so it fails at start-up.
        _names = _items.ToDictionary(item => item.Code, item => item.Name, StringComparer.Ordinal)
            .ToFrozenDictionary(StringComparer.Ordinal);
    }

    public CodeList(params (string Code, string Name)[] items)
        : this(items.Select(item => new CodeName(item.Code, item.Name))) { }

    public int Count => _items.Length;

    public CodeName this[int index] => _items[index];

    public bool IsKnown(string? code) => code is not null && _names.ContainsKey(code);

    public string? NameOf(string? code) => code is not null && _names.TryGetValue(code, out var name) ? name : null;

    public IEnumerator<CodeName> GetEnumerator() => ((IEnumerable<CodeName>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
