// Per-column statistics over the matched row pairs: how many rows compared, nulls per side,
// null↔value changes, and how far numbers moved (in-tolerance noise included). Without another
// pass over the pairs: a pair whose cell texts are equal holds one value twice (it moved by 0), so
// those pairs' share is the old side's profile minus its rows only in old and minus the pairs that
// may differ, and those two sets are small and kept in `handed` (see handover.ts).
import type { ColumnStats } from "../types.ts";
import { columnEncoding, knownKindSql, numberSql } from "./cell-sql.ts";
import type { PlannedColumn } from "./column-plan.ts";
import type { LoadedTable } from "./load-table.ts";
import type { CellCounts, ColumnProfile } from "./side-profiles.ts";
import type { TableEngine } from "./table-engine.ts";

/** What the query gives per column, before `changed` (the comparator's count) joins it. */
export type PairColumnStats = Omit<ColumnStats, "changed" | "ignored"> & {
  /** Pairs where both cells hold a value (not null, absent or NaN). */
  bothValues: number;
};

const FIELDS = 18;
const NO_CELLS: CellCounts = { present: 0, nullish: 0, valued: 0, finite: 0 };

/** Why: the report's per-column table without bringing a single row into JavaScript. */
export async function pairColumnStats(
  engine: TableEngine,
  oldTable: LoadedTable,
  newTable: LoadedTable,
  columns: PlannedColumn[],
  profiles: { old: ColumnProfile[]; new: ColumnProfile[] },
): Promise<PairColumnStats[]> {
  if (columns.length === 0) return [];
  const count = (condition: string) => `count(CASE WHEN ${condition} THEN 1 END)`;
  // Layers, so each cell is typed once: kinds, numbers, distances, then sums; the sides' kind
  // masks spare most columns any pattern matching.
  const typed = columns.flatMap((column, i) => {
    const present = (side: "old" | "new", cell: string) =>
      column[side] === undefined
        ? "FALSE"
        : (side === "old" ? oldTable : newTable).absentCells
          ? `${cell} IS NOT NULL`
          : "TRUE";
    const kind = (side: "old" | "new", cell: string) => {
      const index = column[side];
      const table = side === "old" ? oldTable : newTable;
      return index === undefined
        ? "0"
        : knownKindSql(cell, columnEncoding(table, index), profiles[side][index].mask);
    };
    return [
      `ot${i}`,
      `nt${i}`,
      `coalesce(d${i}, FALSE) AS d${i}`,
      `${kind("old", `ot${i}`)} AS ok${i}`,
      `${kind("new", `nt${i}`)} AS nk${i}`,
      `${present("old", `ot${i}`)} AS po${i}`,
      `${present("new", `nt${i}`)} AS pn${i}`,
    ];
  });
  const numbered = columns.flatMap((_, i) => [
    `ot${i}`,
    `nt${i}`,
    `d${i}`,
    `ok${i}`,
    `nk${i}`,
    `po${i}`,
    `pn${i}`,
    `${numberSql(`ot${i}`, `ok${i}`)} AS on${i}`,
    `${numberSql(`nt${i}`, `nk${i}`)} AS nn${i}`,
  ]);
  const valued = columns.flatMap((_, i) => {
    const [oldNumber, newNumber] = [`on${i}`, `nn${i}`];
    // Integers beyond 2^53 differ by less than a double can tell; subtract them exactly.
    const exact = `abs(TRY_CAST(ot${i} AS HUGEINT) - TRY_CAST(nt${i} AS HUGEINT))::DOUBLE`;
    return [
      `d${i}`,
      `po${i}`,
      `(po${i} OR pn${i}) AS p${i}`,
      `(ok${i} = 0) AS oz${i}`,
      `(nk${i} = 0) AS nz${i}`,
      `isfinite(${oldNumber}) AS of${i}`,
      `(CASE WHEN isfinite(${oldNumber}) AND isfinite(${newNumber}) THEN ` +
        `CASE WHEN ok${i} = 1 AND nk${i} = 1 AND (length(ot${i}::VARCHAR) > 15 OR length(nt${i}::VARCHAR) > 15) ` +
        `THEN coalesce(${exact}, abs(${oldNumber} - ${newNumber})) ELSE abs(${oldNumber} - ${newNumber}) END END) AS a${i}`,
      `greatest(abs(${oldNumber}), abs(${newNumber})) AS s${i}`,
    ];
  });
  const aggregates = columns.flatMap((_, i) => {
    const may = `matched AND d${i}`;
    const only = "NOT matched";
    const moved = `CASE WHEN ${may} THEN a${i} END`;
    return [
      // The pairs that may differ, as the statistics define them.
      count(`${may} AND p${i}`),
      count(`${may} AND p${i} AND oz${i}`),
      count(`${may} AND p${i} AND nz${i}`),
      count(`${may} AND p${i} AND NOT oz${i} AND nz${i}`),
      count(`${may} AND p${i} AND oz${i} AND NOT nz${i}`),
      `count(${moved})`,
      `max(${moved})`,
      `max(CASE WHEN ${may} THEN (CASE WHEN s${i} = 0 THEN 0 ELSE a${i} / s${i} END) END)`,
      `sum(${moved})`,
      count(`${may} AND NOT oz${i} AND NOT nz${i}`),
      // Their old cells, and the cells of rows only in old: what the old profile counted besides the equal pairs.
      ...[may, only].flatMap((rows) => [
        count(`${rows} AND po${i}`),
        count(`${rows} AND po${i} AND oz${i}`),
        count(`${rows} AND NOT oz${i}`),
        count(`${rows} AND of${i}`),
      ]),
    ];
  });
  const [row] = await engine.rows(
    `SELECT ${aggregates.join(", ")} FROM (SELECT matched, ${valued.join(", ")} FROM (SELECT matched, ${numbered.join(", ")} ` +
      `FROM (SELECT (o IS NOT NULL AND n IS NOT NULL) AS matched, ${typed.join(", ")} FROM handed WHERE o IS NOT NULL)))`,
  );
  return columns.map((column, i) => {
    const at = i * FIELDS;
    const number = (value: unknown) => (value === null ? 0 : Number(value));
    const cellsAt = (start: number): CellCounts => ({
      present: number(row[start]),
      nullish: number(row[start + 1]),
      valued: number(row[start + 2]),
      finite: number(row[start + 3]),
    });
    const oldCells = column.old === undefined ? NO_CELLS : profiles.old[column.old].cells;
    const [mayDiffer, onlyOld] = [cellsAt(at + 10), cellsAt(at + 14)];
    // The pairs with equal texts: one value on both sides.
    const equal = (field: keyof CellCounts) => oldCells[field] - mayDiffer[field] - onlyOld[field];
    const numericPairs = equal("finite") + number(row[at + 5]);
    const largest = (value: unknown) => Math.max(number(value), 0);
    return {
      column: column.name,
      compared: equal("present") + number(row[at]),
      ...(numericPairs > 0 && {
        maxAbs: largest(row[at + 6]),
        maxRel: largest(row[at + 7]),
        meanAbs: number(row[at + 8]) / numericPairs,
      }),
      nulls: { old: equal("nullish") + number(row[at + 1]), new: equal("nullish") + number(row[at + 2]) },
      nullChanges: { toNull: number(row[at + 3]), fromNull: number(row[at + 4]) },
      bothValues: equal("valued") + number(row[at + 9]),
    };
  });
}
