// The gate's extra rules for table comparisons: a schema change (not ignored) fails it, as do a
// PSI above psiMax and a changed column order (when asked); two tables without rows are judged
// by their schemas instead of "nothing compared".
import { ExitCode } from "../errors.ts";
import type { Report } from "../report/types.ts";
import type { TableReport } from "../table/types.ts";
import type { GateDecision } from "./gate.ts";

/** The gate's reason when a table's schema changed; the terminal summary looks for it. */
export const SCHEMA_CHANGED_REASON = "the schema changed (see the schema section)";

/** Why: a table can change without a changed row (a drifted distribution, a reordered or empty schema). */
export function evaluateTableGate(
  decision: GateDecision,
  summary: Report["summary"],
  table: TableReport,
  schemaChanged: boolean,
): GateDecision {
  const reasons: string[] = decision.reason !== undefined ? [decision.reason] : [];
  let verdict = decision.verdict;
  let passed = decision.passed;
  if (summary.trials === 0) {
    // Two tables without rows: nothing compared row by row, yet their schemas can be judged.
    verdict = "equivalent";
    passed = reasons.length === 0;
  }
  if (schemaChanged) {
    // Columns added, removed or retyped change what downstream code reads, whatever the rows say.
    verdict = "changed";
    passed = false;
    reasons.push(SCHEMA_CHANGED_REASON);
  }
  if (table.schema.orderChanged === true) {
    verdict = "changed";
    passed = false;
    reasons.push("the column order changed (columnOrder)");
  }
  const drifted = driftedColumns(table);
  if (drifted.length > 0) {
    verdict = "changed";
    passed = false;
    reasons.push(`PSI above ${table.psiMax}: ${drifted.join(", ")}`);
  }
  const exitCode = verdict === "error" ? ExitCode.usage : passed ? ExitCode.equivalent : ExitCode.changed;
  const { reason: _reason, ...rest } = decision;
  return { ...rest, verdict, passed, exitCode, ...(reasons.length > 0 && { reason: reasons.join("; ") }) };
}

/** Columns whose PSI exceeds psiMax, as `score (0.31)`. */
function driftedColumns(table: TableReport): string[] {
  const { psiMax } = table;
  if (psiMax === undefined) return [];
  return table.distribution
    .filter((stats) => stats.psi !== null && stats.psi > psiMax)
    .map((stats) => `${stats.column} (${(stats.psi as number).toFixed(3)})`);
}
