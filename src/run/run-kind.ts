// The run's kind, decided once from the resolved config: records (one trial per input) or tables
// (dataset mode's batch commands, the Python dataframe style).
import type { ResolvedRunConfig } from "../config/types.ts";

/** How a run compares: per input, or as two tables (and which way the tables come about). */
export type RunKind = { kind: "records" } | { kind: "tables"; via: "dataset" | "dataframe" };

/** Why: every later step (sharding, the trial loop, the report, the CLI's messages) reads this one answer. */
export function decideRunKind(config: Pick<ResolvedRunConfig, "old">): RunKind {
  const { old } = config;
  if (old.adapter === "command" && old.mode === "dataset") return { kind: "tables", via: "dataset" };
  if (old.adapter === "python" && old.style === "dataframe") return { kind: "tables", via: "dataframe" };
  return { kind: "records" };
}
