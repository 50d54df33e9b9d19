// What the scoring function reads and returns; shared by the old and the new version.

export interface Customer {
  id: number;
  age: number;
  income: number;
  country: string;
  purchases: number[];
  tags: string[];
  /** ISO date, e.g. 2019-04-12. */
  signup: string;
}

export interface CustomerScore {
  id: number;
  /** 0 (safe) to 1 (risky). */
  risk: number;
  averagePurchase: number;
  segment: "young" | "adult" | "senior";
  /** Order carries no meaning: a Set, compared as one. */
  flags: Set<string>;
  customerSince: Date;
}
