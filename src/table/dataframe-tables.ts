// The Python dataframe style through table comparison: each batch's returned tables are
// collected per side (rows in batch order), then compared as two tables, by key columns or by
// position. A batch that failed on either side stays one failure trial; its rows are left out
// on both sides, so a failure never shows up as rows "only in old/new". The tables reach the
// engine as JSONL files in its folder, so they are typed exactly as a JSONL output would be.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { Outcome } from "../../adapters/types.ts";
import { createComparator } from "../compare/comparator.ts";
import type { CompareResult } from "../compare/types.ts";
import { parseLossless } from "../json/parse.ts";
import { stringifyLossless } from "../json/stringify.ts";
import type { TrialResult } from "../runner/types.ts";
import { compareLoadedTables } from "./engine/compare-loaded-tables.ts";
import { loadTable } from "./engine/load-table.ts";
import { withTableEngine } from "./engine/table-engine.ts";
import type { TableComparisonOptions, TableComparisonResult } from "./table-comparison.ts";

type Row = Record<string, unknown>;

/** Why: the runner calls batches; this turns their tables into one table per side. */
export class DataframeTables {
  private readonly options: TableComparisonOptions;
  private readonly comparator;
  private readonly oldRows: Row[] = [];
  private readonly newRows: Row[] = [];
  private readonly failedBatches: TrialResult[] = [];
  private readonly dtypes = { old: {} as Record<string, string>, new: {} as Record<string, string> };

  constructor(options: TableComparisonOptions) {
    this.options = options;
    this.comparator = createComparator(options.compare);
  }

  /** The runner's per-batch comparison: tables wait for finish(); failures compare as outcomes. */
  compareBatch(oldOutcome: Outcome, newOutcome: Outcome): CompareResult {
    if (oldOutcome.status === "ok" && newOutcome.status === "ok")
      return { differences: [], truncated: false };
    return this.comparator.compareOutcomes(oldOutcome, newOutcome);
  }

  /** Takes one finished batch. */
  add(trial: TrialResult): void {
    const oldOutcome = asTable(trial.old);
    const newOutcome = asTable(trial.new);
    if (oldOutcome.status === "ok" && newOutcome.status === "ok") {
      this.oldRows.push(...oldOutcome.rows);
      this.newRows.push(...newOutcome.rows);
      Object.assign(this.dtypes.old, oldOutcome.dtypes);
      Object.assign(this.dtypes.new, newOutcome.dtypes);
      return;
    }
    const comparison = this.comparator.compareOutcomes(outcomeOf(oldOutcome), outcomeOf(newOutcome));
    this.failedBatches.push({ ...trial, old: outcomeOf(oldOutcome), new: outcomeOf(newOutcome), comparison });
  }

  /** Compares the collected tables; failed batches become trials of the result too. */
  async finish(): Promise<TableComparisonResult> {
    return withTableEngine({ memoryLimit: this.options.memoryLimit }, async (engine) => {
      const load = async (side: "old" | "new", rows: Row[]) => {
        const file = path.join(engine.folder, `${side}-table.jsonl`);
        await writeFile(file, rows.map((row) => `${stringifyLossless(row)}\n`).join(""));
        return { ...(await loadTable(engine, side, file, "jsonl", false)), name: `${side} table` };
      };
      const oldTable = await load("old", this.oldRows);
      const newTable = await load("new", this.newRows);
      return compareLoadedTables(engine, oldTable, newTable, this.options, {
        dtypes: this.dtypes,
        otherTrials: this.failedBatches.map(({ index: _index, ...trial }) => trial),
      });
    });
  }
}

type TableOutcome =
  | (Extract<Outcome, { status: "ok" }> & { rows: Row[]; dtypes: Record<string, string> })
  | Extract<Outcome, { status: "failure" }>;

/** A table outcome's rows and dtypes; anything else is a failure. */
function asTable(outcome: Outcome): TableOutcome {
  if (outcome.status === "failure") return outcome;
  const table = (outcome.value ?? parseLossless(outcome.text)) as { rows?: unknown; dtypes?: unknown } | null;
  if (table === null || typeof table !== "object" || !Array.isArray(table.rows)) {
    return {
      status: "failure",
      durationMs: outcome.durationMs,
      failure: {
        kind: "unparsable",
        message:
          "the dataframe style expects the function to return a DataFrame or Series, but it returned another value",
      },
    };
  }
  const rows = table.rows as Row[];
  const dtypes =
    table.dtypes !== null && typeof table.dtypes === "object" ? (table.dtypes as Record<string, string>) : {};
  return { ...outcome, rows, dtypes };
}

function outcomeOf(outcome: TableOutcome): Outcome {
  if (outcome.status === "failure") return outcome;
  const { rows: _rows, dtypes: _dtypes, ...rest } = outcome;
  return rest;
}
