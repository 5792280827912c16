using Microsoft.AspNetCore.Http.HttpResults;
using SocialCommerce.Cluster;
using SocialCommerce.Commerce;
using SocialCommerce.Commerce.Orders;

namespace SocialCommerce.Host.Commerce;

public static class OrdersApi
{
    public static RouteGroupBuilder MapOrdersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapCommerceGroup("/api/orders", "Orders");
        api.MapPost("/", Place).WithName("PlaceOrder")
            .WithSummary("Place an order attributed to an active promoter (and a group they belong to); prices in fen");
        api.MapGet("/{id}", Get).WithName("GetOrder").WithSummary("One order: items, total, payments by channel, outstanding amount and delivery status");
        api.MapPost("/{id}/payments", RecordPayment).WithName("RecordPayment")
            .WithSummary("Record money that arrived through one channel (amount in fen); the same payment id twice records it once");
        api.MapPost("/{id}/ship", Ship).WithName("ShipOrder").WithSummary("Mark the parcel shipped, with the courier's tracking number");
        api.MapPost("/{id}/sign", Sign).WithName("SignOrder")
            .WithSummary("Mark the parcel signed for; the order completes when it is also paid in full");
        api.MapPost("/{id}/return", Return).WithName("ReturnOrder").WithSummary("Mark a shipped order returned, with the reason");
        return api;
    }

    public static async Task<Results<Created<OrderView>, ValidationProblem>> Place(
        PlaceOrder request, OrderPlacement placement, CancellationToken cancellationToken)
    {
        var errors = request.Validate();
        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var order = await placement.PlaceAsync(request, cancellationToken);
        return TypedResults.Created($"/api/orders/{order.Id}", order);
    }

    public static async Task<Ok<OrderView>> Get(string id, IGrainFactory grains, CancellationToken cancellationToken) =>
        TypedResults.Ok(await grains.Get<IOrderGrain>(id).GetAsync(cancellationToken) ?? throw new NotFoundException("Order", id));

    /// <summary>Money arrived for the order (amount in fen). Repeating a payment id records it once.</summary>
    public static async Task<Results<Ok<OrderView>, ValidationProblem>> RecordPayment(
        string id, RecordPayment request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var errors = request.Validate();
        return errors.IsEmpty
            ? TypedResults.Ok(await grains.Get<IOrderGrain>(id).RecordPaymentAsync(
                request.PaymentId!, request.Channel!.Value, request.Amount!.Value, request.Reference, cancellationToken))
            : TypedResults.ValidationProblem(errors.ToDictionary());
    }

    public static async Task<Results<Ok<OrderView>, ValidationProblem>> Ship(
        string id, ShipOrder request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Text("trackingNumber", request.TrackingNumber, required: false);
        return errors.IsEmpty
            ? TypedResults.Ok(await grains.Get<IOrderGrain>(id).MarkShippedAsync(request.TrackingNumber, cancellationToken))
            : TypedResults.ValidationProblem(errors.ToDictionary());
    }

    /// <summary>The parcel was signed for; completes the order when it is also paid in full.</summary>
    public static async Task<Ok<OrderView>> Sign(string id, IGrainFactory grains, CancellationToken cancellationToken) =>
        TypedResults.Ok(await grains.Get<IOrderGrain>(id).MarkSignedAsync(cancellationToken));

    public static async Task<Results<Ok<OrderView>, ValidationProblem>> Return(
        string id, ReturnOrder request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors().Text("reason", request.Reason);
        return errors.IsEmpty
            ? TypedResults.Ok(await grains.Get<IOrderGrain>(id).MarkReturnedAsync(request.Reason!.Trim(), cancellationToken))
            : TypedResults.ValidationProblem(errors.ToDictionary());
    }
}

public sealed record ShipOrder(string? TrackingNumber);

public sealed record ReturnOrder(string? Reason);
