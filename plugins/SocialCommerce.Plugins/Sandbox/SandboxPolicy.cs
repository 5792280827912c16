using Microsoft.CodeAnalysis;

namespace SocialCommerce.Plugins.Sandbox;

/// <summary>
/// What a script may name: types in a few namespaces (and the host's own types handed to it), minus the members
/// that reach outside the sandbox. Everything else is refused with a reason a script author can act on.
/// </summary>
internal static class SandboxPolicy
{
    public const string SdkNamespace = "SocialCommerce.Plugins.Sdk";

    public static readonly IReadOnlySet<string> AllowedNamespaces = new HashSet<string>(StringComparer.Ordinal)
    {
        "System", "System.Collections", "System.Collections.Generic", "System.Collections.ObjectModel",
        "System.Linq", "System.Text", "System.Globalization", SdkNamespace,
    };

    /// <summary>Types of allowed namespaces that are still off limits, with why.</summary>
    private static readonly Dictionary<string, string> DeniedTypes = new(StringComparer.Ordinal)
    {
        ["System.Environment"] = "the process environment is not available",
        ["System.AppContext"] = "the process environment is not available",
        ["System.AppDomain"] = "AppDomain is not available",
        ["System.GC"] = "the garbage collector is not available",
        ["System.Activator"] = "reflection is not available",
        ["System.Console"] = "the console is not available; use Log",
        ["System.Type"] = "reflection is not available",
        ["System.TypedReference"] = "unsafe code is not available",
        ["System.ArgIterator"] = "unsafe code is not available",
        ["System.RuntimeArgumentHandle"] = "unsafe code is not available",
        ["System.RuntimeTypeHandle"] = "reflection is not available",
        ["System.RuntimeMethodHandle"] = "reflection is not available",
        ["System.RuntimeFieldHandle"] = "reflection is not available",
        ["System.ModuleHandle"] = "reflection is not available",
        ["System.MarshalByRefObject"] = "remoting is not available",
        ["System.Delegate"] = "reflection is not available",
        ["System.MulticastDelegate"] = "reflection is not available",
    };

    /// <summary>Members of allowed types that reach reflection.</summary>
    private static readonly HashSet<string> DeniedMembers = new(StringComparer.Ordinal)
    {
        "System.Object.GetType", "System.Exception.TargetSite", "System.Exception.GetType",
    };

    /// <summary>Why a namespace is refused, by prefix, for the message.</summary>
    private static readonly (string Prefix, string Reason)[] NamespaceReasons =
    [
        ("System.IO", "file access is not available"),
        ("System.Net", "network access is not available"),
        ("System.Diagnostics", "processes and diagnostics are not available"),
        ("System.Reflection", "reflection is not available"),
        ("System.Threading", "threads, tasks and timers are not available"),
        ("System.Runtime.InteropServices", "native code (P/Invoke) is not available"),
        ("System.Runtime.Loader", "loading assemblies is not available"),
        ("System.Runtime", "runtime services are not available"),
        ("System.Security", "security APIs are not available"),
        ("Microsoft.Win32", "the registry is not available"),
        ("SocialCommerce.Plugins.Sandbox", "the sandbox itself is not available to scripts"),
        ("SocialCommerce.Plugins.Compilation", "the compiler itself is not available to scripts"),
    ];

    /// <summary>Null when the type may be used; otherwise the reason it may not.</summary>
    public static string? RefusalOf(ITypeSymbol type, IAssemblySymbol scriptAssembly, IReadOnlySet<string> hostTypes)
    {
        switch (type)
        {
            case IArrayTypeSymbol array:
                return RefusalOf(array.ElementType, scriptAssembly, hostTypes);
            case IPointerTypeSymbol or IFunctionPointerTypeSymbol:
                return "pointers are unsafe code, which is not available";
            case IDynamicTypeSymbol:
                return "dynamic is not available";
            case ITypeParameterSymbol or IErrorTypeSymbol:
                return null;
            case INamedTypeSymbol named:
                if (named.IsTupleType || named.IsAnonymousType)
                {
                    return named.TypeArguments.Select(t => RefusalOf(t, scriptAssembly, hostTypes)).FirstOrDefault(r => r is not null);
                }
                foreach (var argument in named.TypeArguments)
                {
                    if (RefusalOf(argument, scriptAssembly, hostTypes) is { } refusal)
                    {
                        return refusal;
                    }
                }
                return RefusalOfDefinition(named.OriginalDefinition, scriptAssembly, hostTypes);
            default:
                return null;
        }
    }

    /// <summary>Null when the member (method, property, field, event) may be used; otherwise why not.</summary>
    public static string? RefusalOfMember(ISymbol member, IAssemblySymbol scriptAssembly, IReadOnlySet<string> hostTypes)
    {
        if (member is IMethodSymbol { ReducedFrom: { } extension })
        {
            member = extension;
        }
        var owner = member.ContainingType;
        if (owner is null)
        {
            return null;
        }
        if (DeniedMembers.Contains(owner.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat) + "." + member.Name)
            || (member.Name == "GetType" && member is IMethodSymbol { Parameters.Length: 0 }))
        {
            return "reflection is not available";
        }
        return RefusalOf(owner, scriptAssembly, hostTypes);
    }

    private static string? RefusalOfDefinition(INamedTypeSymbol type, IAssemblySymbol scriptAssembly, IReadOnlySet<string> hostTypes)
    {
        if (SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, scriptAssembly))
        {
            return null;
        }
        var fullName = FullMetadataName(type);
        if (hostTypes.Contains(fullName))
        {
            return null;
        }
        if (DeniedTypes.TryGetValue(fullName, out var reason))
        {
            return reason;
        }
        var ns = type.ContainingNamespace?.ToDisplayString() ?? "";
        if (AllowedNamespaces.Contains(ns))
        {
            return null;
        }
        foreach (var (prefix, why) in NamespaceReasons)
        {
            if (ns == prefix || ns.StartsWith(prefix + ".", StringComparison.Ordinal))
            {
                return why;
            }
        }
        return $"namespace {ns} is not available (scripts may use {string.Join(", ", AllowedNamespaces.Order())})";
    }

    /// <summary>Namespace.Outer+Inner`1, as <see cref="Type.FullName"/> writes a generic definition.</summary>
    public static string FullMetadataName(INamedTypeSymbol type)
    {
        var name = type.MetadataName;
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            name = outer.MetadataName + "+" + name;
        }
        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() + "." : "";
        return ns + name;
    }

    /// <summary>The key <see cref="RefusalOf"/> looks host types up by: the generic definition's full name.</summary>
    public static string HostTypeKey(Type type) =>
        (type.IsGenericType ? type.GetGenericTypeDefinition() : type).FullName ?? type.Name;
}
