// The scoring function as it grew: loops, a Map of country risks, flags pushed case by case.
import type { Customer, CustomerScore } from "./types.ts";

const COUNTRY_RISK = new Map<string, number>([
  ["NL", 0.1],
  ["BE", 0.15],
  ["DE", 0.12],
  ["UK", 0.2],
]);

/** Scores one customer. */
export function scoreCustomer(customer: Customer): CustomerScore {
  let total = 0;
  for (let i = 0; i < customer.purchases.length; i++) {
    total = total + customer.purchases[i];
  }
  let average = 0;
  if (customer.purchases.length > 0) {
    average = total / customer.purchases.length;
  }

  let risk = COUNTRY_RISK.get(customer.country);
  if (risk === undefined) {
    risk = 0.25;
  }
  if (customer.income < 20000) {
    risk = risk + 0.3;
  }
  if (customer.tags.indexOf("churn-risk") !== -1) {
    risk = risk + 0.2;
  }
  risk = risk * (1 - Math.min(average, 250) / 1000);

  let segment: CustomerScore["segment"] = "adult";
  if (customer.age < 30) {
    segment = "young";
  }
  if (customer.age >= 65) {
    segment = "senior";
  }

  const flags = new Set<string>();
  if (customer.tags.indexOf("vip") !== -1) flags.add("vip");
  if (customer.purchases.length === 0) flags.add("no-purchases");
  if (risk > 0.5) flags.add("high-risk");

  return {
    id: customer.id,
    risk,
    averagePurchase: average,
    segment,
    flags,
    customerSince: new Date(customer.signup),
  };
}
