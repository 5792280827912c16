using System.Diagnostics;
using SocialCommerce.Plugins.Expressions;

namespace SocialCommerce.Plugins.Sandbox;

/// <summary>
/// Runs compiled script code under a budget and turns whatever it throws into a <see cref="ScriptException"/>,
/// so that callers handle one exception type and a script can never take its host down with an odd one.
/// </summary>
internal static class ScriptExecution
{
    public static TResult Run<TState, TResult>(
        Func<TState, TResult> body, TState state, ScriptLimits limits, string scriptFileName, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var scope = ScriptBudget.Begin(limits, cancellationToken);
        try
        {
            var result = body(state);
            // The script may have caught the budget exception and returned anyway.
            scope.Run.ThrowIfStopped();
            return result;
        }
        catch (Exception ex) when (scope.Run.ExceededReason is { } reason && ex is not ScriptBudgetExceededException)
        {
            throw new ScriptBudgetExceededException(reason);
        }
        catch (ScriptException)
        {
            throw;
        }
        catch (OperationCanceledException) when (scope.Run.IsCancelled)
        {
            throw;
        }
        catch (OutOfMemoryException)
        {
            throw new ScriptBudgetExceededException("it ran out of memory");
        }
        catch (InsufficientExecutionStackException)
        {
            throw new ScriptBudgetExceededException("it recursed too deep");
        }
        catch (Exception ex)
        {
            throw new ScriptRuntimeException(ex, LineOf(ex, scriptFileName));
        }
        finally
        {
            ScriptBudget.End(scope);
        }
    }

    /// <summary>The user's line from the script's frames (its PDB maps them through #line), 0 when unknown.</summary>
    private static int LineOf(Exception exception, string scriptFileName)
    {
        foreach (var frame in new StackTrace(exception, fNeedFileInfo: true).GetFrames())
        {
            if (frame.GetFileName() == scriptFileName && frame.GetFileLineNumber() > 0)
            {
                return frame.GetFileLineNumber();
            }
        }
        return 0;
    }
}
