using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace SocialCommerce.Plugins.Sandbox;

/// <summary>
/// Writes budget checks into the user's code: <c>ScriptBudget.Step()</c> at the top of every loop body and
/// labelled statement (a backward <c>goto</c> is a loop too), <c>ScriptBudget.Enter()</c> at the entry of every
/// method, local function, accessor, lambda and anonymous method, and <c>ScriptBudget.ArrayLength(n)</c> around
/// every array size. Only bodies are replaced, never a node's first token, so the <c>#line</c> directive in front of
/// the user's code stays where it is.
/// </summary>
internal sealed class BudgetRewriter(SemanticModel model, TextSpan userSpan) : CSharpSyntaxRewriter
{
    private const string Budget = "global::SocialCommerce.Plugins.Sandbox.ScriptBudget";

    public override SyntaxNode? VisitWhileStatement(WhileStatementSyntax node) =>
        Rewritten(node, base.VisitWhileStatement(node), n => n.WithStatement(Stepped(n.Statement)));

    public override SyntaxNode? VisitDoStatement(DoStatementSyntax node) =>
        Rewritten(node, base.VisitDoStatement(node), n => n.WithStatement(Stepped(n.Statement)));

    public override SyntaxNode? VisitForStatement(ForStatementSyntax node) =>
        Rewritten(node, base.VisitForStatement(node), n => n.WithStatement(Stepped(n.Statement)));

    public override SyntaxNode? VisitForEachStatement(ForEachStatementSyntax node) =>
        Rewritten(node, base.VisitForEachStatement(node), n => n.WithStatement(Stepped(n.Statement)));

    public override SyntaxNode? VisitForEachVariableStatement(ForEachVariableStatementSyntax node) =>
        Rewritten(node, base.VisitForEachVariableStatement(node), n => n.WithStatement(Stepped(n.Statement)));

    public override SyntaxNode? VisitLabeledStatement(LabeledStatementSyntax node) =>
        Rewritten(node, base.VisitLabeledStatement(node), n => n.WithStatement(Stepped(n.Statement)));

    public override SyntaxNode? VisitMethodDeclaration(MethodDeclarationSyntax node) =>
        EnteredMethod(node, base.VisitMethodDeclaration(node), ReturnsVoid(node));

    public override SyntaxNode? VisitConstructorDeclaration(ConstructorDeclarationSyntax node) =>
        EnteredMethod(node, base.VisitConstructorDeclaration(node), returnsVoid: true);

    public override SyntaxNode? VisitOperatorDeclaration(OperatorDeclarationSyntax node) =>
        EnteredMethod(node, base.VisitOperatorDeclaration(node), returnsVoid: false);

    public override SyntaxNode? VisitConversionOperatorDeclaration(ConversionOperatorDeclarationSyntax node) =>
        EnteredMethod(node, base.VisitConversionOperatorDeclaration(node), returnsVoid: false);

    public override SyntaxNode? VisitLocalFunctionStatement(LocalFunctionStatementSyntax node) =>
        Rewritten(node, base.VisitLocalFunctionStatement(node), n => n.Body is not null
            ? n.WithBody(Entered(n.Body))
            : n.ExpressionBody is not null
                ? n.WithExpressionBody(null).WithSemicolonToken(default).WithBody(EnteredBlock(n.ExpressionBody.Expression, ReturnsVoid(node)))
                : n);

    public override SyntaxNode? VisitAccessorDeclaration(AccessorDeclarationSyntax node) =>
        Rewritten(node, base.VisitAccessorDeclaration(node), n => n.Body is not null
            ? n.WithBody(Entered(n.Body))
            : n.ExpressionBody is not null
                ? n.WithExpressionBody(null).WithSemicolonToken(default)
                    .WithBody(EnteredBlock(n.ExpressionBody.Expression, !n.IsKind(SyntaxKind.GetAccessorDeclaration)))
                : n);

    public override SyntaxNode? VisitPropertyDeclaration(PropertyDeclarationSyntax node) =>
        Rewritten(node, base.VisitPropertyDeclaration(node), n => n.ExpressionBody is null
            ? n
            : n.WithExpressionBody(null).WithSemicolonToken(default).WithAccessorList(AccessorList(SingletonList(
                AccessorDeclaration(SyntaxKind.GetAccessorDeclaration, EnteredBlock(n.ExpressionBody.Expression, returnsVoid: false))))));

    public override SyntaxNode? VisitIndexerDeclaration(IndexerDeclarationSyntax node) =>
        Rewritten(node, base.VisitIndexerDeclaration(node), n => n.ExpressionBody is null
            ? n
            : n.WithExpressionBody(null).WithSemicolonToken(default).WithAccessorList(AccessorList(SingletonList(
                AccessorDeclaration(SyntaxKind.GetAccessorDeclaration, EnteredBlock(n.ExpressionBody.Expression, returnsVoid: false))))));

    public override SyntaxNode? VisitSimpleLambdaExpression(SimpleLambdaExpressionSyntax node) =>
        Rewritten(node, base.VisitSimpleLambdaExpression(node), n => n.Block is not null
            ? n.WithBlock(Entered(n.Block))
            : n.WithExpressionBody(null).WithBlock(EnteredBlock(n.ExpressionBody!, ReturnsVoid(node))));

    public override SyntaxNode? VisitParenthesizedLambdaExpression(ParenthesizedLambdaExpressionSyntax node) =>
        Rewritten(node, base.VisitParenthesizedLambdaExpression(node), n => n.Block is not null
            ? n.WithBlock(Entered(n.Block))
            : n.WithExpressionBody(null).WithBlock(EnteredBlock(n.ExpressionBody!, ReturnsVoid(node))));

    public override SyntaxNode? VisitAnonymousMethodExpression(AnonymousMethodExpressionSyntax node) =>
        Rewritten(node, base.VisitAnonymousMethodExpression(node), n => n.WithBlock(Entered(n.Block)));

    public override SyntaxNode? VisitArrayRankSpecifier(ArrayRankSpecifierSyntax node) =>
        Rewritten(node, base.VisitArrayRankSpecifier(node), n => node.Parent?.Parent is ArrayCreationExpressionSyntax
            ? n.WithSizes(SeparatedList(n.Sizes.Select(size => size is OmittedArraySizeExpressionSyntax
                ? size
                : (ExpressionSyntax)InvocationExpression(ParseExpression(Budget + ".ArrayLength"),
                    ArgumentList(SingletonSeparatedList(Argument(size)))))))
            : n);

    private SyntaxNode? EnteredMethod(BaseMethodDeclarationSyntax original, SyntaxNode? visited, bool returnsVoid) =>
        Rewritten(original, visited, n => n.Body is not null
            ? n.WithBody(Entered(n.Body))
            : n.ExpressionBody is not null
                ? n.WithExpressionBody(null).WithSemicolonToken(default).WithBody(EnteredBlock(n.ExpressionBody.Expression, returnsVoid))
                : n);

    private SyntaxNode? Rewritten<T>(T original, SyntaxNode? visited, Func<T, SyntaxNode> rewrite) where T : SyntaxNode =>
        visited is T node && userSpan.Contains(original.Span) ? rewrite(node) : visited;

    private bool ReturnsVoid(SyntaxNode node)
    {
        var symbol = node is LocalFunctionStatementSyntax or MethodDeclarationSyntax
            ? model.GetDeclaredSymbol(node)
            : model.GetSymbolInfo(node).Symbol;
        return symbol is IMethodSymbol { ReturnsVoid: true };
    }

    private static StatementSyntax Call(string method) => ParseStatement($"{Budget}.{method}();");

    private static BlockSyntax Stepped(StatementSyntax body) => Block(Call("Step"), body);

    private static BlockSyntax Entered(BlockSyntax body) => body.WithStatements(body.Statements.Insert(0, Call("Enter")));

    private static BlockSyntax EnteredBlock(ExpressionSyntax expression, bool returnsVoid) =>
        Block(Call("Enter"), returnsVoid
            ? ExpressionStatement(expression)
            : ReturnStatement(Token(SyntaxKind.ReturnKeyword).WithTrailingTrivia(Space), expression, Token(SyntaxKind.SemicolonToken)));
}
