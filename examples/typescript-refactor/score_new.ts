// The refactor: a reduce, a lookup table, the risk terms summed in one expression, flags built
// from a list. Same behaviour — the risk differs only by float noise, the flags only in order.
import type { Customer, CustomerScore } from "./types.ts";

const COUNTRY_RISK: Record<string, number> = { NL: 0.1, BE: 0.15, DE: 0.12, UK: 0.2 };
const DEFAULT_COUNTRY_RISK = 0.25;

function segmentOf(age: number): CustomerScore["segment"] {
  if (age >= 65) return "senior";
  return age < 30 ? "young" : "adult";
}

/** Scores one customer. */
export function scoreCustomer(customer: Customer): CustomerScore {
  const { purchases, tags } = customer;
  const averagePurchase =
    purchases.length === 0 ? 0 : purchases.reduce((sum, amount) => sum + amount, 0) / purchases.length;
  const baseRisk =
    (COUNTRY_RISK[customer.country] ?? DEFAULT_COUNTRY_RISK) +
    (customer.income < 20_000 ? 0.3 : 0) +
    (tags.includes("churn-risk") ? 0.2 : 0);
  const risk = baseRisk - (baseRisk * Math.min(averagePurchase, 250)) / 1000;
  const flags = new Set(
    [
      risk > 0.5 && "high-risk",
      purchases.length === 0 && "no-purchases",
      tags.includes("vip") && "vip",
    ].filter((flag): flag is string => flag !== false),
  );
  return {
    id: customer.id,
    risk,
    averagePurchase,
    segment: segmentOf(customer.age),
    flags,
    customerSince: new Date(customer.signup),
  };
}
