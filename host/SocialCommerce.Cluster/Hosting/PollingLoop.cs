using Microsoft.Extensions.Logging;

namespace SocialCommerce.Cluster.Hosting;

/// <summary>The shape of the runtime's background work: do a pass, then sleep until woken or the poll interval ends.</summary>
internal static class PollingLoop
{
    public static async Task RunAsync(Func<CancellationToken, Task> pass, Func<CancellationToken, Task> waitForWork, ILogger logger,
        string work, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await pass(stopping);
                await waitForWork(stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "{Work} failed; trying again after the poll interval", work);
                await Task.Delay(TimeSpan.FromSeconds(1), stopping).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
