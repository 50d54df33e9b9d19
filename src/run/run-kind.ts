// The run's kind, decided once from the resolved config: records (one trial per input) or tables
// (a table adapter run once on the sample file, batches compared as tables: the dataframe style, or
// two queries' results compared in their database).
import { shapeOf } from "../../adapters/components.ts";
import type { ResolvedRunConfig } from "../config/types.ts";

/** How a run compares: per input, or as two tables (and which way the tables come about). */
export type RunKind = { kind: "records" } | { kind: "tables"; via: "dataset" | "dataframe" | "database" };

/** Why: every later step (sharding, the trial loop, the report, the CLI's messages) reads this one answer. */
export function decideRunKind(config: Pick<ResolvedRunConfig, "old">): RunKind {
  const shape = shapeOf(config.old);
  if (shape === "table") return { kind: "tables", via: "dataset" };
  if (shape === "query") return { kind: "tables", via: "database" };
  if (shape === "batches") return { kind: "tables", via: "dataframe" };
  return { kind: "records" };
}
