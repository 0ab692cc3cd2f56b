using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Antom.Contracts.Generator.Model;

/// <summary>
/// Where in a schema file a diagnostic points: a small equatable value, never a <see cref="Location"/>
/// (which would pin a syntax tree or compilation and defeat caching).
/// </summary>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);

    public static LocationInfo StartOf(string filePath) => new(filePath, default, default);
}
