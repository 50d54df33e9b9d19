// The cells that leave the engine: for each matched row pair, the columns whose texts differ
// (and every row on one side only). Each such pair goes through the record comparator with the
// run's rules, so every cell's verdict is the comparator's; the engine only decides that equal
// texts are equal values.
import type { Comparator } from "../../compare/comparator.ts";
import type { EffectiveOptions } from "../../compare/effective-options.ts";
import type { CompareResult, Difference } from "../../compare/types.ts";
import { parseLossless } from "../../json/parse.ts";
import { columnOfPath } from "../column-of.ts";
import { type ColumnEncoding, columnEncoding, knownKindSql } from "./cell-sql.ts";
import { cellSql, isPresentSql, type PlannedColumn } from "./column-plan.ts";
import { ABSENT, decodeCell, setCell } from "./decode-cell.ts";
import { cellTextSql, type LoadedTable } from "./load-table.ts";
import type { TableEngine } from "./table-engine.ts";
import { certainlyWithinToleranceSql } from "./tolerance-sql.ts";
import { typedKind } from "./typed-cells.ts";

/** One trial that may be changed, as the engine hands it over. */
/** Why: a row on one side only is one trial whose whole value was removed or added, in every engine. */
export function oneSidedTrial(
  index: number,
  oldRow: number | undefined,
  newRow: number | undefined,
  key: Record<string, unknown> | undefined,
): HandedTrial {
  const difference: Difference =
    newRow === undefined ? { path: "$", kind: "removed" } : { path: "$", kind: "added" };
  return {
    index,
    ...(oldRow !== undefined && { oldRow }),
    ...(newRow !== undefined && { newRow }),
    ...(key !== undefined && { key }),
    comparison: { differences: [difference], truncated: false },
    absent: oldRow === undefined ? "old" : "new",
  };
}

export interface HandedTrial {
  index: number;
  /** Row positions; undefined on the side without the row. */
  oldRow?: number;
  newRow?: number;
  /** Key values (keyed matching), from the new row, or the old one for a row only in old. */
  key?: Record<string, unknown>;
  comparison: CompareResult;
  absent?: "old" | "new";
}

export interface HandoverOptions {
  engine: TableEngine;
  old: LoadedTable;
  new: LoadedTable;
  columns: PlannedColumn[];
  key?: readonly string[];
  comparator: Comparator;
  /** Some rule treats NaN as unequal to NaN: cells holding NaN are handed over even when equal. */
  nanUnequal: boolean;
  /** Some rule tells -0 from 0: typed zeros of either sign are handed over. */
  signedZero: boolean;
  /** The comparator's options in force for a column. */
  rulesOf: (column: string) => EffectiveOptions;
  /** Each side's column kind masks (their profiles), for typing cells cheaply. */
  masks: { old: number[]; new: number[] };
}

/** Why: the predicate "this cell may differ", in SQL, conservative wherever the cells alone cannot tell. */
function differsSql(column: PlannedColumn, options: HandoverOptions): string {
  if (column.old === undefined) return isPresentSql(column, "new", options.new, "n");
  if (column.new === undefined) return isPresentSql(column, "old", options.old, "o");
  const oldEncoding = columnEncoding(options.old, column.old);
  const newEncoding = columnEncoding(options.new, column.new);
  if (
    typeof oldEncoding === "object" &&
    typeof newEncoding === "object" &&
    oldEncoding.typed === newEncoding.typed
  )
    return typedDiffersSql(
      cellSql(column, "old", "o"),
      cellSql(column, "new", "n"),
      oldEncoding.typed,
      options,
    );
  // Otherwise the cells are compared as texts, a typed one as its JSON text.
  const oldCell = cellTextSql(options.old, column.old, "o");
  const newCell = cellTextSql(options.new, column.new, "n");
  const textOf = (encoding: ColumnEncoding) => (typeof encoding === "object" ? "json" : encoding);
  const [oldText, newText] = [textOf(oldEncoding), textOf(newEncoding)];
  const parts = [`${oldCell} IS DISTINCT FROM ${newCell}`];
  // Texts are comparable as they stand only within one encoding (and one meaning of NULL).
  if (oldText !== newText || options.old.absentCells !== options.new.absentCells)
    parts.push(`${oldCell} IS NULL`, `${newCell} IS NULL`);
  if (oldText !== newText) parts.push(`NOT ${sameValueAcrossEncodings(column, options)}`);
  if (options.nanUnequal && oldText === "json") parts.push(`contains(${oldCell}, 'NaN')`);
  // A row kept as its own text (a number the JSON reader rounds) is compared from that text.
  if (options.old.rawColumn !== undefined) parts.push(`o.${options.old.rawColumn} IS NOT NULL`);
  if (options.new.rawColumn !== undefined) parts.push(`n.${options.new.rawColumn} IS NOT NULL`);
  return `(${parts.join(" OR ")})`;
}

/**
 * Two cells of one declared type are equal values exactly when the engine finds them equal, but
 * for what a rule may ask of floats: NaN unequal to NaN, -0 unequal to 0 (the engine's `=` holds
 * for both); those cells are handed to the comparator.
 */
function typedDiffersSql(oldCell: string, newCell: string, type: string, options: HandoverOptions): string {
  const parts = [`${oldCell} IS DISTINCT FROM ${newCell}`];
  if (typedKind(type) === 2) {
    if (options.nanUnequal) parts.push(`isnan(${oldCell})`);
    if (options.signedZero) parts.push(`(${oldCell} = 0 AND signbit(${oldCell}) <> signbit(${newCell}))`);
  }
  return `(${parts.join(" OR ")})`;
}

/**
 * Across encodings, one text can mean two values: the CSV cell `true` is a string, the JSON text
 * `true` a boolean; `null`, `NaN` and `"x"` likewise. Only a number is written alike in both, so
 * equal texts mean equal values only where the CSV cell is a number.
 */
function sameValueAcrossEncodings(column: PlannedColumn, options: HandoverOptions): string {
  for (const side of ["old", "new"] as const) {
    const table = options[side];
    const index = column[side];
    if (table.encoding === "csv" && index !== undefined)
      return `(${knownKindSql(cellSql(column, side, side === "old" ? "o" : "n"), "csv", options.masks[side][index])} IN (1, 2))`;
  }
  return "FALSE";
}

/**
 * Why: one pass over the row pairs keeps, in the table `handed`, every pair where some cell may
 * differ (ignored columns included, for their statistics) and every one-sided row: per column
 * `d<i>` (may differ) and the two cells where it may (`ot<i>`, `nt<i>`; a row only in old keeps
 * all its cells). Everything the comparison still needs of the pairs is in there: the trials
 * handed to the comparator and, with the sides' profiles, the per-column statistics.
 */
export async function collectHanded(options: HandoverOptions): Promise<void> {
  const { engine, columns } = options;
  const predicates = columns.map((column) => differsSql(column, options));
  const keyCells = (options.key ?? []).flatMap((name, k) => {
    const oldIndex = options.old.columns.indexOf(name);
    const newIndex = options.new.columns.indexOf(name);
    const cell = (table: LoadedTable, alias: string, index: number) =>
      index === -1 ? "NULL::VARCHAR" : cellTextSql(table, index, alias);
    return [`${cell(options.old, "o", oldIndex)} AS ko${k}`, `${cell(options.new, "n", newIndex)} AS kn${k}`];
  });
  const rawCell = (table: LoadedTable, alias: string) =>
    table.rawColumn === undefined ? "NULL::VARCHAR" : `${alias}.${table.rawColumn}`;
  const select = [
    "p.idx",
    "p.o",
    "p.n",
    `${rawCell(options.old, "o")} AS ro`,
    `${rawCell(options.new, "n")} AS rn`,
    ...keyCells,
    ...columns.flatMap((column, i) => [
      `${predicates[i]} AS d${i}`,
      `CASE WHEN ${predicates[i]} OR p.n IS NULL THEN ${cellSql(column, "old", "o")} END AS ot${i}`,
      `CASE WHEN ${predicates[i]} THEN ${cellSql(column, "new", "n")} END AS nt${i}`,
    ]),
  ];
  const anyDiffers = predicates.length === 0 ? "FALSE" : predicates.join(" OR ");
  await engine.runUnordered(
    `CREATE TABLE handed AS SELECT ${select.join(", ")} FROM pairs p LEFT JOIN ${options.old.table} o ON o.rowid = p.o ` +
      `LEFT JOIN ${options.new.table} n ON n.rowid = p.n ` +
      `WHERE p.o IS NULL OR p.n IS NULL OR ${anyDiffers}`,
  );
}

/** Why: streams the candidate trials (collectHanded's) in trial order and compares each; `onTrial` sees the changed ones. */
export async function handOver(
  options: HandoverOptions,
  onTrial: (trial: HandedTrial) => void,
): Promise<void> {
  const { engine, columns } = options;
  const comparedAt = columns.flatMap((column, i) => (column.ignored ? [] : [i]));
  const compared = comparedAt.map((i) => columns[i]);
  const keyCells = (options.key ?? []).flatMap((_, k) => [`ko${k}`, `kn${k}`]);
  // A cell the engine finds equal within tolerance is not handed to the comparator.
  const needsComparator = comparedAt.map((i) => {
    const close = closeSql(options, columns[i], i);
    return close === undefined ? `d${i}` : `(d${i} AND NOT ${close})`;
  });
  const select = [
    "idx",
    "o",
    "n",
    "ro",
    "rn",
    ...keyCells,
    ...comparedAt.flatMap((i, c) => {
      const { old: oldIndex, new: newIndex } = columns[i];
      // The kept cells are in their side's storage; the comparator reads their text.
      const text = (table: LoadedTable, index: number | undefined, cell: string) =>
        index === undefined ? cell : cellTextSql(table, index, undefined, cell);
      return [
        needsComparator[c],
        text(options.old, oldIndex, `ot${i}`),
        text(options.new, newIndex, `nt${i}`),
      ];
    }),
  ];
  const anyDiffers = needsComparator.length === 0 ? "FALSE" : needsComparator.join(" OR ");
  const sql = `SELECT ${select.join(", ")} FROM handed WHERE o IS NULL OR n IS NULL OR ${anyDiffers} ORDER BY idx`;
  const keyStart = 5;
  const cellStart = keyStart + keyCells.length;
  for await (const batch of engine.stream(sql)) {
    for (const row of batch) {
      const index = Number(row[0]);
      const oldRow = row[1] === null ? undefined : Number(row[1]);
      const newRow = row[2] === null ? undefined : Number(row[2]);
      const key = options.key === undefined ? undefined : keyOf(options, row, keyStart, newRow !== undefined);
      if (oldRow === undefined || newRow === undefined) {
        onTrial(oneSidedTrial(index, oldRow, newRow, key));
        continue;
      }
      const oldValues: Record<string, unknown> = {};
      const newValues: Record<string, unknown> = {};
      const oldRaw = rawRow(row[3]);
      const newRaw = rawRow(row[4]);
      for (let i = 0; i < compared.length; i++) {
        const at = cellStart + i * 3;
        if (row[at] !== true) continue;
        const column = compared[i];
        if (column.old !== undefined)
          setCell(
            oldValues,
            column.name,
            oldRaw === undefined
              ? decodeCell(row[at + 1] as string | null, options.old.encoding, options.old.absentCells)
              : rawCellOf(oldRaw, column.name),
          );
        if (column.new !== undefined)
          setCell(
            newValues,
            column.name,
            newRaw === undefined
              ? decodeCell(row[at + 2] as string | null, options.new.encoding, options.new.absentCells)
              : rawCellOf(newRaw, column.name),
          );
      }
      const comparison = options.comparator.compareValues(oldValues, newValues);
      if (comparison.differences.length === 0) continue;
      onTrial({ index, oldRow, newRow, ...(key !== undefined && { key }), comparison });
    }
  }
}

/** SQL true where the column's two kept cells are certainly equal within its tolerance; undefined when the engine cannot tell. */
function closeSql(options: HandoverOptions, column: PlannedColumn, i: number): string | undefined {
  if (column.old === undefined || column.new === undefined) return undefined;
  const close = certainlyWithinToleranceSql(
    {
      cell: `ot${i}`,
      encoding: columnEncoding(options.old, column.old),
      mask: options.masks.old[column.old],
    },
    {
      cell: `nt${i}`,
      encoding: columnEncoding(options.new, column.new),
      mask: options.masks.new[column.new],
    },
    options.rulesOf(column.name),
  );
  // A row kept as its own text is read from that text, which the cells may round.
  return close === undefined ? undefined : `(ro IS NULL AND rn IS NULL AND ${close})`;
}

/** A row kept as its own text (see LoadedTable.rawColumn), parsed losslessly. */
export function rawRow(text: unknown): Record<string, unknown> | undefined {
  return typeof text === "string" ? (parseLossless(text) as Record<string, unknown>) : undefined;
}

/** A column's value in such a row; a key the row lacks is absent. */
export function rawCellOf(row: Record<string, unknown>, column: string): unknown {
  return Object.hasOwn(row, column) ? row[column] : ABSENT;
}

function keyOf(
  options: HandoverOptions,
  row: unknown[],
  start: number,
  fromNew: boolean,
): Record<string, unknown> {
  const key: Record<string, unknown> = {};
  const table = fromNew ? options.new : options.old;
  (options.key ?? []).forEach((name, i) => {
    const value = decodeCell(
      row[start + i * 2 + (fromNew ? 1 : 0)] as string | null,
      table.encoding,
      table.absentCells,
    );
    key[name] = typeof value === "symbol" ? null : value;
  });
  return key;
}

/** The columns a comparison's differences fall in. */
export function changedColumnsOf(differences: readonly Difference[]): Set<string> {
  const changed = new Set<string>();
  for (const difference of differences) {
    const column = columnOfPath(difference.path);
    if (column !== undefined) changed.add(column);
  }
  return changed;
}
