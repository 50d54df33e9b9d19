// Table comparison: the old table is held (compactly, column by column), the new one streams
// past it. Each row pair becomes one trial for the usual aggregator (so the gate, accepted
// differences and every reporter work unchanged), while per-column statistics, the schema and
// the distributions are collected beside it into `report.table`.
import type { Outcome } from "../../adapters/types.ts";
import { type AggregateResult, Aggregator } from "../aggregate/aggregator.ts";
import { type Comparator, createComparator } from "../compare/comparator.ts";
import type { CompareOptions, CompareResult, Difference } from "../compare/types.ts";
import type { TrialResult } from "../runner/types.ts";
import { columnOfPath } from "./column-of.ts";
import { KeyJoin } from "./key-join.ts";
import { PairStats } from "./pair-stats.ts";
import { RowExamples } from "./row-examples.ts";
import { describeKey, keyFromText, keyTextOf, keyValuesOf } from "./row-key.ts";
import { RowStore } from "./row-store.ts";
import { compareDistributions, compareSchemas } from "./schema.ts";
import { SideProfile } from "./side-profile.ts";
import type { RowLocation, RowMatch, TableReport } from "./types.ts";

const ONE_SIDED_EXAMPLES = 5;

export interface TableComparisonOptions {
  compare: CompareOptions;
  match: RowMatch;
  /** Report a changed order of the shared columns (and let it fail the gate). */
  columnOrder: boolean;
  psiMax?: number;
  maxExamples: number;
  /** How messages name each side's table: a file path, or e.g. "old output". */
  names: { old: string; new: string };
  /** Sees every trial (row pair) as it is added, e.g. to track accepted differences. */
  onTrial?: (trial: TrialResult) => void;
}

export interface TableComparisonResult {
  aggregate: AggregateResult;
  table: TableReport;
  /** A schema difference no ignore rule covers: columns added or removed, types or dtypes changed. */
  schemaChanged: boolean;
}

/** Why: one implementation of "compare two tables" for `twinrun diff`, dataset mode and dataframes. */
export class TableComparison {
  private readonly options: TableComparisonOptions;
  private readonly comparator: Comparator;
  private readonly aggregator: Aggregator;
  private readonly examples: RowExamples;
  private readonly oldRows = new RowStore();
  private readonly join: KeyJoin | undefined;
  private readonly key: readonly string[] | undefined;
  private readonly oldProfile = new SideProfile(1);
  private readonly newProfile = new SideProfile(2);
  private readonly pairStats = new PairStats();
  private readonly onlyNewExamples: RowLocation[] = [];
  private readonly dtypes = { old: {} as Record<string, string>, new: {} as Record<string, string> };
  private onlyNew = 0;
  private matched = 0;
  private trialIndex = 0;

  constructor(options: TableComparisonOptions) {
    this.options = options;
    this.comparator = createComparator(options.compare);
    // Examples are picked here (RowExamples), not by the aggregator's first-come rule.
    this.aggregator = new Aggregator({ maxExamples: 0 });
    this.examples = new RowExamples(options.maxExamples);
    if (options.match.by === "key") {
      this.key = options.match.key;
      this.join = new KeyJoin();
    }
  }

  /** Columns a side's header names, so they count even when the side has no rows. */
  declareColumns(side: "old" | "new", columns: readonly string[]): void {
    (side === "old" ? this.oldProfile : this.newProfile).declareColumns(columns);
  }

  /** pandas dtypes of a side's columns (the dataframe style); a later batch's dtype wins. */
  declareDtypes(side: "old" | "new", dtypes: Record<string, string>): void {
    Object.assign(this.dtypes[side], dtypes);
  }

  /** One old row, in file order; every old row comes before the first new one. */
  addOld(line: number, row: Record<string, unknown>): void {
    this.oldProfile.add(row);
    const rowIndex = this.oldRows.add(line, row);
    if (this.join !== undefined && this.key !== undefined) {
      this.join.addOld(keyTextOf(row, this.key, this.options.names.old, line), rowIndex);
    }
  }

  /** One new row, in file order: paired and compared at once. */
  addNew(line: number, row: Record<string, unknown>): void {
    this.newProfile.add(row);
    const position = this.newProfile.rows - 1;
    let oldIndex: number | undefined;
    if (this.join !== undefined && this.key !== undefined) {
      oldIndex = this.join.takeFor(keyTextOf(row, this.key, this.options.names.new, line), line);
    } else if (position < this.oldRows.size) {
      oldIndex = position;
    }
    if (oldIndex === undefined) {
      this.onlyNew++;
      if (this.onlyNewExamples.length < ONE_SIDED_EXAMPLES) this.onlyNewExamples.push(this.locate(row, line));
      this.addOneSided("new", row, line);
      return;
    }
    this.matched++;
    this.comparePair(oldIndex, line, row);
  }

  /** Adds the rows only in old, then builds the result. */
  finish(): TableComparisonResult {
    const onlyOldExamples: RowLocation[] = [];
    let onlyOld = 0;
    for (let rowIndex = 0; rowIndex < this.oldRows.size; rowIndex++) {
      const paired = this.join !== undefined ? this.join.isTaken(rowIndex) : rowIndex < this.newProfile.rows;
      if (paired) continue;
      onlyOld++;
      const row = this.oldRows.row(rowIndex);
      const line = this.oldRows.line(rowIndex);
      if (onlyOldExamples.length < ONE_SIDED_EXAMPLES) onlyOldExamples.push(this.locate(row, line));
      this.addOneSided("old", row, line);
    }
    const looseNumbers = this.options.compare.numberTypes === "loose";
    const schema = compareSchemas(this.oldProfile, this.newProfile, {
      looseNumbers,
      columnOrder: this.options.columnOrder,
    });
    if (Object.keys(this.dtypes.old).length > 0 || Object.keys(this.dtypes.new).length > 0) {
      schema.dtypes = this.dtypes;
      schema.dtypeChanges = Object.keys(this.dtypes.old)
        .filter((column) => column in this.dtypes.new && this.dtypes.old[column] !== this.dtypes.new[column])
        .map((column) => ({ column, old: this.dtypes.old[column], new: this.dtypes.new[column] }));
    }
    const ignores = (column: string) => this.comparator.ignoresKey(column);
    const columns = this.pairStats.result(ignores);
    const order = new Map([...schema.columns.old, ...schema.columns.new].map((column, i) => [column, i]));
    columns.sort((a, b) => b.changed - a.changed || (order.get(a.column) ?? 0) - (order.get(b.column) ?? 0));
    const table: TableReport = {
      match: this.options.match,
      schema,
      rows: {
        old: this.oldProfile.rows,
        new: this.newProfile.rows,
        matched: this.matched,
        onlyOld,
        onlyNew: this.onlyNew,
        onlyOldExamples,
        onlyNewExamples: this.onlyNewExamples,
        ...(this.join !== undefined &&
          this.key !== undefined && {
            duplicates: this.join.duplicates(
              (rowIndex) => this.oldRows.line(rowIndex),
              (keyText) => keyFromText(keyText, this.key ?? []),
            ),
          }),
      },
      columns,
      distribution: compareDistributions(this.oldProfile, this.newProfile, schema),
      ...(this.options.psiMax !== undefined && { psiMax: this.options.psiMax }),
    };
    const schemaChanged =
      schema.onlyOld.some((column) => !ignores(column)) ||
      schema.onlyNew.some((column) => !ignores(column)) ||
      schema.typeChanges.some((change) => !ignores(change.column)) ||
      (schema.dtypeChanges ?? []).some((change) => !ignores(change.column));
    return {
      aggregate: { ...this.aggregator.result(), examples: this.examples.result() },
      table,
      schemaChanged,
    };
  }

  private comparePair(oldIndex: number, newLine: number, newRow: Record<string, unknown>): void {
    const oldRow = this.oldRows.row(oldIndex);
    const comparison = this.comparator.compareValues(oldRow, newRow);
    const changed = comparison.differences.length > 0 ? changedColumnsOf(comparison.differences) : undefined;
    this.pairStats.add(oldRow, newRow, changed);
    const oldLine = this.oldRows.line(oldIndex);
    this.addRowTrial(comparison, oldRow, newRow, (index) =>
      this.describePair(index, newRow, `old line ${oldLine} · new line ${newLine}`),
    );
  }

  private addOneSided(side: "old" | "new", row: Record<string, unknown>, line: number): void {
    const difference: Difference =
      side === "old" ? { path: "$", kind: "removed", old: row } : { path: "$", kind: "added", new: row };
    const where = side === "old" ? `old line ${line} · not in new` : `not in old · new line ${line}`;
    this.addRowTrial(
      { differences: [difference], truncated: false },
      side === "old" ? row : null,
      side === "new" ? row : null,
      (index) => this.describePair(index, row, where),
      side === "old" ? "new" : "old",
    );
  }

  private addRowTrial(
    comparison: CompareResult,
    oldRow: Record<string, unknown> | null,
    newRow: Record<string, unknown> | null,
    describe: (index: number) => string,
    absent?: "old" | "new",
  ): void {
    const index = this.trialIndex++;
    // Descriptions are only read for changed rows (examples), so unchanged rows skip building one.
    const inputText = comparison.differences.length > 0 ? describe(index) : "";
    this.addTrial({
      index,
      inputText,
      old: rowOutcome(oldRow),
      new: rowOutcome(newRow),
      comparison,
      ...(absent !== undefined && { absent }),
    });
  }

  /** Adds a trial that is not a row pair (a batch that failed on one side); it gets the next index. */
  addOtherTrial(trial: Omit<TrialResult, "index">): void {
    this.addTrial({ ...trial, index: this.trialIndex++ });
  }

  private addTrial(trial: TrialResult): void {
    this.aggregator.add(trial);
    if (trial.comparison.differences.length > 0) this.examples.add(trial);
    this.options.onTrial?.(trial);
  }

  /** By position the trial index is the row's position; by key the key says which row. */
  private describePair(index: number, row: Record<string, unknown>, where: string): string {
    if (this.key === undefined) return `row ${index} · ${where}`;
    return `${describeKey(keyValuesOf(row, this.key))} · ${where}`;
  }

  private locate(row: Record<string, unknown>, line: number): RowLocation {
    return this.key === undefined ? { line } : { line, key: keyValuesOf(row, this.key) };
  }
}

function rowOutcome(row: Record<string, unknown> | null): Outcome {
  return { status: "ok", text: "", value: row, durationMs: 0 };
}

function changedColumnsOf(differences: readonly Difference[]): Set<string> {
  const columns = new Set<string>();
  for (const difference of differences) {
    const column = columnOfPath(difference.path);
    if (column !== undefined) columns.add(column);
  }
  return columns;
}
