// The schema and distribution views of two loaded tables: columns only on one side, type changes
// (declared types as declared; elsewhere a column's type follows its cells under the record
// rules), a changed order when asked, and the numeric columns' distributions with PSI.
import { isNumericType, typeOfMask } from "../column-types.ts";
import { populationStabilityIndex } from "../psi.ts";
import type { ColumnType, DistributionStats, SchemaReport } from "../types.ts";
import type { LoadedTable } from "./load-table.ts";
import { type ColumnProfile, sideColumnType } from "./side-profiles.ts";

/** What the schema view needs of a table: its column names and, where declared, their types. */
export type DescribedTable = Pick<LoadedTable, "columns" | "declared">;

type Profiles = { old: ColumnProfile[]; new: ColumnProfile[] };

const SCALAR_TYPES: ReadonlySet<ColumnType> = new Set(["int", "float", "number", "string", "mixed"]);

/** Why: schema changes come first in a report; they explain most row differences at a glance. */
export function compareSchemas(
  oldTable: DescribedTable,
  newTable: DescribedTable,
  profiles: Profiles,
  options: {
    looseNumbers: boolean;
    columnOrder: boolean;
    /** True when the column's compared cells never changed type under the comparator. */
    typeFollowsCells: (column: string) => boolean;
  },
): SchemaReport {
  const typesOf = (table: DescribedTable, side: ColumnProfile[]) => {
    const types: Record<string, ColumnType> = {};
    table.columns.forEach((column, i) => {
      const type = sideColumnType(table, i, side[i], (mask) => typeOfMask(mask, options.looseNumbers));
      types[column] = options.looseNumbers && (type === "int" || type === "float") ? "number" : type;
    });
    return types;
  };
  const types = { old: typesOf(oldTable, profiles.old), new: typesOf(newTable, profiles.new) };
  const newColumns = new Set(newTable.columns);
  const oldColumns = new Set(oldTable.columns);
  const typeChanges: SchemaReport["typeChanges"] = [];
  for (const column of oldTable.columns) {
    if (!newColumns.has(column)) continue;
    const [oldType, newType] = [types.old[column], types.new[column]];
    if (oldType === newType) continue;
    const declared = oldTable.declared !== undefined || newTable.declared !== undefined;
    if (
      !declared &&
      SCALAR_TYPES.has(oldType) &&
      SCALAR_TYPES.has(newType) &&
      options.typeFollowsCells(column)
    )
      continue;
    typeChanges.push({ column, old: oldType, new: newType });
  }
  const report: SchemaReport = {
    columns: { old: [...oldTable.columns], new: [...newTable.columns] },
    onlyOld: oldTable.columns.filter((column) => !newColumns.has(column)),
    onlyNew: newTable.columns.filter((column) => !oldColumns.has(column)),
    typeChanges,
    types,
  };
  if (options.columnOrder) {
    const sharedOld = oldTable.columns.filter((column) => newColumns.has(column));
    const sharedNew = newTable.columns.filter((column) => oldColumns.has(column));
    report.orderChanged = sharedOld.some((column, i) => sharedNew[i] !== column);
  }
  return report;
}

/**
 * Why: the distribution view of every column numeric on both sides, in the old side's column
 * order. PSI bins by the old side's deciles under the column's tolerance, so values equal within
 * tolerance never show a shift (a constant column included); the profiles counted the bins.
 */
export function compareDistributions(
  oldTable: DescribedTable,
  newTable: DescribedTable,
  profiles: Profiles,
  schema: SchemaReport,
): DistributionStats[] {
  return oldTable.columns.flatMap((column, oldIndex) => {
    const newIndex = newTable.columns.indexOf(column);
    if (
      newIndex === -1 ||
      !isNumericType(schema.types.old[column]) ||
      !isNumericType(schema.types.new[column])
    )
      return [];
    const oldNumbers = profiles.old[oldIndex].numbers;
    const newNumbers = profiles.new[newIndex].numbers;
    if (oldNumbers?.bins === undefined || newNumbers?.bins === undefined) return [];
    return [
      {
        column,
        old: oldNumbers.summary,
        new: newNumbers.summary,
        psi: populationStabilityIndex(oldNumbers.bins.counts, newNumbers.bins.counts),
        bins: { edges: oldNumbers.bins.edges, old: oldNumbers.bins.counts, new: newNumbers.bins.counts },
      },
    ];
  });
}

/** Why: a schema change the rules do not ignore fails the gate even when no row changed. */
export function isSchemaChanged(schema: SchemaReport, ignores: (column: string) => boolean): boolean {
  return (
    schema.onlyOld.some((column) => !ignores(column)) ||
    schema.onlyNew.some((column) => !ignores(column)) ||
    schema.typeChanges.some((change) => !ignores(change.column)) ||
    (schema.dtypeChanges ?? []).some((change) => !ignores(change.column))
  );
}
