namespace SocialCommerce.Commerce.Orders;

/// <summary>A purchase attributed to a promoter and, optionally, the group it was sold in.</summary>
public sealed record PlaceOrder(string? Id, string? PromoterId, string? GroupId, IReadOnlyList<PlaceOrderItem>? Items)
{
    public const int MaxItems = 100;

    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors()
            .Id("id", Id, required: false)
            .Id("promoterId", PromoterId)
            .Id("groupId", GroupId, required: false);
        if (Items is null || Items.Count == 0)
        {
            return errors.Add("items", "items must list at least one item.");
        }

        if (Items.Count > MaxItems)
        {
            return errors.Add("items", $"items may list at most {MaxItems} items (got {Items.Count}).");
        }

        for (var i = 0; i < Items.Count; i++)
        {
            var item = Items[i];
            errors.Text($"items[{i}].sku", item.Sku).Text($"items[{i}].name", item.Name);
            errors.Range($"items[{i}].quantity", item.Quantity ?? 0, 1, OrderItem.MaxQuantity);
            if (item.UnitPrice is not { } price)
            {
                errors.Add($"items[{i}].unitPrice", $"items[{i}].unitPrice is required (fen).");
            }
            else if (price > OrderItem.MaxUnitPrice)
            {
                errors.Add($"items[{i}].unitPrice", $"items[{i}].unitPrice must be at most {OrderItem.MaxUnitPrice.Fen} fen ({OrderItem.MaxUnitPrice}) (got {price.Fen}).");
            }
            else
            {
                errors.Positive($"items[{i}].unitPrice", price);
            }
        }

        return errors;
    }

    public IReadOnlyList<OrderItem> ToItems() =>
        Items!.Select(i => new OrderItem(i.Sku!.Trim(), i.Name!.Trim(), i.Quantity!.Value, i.UnitPrice!.Value)).ToArray();
}

public sealed record PlaceOrderItem(string? Sku, string? Name, int? Quantity, Money? UnitPrice);
