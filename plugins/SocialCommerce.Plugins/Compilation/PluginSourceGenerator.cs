using SocialCommerce.Plugins.Manifests;

namespace SocialCommerce.Plugins.Compilation;

/// <summary>Writes the generated class around a plug-in's code, per kind.</summary>
internal static class PluginSourceGenerator
{
    private const string Sdk = "global::SocialCommerce.Plugins.Sdk";

    public static GeneratedScript Generate(PluginManifest manifest, string code, string fullTypeName, string fileName)
    {
        var typeName = fullTypeName[(fullTypeName.LastIndexOf('.') + 1)..];
        var builder = new GeneratedScriptBuilder(fileName)
            .Append(ScriptUsings.Directives)
            .Append("namespace SocialCommerce.Scripts\n{\n");
        if (manifest.Kind == PluginKind.ExpressionLibrary)
        {
            builder.Append($"public static class {typeName}\n{{\n").AppendUserCode(code).Append("}\n}\n");
        }
        else
        {
            var (baseClass, signature) = manifest.Kind switch
            {
                PluginKind.CommissionFormula => ("CommissionFormulaScript", "protected override long Calculate()"),
                PluginKind.TaskCheck => ("TaskCheckScript", $"protected override {Sdk}.TaskCheckResult Check()"),
                _ => ("ActivityScript", "protected override void Execute()"),
            };
            builder.Append($"public sealed class {typeName} : {Sdk}.{baseClass}\n{{\n")
                .Append($"public static {Sdk}.PluginScript New() => new {typeName}();\n")
                .Append(Inputs(manifest));
            if (manifest.Kind == PluginKind.Activity)
            {
                builder.Append(Outputs(manifest));
            }
            builder.Append(signature).Append("\n{\n").AppendUserCode(code).Append("}\n}\n}\n");
        }
        var hostTypes = manifest.Inputs.Concat(manifest.EffectiveOutputs).Select(p => p.ClrType)
            .SelectMany(CSharpTypeName.Closure).Distinct().ToList();
        return builder.Build(fullTypeName, fullTypeName, hostTypes);
    }

    private static string Inputs(PluginManifest manifest)
    {
        var properties = manifest.Inputs.Select(i => $"public {CSharpTypeName.Of(i.ClrType)} @{i.Name} {{ get; private set; }}\n");
        var assignments = manifest.Inputs.Select((input, index) =>
            $"@{input.Name} = global::SocialCommerce.Plugins.Compilation.ScriptArgument.Get<{CSharpTypeName.Of(input.ClrType)}>(values, {index});\n");
        return string.Concat(properties) + "protected override void SetInputs(object[] values)\n{\n" + string.Concat(assignments) + "}\n";
    }

    private static string Outputs(PluginManifest manifest)
    {
        var fields = manifest.Outputs.Select(o => $"public {CSharpTypeName.Of(o.ClrType)} @{o.Name};\n");
        return string.Concat(fields) +
            $"protected override object[] GetOutputs() => new object[] {{ {string.Join(", ", manifest.Outputs.Select(o => "@" + o.Name))} }};\n";
    }
}
