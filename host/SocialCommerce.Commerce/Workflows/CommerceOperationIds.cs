using System.Security.Cryptography;
using System.Text;
using SocialCommerce.Workflows.Execution;

namespace SocialCommerce.Commerce.Workflows;

/// <summary>Ids that commerce activities derive from their operation id, so a re-run addresses the same thing.</summary>
internal static class CommerceOperationIds
{
    /// <summary>A grain id (1-64 id characters) for what this activity run creates, e.g. <c>g-3f2a…</c> for a group.</summary>
    public static string NewId(ActivityContext context, string prefix) =>
        prefix + "-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(context.OperationId())))[..24];
}
