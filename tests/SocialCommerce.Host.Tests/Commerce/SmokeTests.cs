namespace SocialCommerce.Host.Tests.Commerce;

public sealed class SmokeTests
{
    [Fact]
    public async Task Host_Starts_AndServesRegions()
    {
        await using var host = await HostFactory.CreateAsync();
        var client = host.CreateClient();
        var response = await client.GetAsync("/api/regions");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }
}
