using System.Collections.Concurrent;
using System.Reflection;

namespace SocialCommerce.Cluster.Grains;

/// <summary>
/// Turns a call on a grain interface method into a turn, once per method: the four async return shapes
/// (Task, Task&lt;T&gt;, ValueTask, ValueTask&lt;T&gt;) each get a typed delegate so results are never boxed.
/// </summary>
internal static class GrainMethodInvoker
{
    internal delegate object Invoker(GrainRuntime runtime, GrainReference reference, object?[] args);

    private static readonly ConcurrentDictionary<MethodInfo, Invoker> Invokers = new();

    public static bool IsAsyncReturn(Type type) =>
        type == typeof(Task) || type == typeof(ValueTask) ||
        (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>)));

    public static Invoker For(MethodInfo method) => Invokers.GetOrAdd(method, Create);

    private static Invoker Create(MethodInfo method)
    {
        var returnType = method.ReturnType;
        if (returnType == typeof(Task))
        {
            return (runtime, reference, args) => runtime.RunTurnAsync(reference, instance => AsValueTask(Call<Task>(method, instance, args)));
        }
        if (returnType == typeof(ValueTask))
        {
            return (runtime, reference, args) =>
                new ValueTask(runtime.RunTurnAsync(reference, instance => AsValueTask(Call<ValueTask>(method, instance, args).AsTask())));
        }
        var resultType = returnType.GetGenericArguments()[0];
        var factoryName = returnType.GetGenericTypeDefinition() == typeof(Task<>) ? nameof(ForTaskOf) : nameof(ForValueTaskOf);
        return (Invoker)typeof(GrainMethodInvoker).GetMethod(factoryName, BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(resultType).Invoke(null, [method])!;
    }

    private static Invoker ForTaskOf<T>(MethodInfo method) =>
        (runtime, reference, args) => runtime.RunTurnAsync(reference, instance => new ValueTask<T>(Call<Task<T>>(method, instance, args)));

    private static Invoker ForValueTaskOf<T>(MethodInfo method) =>
        (runtime, reference, args) => new ValueTask<T>(runtime.RunTurnAsync(reference, instance => Call<ValueTask<T>>(method, instance, args)));

    private static TReturn Call<TReturn>(MethodInfo method, object instance, object?[] args) =>
        (TReturn)method.Invoke(instance, BindingFlags.DoNotWrapExceptions, binder: null, args, culture: null)!;

    private static ValueTask<NoResult> AsValueTask(Task task)
    {
        return task.IsCompletedSuccessfully ? new ValueTask<NoResult>(default(NoResult)) : Awaited(task);

        static async ValueTask<NoResult> Awaited(Task pending)
        {
            await pending.ConfigureAwait(false);
            return default;
        }
    }
}

/// <summary>The result of a turn of a method that returns nothing.</summary>
internal readonly struct NoResult;
