using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocialCommerce.Cluster;

/// <summary>The one JSON shape for grain state and event payloads: camelCase, enums as strings.</summary>
public static class ClusterJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
