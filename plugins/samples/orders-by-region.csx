/* {
  "name": "orders-by-region",
  "version": "1.0.0",
  "kind": "activity",
  "description": "Shapes a list of orders into one row per region (paid or completed orders only): order count and amount in fen, largest amount first, plus the grand total.",
  "inputs": [
    { "name": "orders", "type": "records", "description": "Orders with regionId, amountFen and status." }
  ],
  "outputs": [
    { "name": "byRegion", "type": "records", "description": "regionId, orders, amountFen per region." },
    { "name": "totalFen", "type": "money", "description": "Sum over the counted orders." }
  ]
} */
var counted = (orders ?? [])
    .Where(o => o.TryGetValue("status", out var s) && s is "paid" or "completed")
    .Select(o => (
        Region: o.TryGetValue("regionId", out var r) && r is string region && region.Length > 0 ? region : "unknown",
        Amount: Convert.ToInt64(o.TryGetValue("amountFen", out var a) ? a ?? 0L : 0L, CultureInfo.InvariantCulture)))
    .ToList();

byRegion = counted
    .GroupBy(o => o.Region)
    .Select(g => (IReadOnlyDictionary<string, object>)new Dictionary<string, object>
    {
        ["regionId"] = g.Key,
        ["orders"] = (long)g.Count(),
        ["amountFen"] = g.Sum(o => o.Amount),
    })
    .OrderByDescending(row => (long)row["amountFen"])
    .ThenBy(row => (string)row["regionId"])
    .ToList();
totalFen = counted.Sum(o => o.Amount);
