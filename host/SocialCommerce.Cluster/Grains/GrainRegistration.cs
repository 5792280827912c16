using System.Reflection;

namespace SocialCommerce.Cluster.Grains;

/// <summary>One grain interface bound to its class, with the stored type name and the state type the class asks for.</summary>
public sealed class GrainRegistration
{
    public GrainRegistration(Type grainInterface, Type grainClass)
    {
        if (!grainInterface.IsInterface || !typeof(IGrain).IsAssignableFrom(grainInterface))
        {
            throw new ArgumentException($"{grainInterface.Name} must be an interface deriving from IGrain.", nameof(grainInterface));
        }
        if (!grainInterface.IsAssignableFrom(grainClass) || grainClass.IsAbstract)
        {
            throw new ArgumentException($"{grainClass.Name} must be a concrete class implementing {grainInterface.Name}.", nameof(grainClass));
        }
        Interface = grainInterface;
        Class = grainClass;
        TypeName = grainClass.GetCustomAttribute<GrainTypeAttribute>()?.Name ?? DefaultTypeName(grainClass);
        IdleTimeout = grainClass.GetCustomAttribute<GrainIdleTimeoutAttribute>()?.Timeout;
        StateType = FindStateType(grainClass);
        foreach (var method in grainInterface.GetMethods().Concat(grainInterface.GetInterfaces().SelectMany(i => i.GetMethods())))
        {
            if (!GrainMethodInvoker.IsAsyncReturn(method.ReturnType))
            {
                throw new ArgumentException(
                    $"{grainInterface.Name}.{method.Name} returns {method.ReturnType.Name}; grain methods must return Task, Task<T>, ValueTask or ValueTask<T>.",
                    nameof(grainInterface));
            }
        }
    }

    public Type Interface { get; }

    public Type Class { get; }

    public string TypeName { get; }

    /// <summary>From <see cref="GrainIdleTimeoutAttribute"/>; null keeps the cluster's idle timeout.</summary>
    public TimeSpan? IdleTimeout { get; }

    /// <summary>The TState of the <see cref="IGrainState{TState}"/> constructor parameter, or null for a stateless grain.</summary>
    public Type? StateType { get; }

    private static string DefaultTypeName(Type grainClass)
    {
        var name = grainClass.Name.EndsWith("Grain", StringComparison.Ordinal) ? grainClass.Name[..^"Grain".Length] : grainClass.Name;
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    private static Type? FindStateType(Type grainClass)
    {
        var stateParameters = grainClass.GetConstructors()
            .SelectMany(c => c.GetParameters())
            .Select(p => p.ParameterType)
            .Where(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IGrainState<>))
            .Distinct()
            .ToList();
        return stateParameters.Count switch
        {
            0 => null,
            1 => stateParameters[0].GetGenericArguments()[0],
            _ => throw new ArgumentException($"{grainClass.Name} asks for more than one IGrainState<T>; a grain has one state.", nameof(grainClass)),
        };
    }
}
