// The cells that leave the engine: for each matched row pair, the columns whose texts differ
// (and every row on one side only). Each such pair goes through the record comparator with the
// run's rules, so every cell's verdict is the comparator's; the engine only decides that equal
// texts are equal values.
import type { Comparator } from "../../compare/comparator.ts";
import type { CompareResult, Difference } from "../../compare/types.ts";
import { parseLossless } from "../../json/parse.ts";
import { columnOfPath } from "../column-of.ts";
import { cellSql, isPresentSql, type PlannedColumn } from "./column-plan.ts";
import { ABSENT, decodeCell, setCell } from "./decode-cell.ts";
import { cellColumn, type LoadedTable } from "./load-table.ts";
import type { TableEngine } from "./table-engine.ts";

/** One trial that may be changed, as the engine hands it over. */
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
}

/** Why: the predicate "this cell may differ", in SQL, conservative wherever the text alone cannot tell. */
function differsSql(column: PlannedColumn, options: HandoverOptions): string {
  if (column.ignored) return "FALSE";
  const oldCell = cellSql(column, "old", "o");
  const newCell = cellSql(column, "new", "n");
  if (column.old === undefined) return isPresentSql(column, "new", options.new, "n");
  if (column.new === undefined) return isPresentSql(column, "old", options.old, "o");
  const parts = [`${oldCell} IS DISTINCT FROM ${newCell}`];
  // Texts are comparable as they stand only within one encoding (and one meaning of NULL).
  if (options.old.encoding !== options.new.encoding || options.old.absentCells !== options.new.absentCells)
    parts.push(`${oldCell} IS NULL`, `${newCell} IS NULL`);
  if (options.nanUnequal && options.old.encoding === "json") parts.push(`contains(${oldCell}, 'NaN')`);
  // A row kept as its own text (a number the JSON reader rounds) is compared from that text.
  if (options.old.rawColumn !== undefined) parts.push(`o.${options.old.rawColumn} IS NOT NULL`);
  if (options.new.rawColumn !== undefined) parts.push(`n.${options.new.rawColumn} IS NOT NULL`);
  return `(${parts.join(" OR ")})`;
}

/** Why: streams the candidate trials in trial order and compares each; `onTrial` sees the changed ones. */
export async function handOver(
  options: HandoverOptions,
  onTrial: (trial: HandedTrial) => void,
): Promise<void> {
  const { engine, columns } = options;
  const compared = columns.filter((column) => !column.ignored);
  const predicates = compared.map((column) => differsSql(column, options));
  const keyCells = (options.key ?? []).flatMap((name) => {
    const oldIndex = options.old.columns.indexOf(name);
    const newIndex = options.new.columns.indexOf(name);
    const cell = (alias: string, index: number) =>
      index === -1 ? "NULL::VARCHAR" : `${alias}.${cellColumn(index)}`;
    return [cell("o", oldIndex), cell("n", newIndex)];
  });
  const rawCell = (table: LoadedTable, alias: string) =>
    table.rawColumn === undefined ? "NULL::VARCHAR" : `${alias}.${table.rawColumn}`;
  const select = [
    "p.idx",
    "p.o",
    "p.n",
    rawCell(options.old, "o"),
    rawCell(options.new, "n"),
    ...keyCells,
    ...compared.flatMap((column, i) => [
      `${predicates[i]} AS d${i}`,
      `CASE WHEN ${predicates[i]} THEN ${cellSql(column, "old", "o")} END`,
      `CASE WHEN ${predicates[i]} THEN ${cellSql(column, "new", "n")} END`,
    ]),
  ];
  const anyDiffers = predicates.length === 0 ? "FALSE" : predicates.join(" OR ");
  const sql =
    `SELECT ${select.join(", ")} FROM pairs p LEFT JOIN ${options.old.table} o ON o.rowid = p.o ` +
    `LEFT JOIN ${options.new.table} n ON n.rowid = p.n ` +
    `WHERE p.o IS NULL OR p.n IS NULL OR ${anyDiffers} ORDER BY p.idx`;
  const keyStart = 5;
  const cellStart = keyStart + keyCells.length;
  for await (const batch of engine.stream(sql)) {
    for (const row of batch) {
      const index = Number(row[0]);
      const oldRow = row[1] === null ? undefined : Number(row[1]);
      const newRow = row[2] === null ? undefined : Number(row[2]);
      const key = options.key === undefined ? undefined : keyOf(options, row, keyStart, newRow !== undefined);
      if (oldRow === undefined || newRow === undefined) {
        const difference: Difference =
          newRow === undefined ? { path: "$", kind: "removed" } : { path: "$", kind: "added" };
        onTrial({
          index,
          ...(oldRow !== undefined && { oldRow }),
          ...(newRow !== undefined && { newRow }),
          ...(key !== undefined && { key }),
          comparison: { differences: [difference], truncated: false },
          absent: oldRow === undefined ? "old" : "new",
        });
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
