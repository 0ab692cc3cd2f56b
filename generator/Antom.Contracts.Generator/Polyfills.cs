// Types the netstandard2.0 target lacks for records and init-only properties.
namespace System.Runtime.CompilerServices;

internal static class IsExternalInit
{
}
