using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Reflection.Emit;
using Xunit;

namespace Antom.Contracts.Tests;

/// <summary>
/// No code in the runtime takes, returns, stores, loads, converts to or calls with a binary floating-point number:
/// signatures and locals are read by reflection, and every method body's IL is walked instruction by instruction.
/// </summary>
public class NoFloatingPointTests
{
    private const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Type[] Forbidden = [typeof(float), typeof(double), typeof(Half)];

    private static readonly HashSet<short> FloatOpCodes =
    [
        OpCodes.Ldc_R4.Value, OpCodes.Ldc_R8.Value, OpCodes.Conv_R4.Value, OpCodes.Conv_R8.Value, OpCodes.Conv_R_Un.Value, OpCodes.Ckfinite.Value,
    ];

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    [Fact]
    public void No_signature_or_local_of_the_runtime_uses_float_double_or_half()
    {
        var offenders =
            from type in typeof(Money).Assembly.GetTypes()
            from member in type.GetMembers(All)
            from used in SignatureTypes(member)
            where IsForbidden(used)
            select $"{type.FullName}.{member.Name}";

        Assert.Empty(offenders);
    }

    [Fact]
    public void No_instruction_of_the_runtime_touches_floating_point()
    {
        var offenders = new List<string>();
        foreach (Type type in typeof(Money).Assembly.GetTypes())
        {
            foreach (MethodBase method in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)))
            {
                foreach (string finding in FloatingPointInstructions(method))
                {
                    offenders.Add($"{type.FullName}.{method.Name}: {finding}");
                }
            }
        }

        Assert.Empty(offenders);
    }

    [Fact]
    public void The_IL_walk_finds_floating_point_where_there_is_some()
    {
        MethodInfo probe = typeof(NoFloatingPointTests).GetMethod(nameof(UsesDouble), BindingFlags.NonPublic | BindingFlags.Static)!;
        Assert.NotEmpty(FloatingPointInstructions(probe));
    }

    private static long UsesDouble(long x) => (long)Math.Round(x * 0.5);

    private static bool IsForbidden(Type t) => Forbidden.Contains(Nullable.GetUnderlyingType(t) ?? t);

    private static IEnumerable<Type> SignatureTypes(MemberInfo member) => member switch
    {
        FieldInfo f => [f.FieldType],
        PropertyInfo p => [p.PropertyType],
        MethodInfo m => [m.ReturnType, .. m.GetParameters().Select(p => p.ParameterType), .. m.GetMethodBody()?.LocalVariables.Select(l => l.LocalType) ?? []],
        ConstructorInfo c => [.. c.GetParameters().Select(p => p.ParameterType), .. c.GetMethodBody()?.LocalVariables.Select(l => l.LocalType) ?? []],
        _ => [],
    };

    private static IEnumerable<string> FloatingPointInstructions(MethodBase method)
    {
        byte[]? il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        Type[]? typeArgs = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        Type[]? methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        int i = 0;
        while (i < il.Length)
        {
            short value = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
            OpCode op = OpCodesByValue[value];
            i += op.Size;
            if (FloatOpCodes.Contains(op.Value))
            {
                yield return op.Name!;
            }

            if (op.OperandType == OperandType.InlineMethod)
            {
                MethodBase? callee = method.Module.ResolveMethod(BitConverter.ToInt32(il, i), typeArgs, methodArgs);
                if (callee is not null && SignatureTypes(callee).Any(IsForbidden))
                {
                    yield return $"{op.Name} {callee.DeclaringType?.Name}.{callee.Name}";
                }
            }

            i += OperandSize(op, il, i);
        }
    }

    private static int OperandSize(OpCode op, byte[] il, int at) => op.OperandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.ShortInlineR => 4,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
        _ => 4,
    };
}
