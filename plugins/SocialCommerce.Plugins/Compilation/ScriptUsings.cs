namespace SocialCommerce.Plugins.Compilation;

/// <summary>The namespaces every script sees without writing a using directive.</summary>
internal static class ScriptUsings
{
    public const string Directives = """
        using System;
        using System.Collections.Generic;
        using System.Globalization;
        using System.Linq;
        using System.Text;
        using SocialCommerce.Plugins.Sdk;

        """;
}
