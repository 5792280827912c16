using System.Text;

namespace SocialCommerce.Plugins.Compilation;

/// <summary>How a runtime <see cref="Type"/> is written in generated C# (fully qualified, nested and generic).</summary>
internal static class CSharpTypeName
{
    public static string Of(Type type)
    {
        if (type == typeof(void))
        {
            return "void";
        }
        if (type.IsArray)
        {
            return Of(type.GetElementType()!) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        }
        if (type.IsByRef || type.IsPointer || type.IsGenericParameter)
        {
            throw new ArgumentException($"Type {type} cannot be used by a script (by-ref, pointer or open generic).", nameof(type));
        }

        var arguments = type.IsGenericType ? type.GetGenericArguments() : [];
        var chain = new List<Type>();
        for (var level = type; level is not null; level = level.DeclaringType)
        {
            chain.Insert(0, level);
        }
        var name = new StringBuilder("global::");
        if (!string.IsNullOrEmpty(type.Namespace))
        {
            name.Append(type.Namespace).Append('.');
        }
        var used = 0;
        for (var i = 0; i < chain.Count; i++)
        {
            var level = chain[i];
            if (i > 0)
            {
                name.Append('.');
            }
            var tick = level.Name.IndexOf('`');
            name.Append(tick < 0 ? level.Name : level.Name[..tick]);
            // Type.GetGenericArguments of a nested type includes its outer types' arguments; each level shows its own.
            var total = level.IsGenericType ? level.GetGenericArguments().Length : 0;
            if (total > used)
            {
                name.Append('<').AppendJoin(", ", arguments.Skip(used).Take(total - used).Select(Of)).Append('>');
                used = total;
            }
        }
        return name.ToString();
    }

    /// <summary>The type, its generic arguments and element types: everything a script must be able to see.</summary>
    public static IEnumerable<Type> Closure(Type type)
    {
        yield return type;
        if (type.HasElementType)
        {
            foreach (var inner in Closure(type.GetElementType()!))
            {
                yield return inner;
            }
        }
        if (type.IsGenericType)
        {
            foreach (var inner in type.GetGenericArguments().SelectMany(Closure))
            {
                yield return inner;
            }
        }
    }
}
