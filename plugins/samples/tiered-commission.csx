/* {
  "name": "tiered-commission",
  "version": "1.0.0",
  "kind": "commission-formula",
  "description": "Commission on the order at a rate set by the promoter's GMV this month: base rate below the middle tier, a higher rate from it, the top rate from the top tier. Rates in basis points (100 bp = 1%), amounts in fen.",
  "inputs": [
    { "name": "midTierFromFen", "type": "money", "description": "Monthly GMV (fen) from which the middle rate applies; default 1,000,000 (10,000 yuan)." },
    { "name": "topTierFromFen", "type": "money", "description": "Monthly GMV (fen) from which the top rate applies; default 5,000,000 (50,000 yuan)." },
    { "name": "baseRateBp", "type": "integer", "description": "Rate below the middle tier; default 500 (5%)." },
    { "name": "midRateBp", "type": "integer", "description": "Middle rate; default 800 (8%)." },
    { "name": "topRateBp", "type": "integer", "description": "Top rate; default 1200 (12%)." }
  ]
} */
// An input left out (0) takes its default, so the formula works unconfigured.
var midFrom = midTierFromFen > 0 ? midTierFromFen : 1_000_000;
var topFrom = topTierFromFen > 0 ? topTierFromFen : 5_000_000;
var gmv = Promoter?.MonthlyGmvFen ?? 0;
var rateBp = gmv >= topFrom ? (topRateBp > 0 ? topRateBp : 1200)
    : gmv >= midFrom ? (midRateBp > 0 ? midRateBp : 800)
    : (baseRateBp > 0 ? baseRateBp : 500);
var amount = Order?.AmountFen ?? 0;
// Whole fen, half a fen rounds up: money never goes through a floating-point number.
return (amount * rateBp + 5_000) / 10_000;
