namespace SocialCommerce.Plugins.Expressions;

/// <summary>A value an expression may read by name; the type is what the script sees at compile time.</summary>
public sealed record ExpressionVariable(string Name, Type Type);
