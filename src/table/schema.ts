// The schema view: columns only on one side, type changes, and (when asked) a changed order.
import { isNumericType } from "./column-types.ts";
import { populationStabilityIndex } from "./psi.ts";
import type { SideProfile } from "./side-profile.ts";
import type { ColumnType, DistributionStats, SchemaReport } from "./types.ts";

/** Why: schema changes come first in a report; they explain most row differences at a glance. */
export function compareSchemas(
  oldSide: SideProfile,
  newSide: SideProfile,
  options: { looseNumbers: boolean; columnOrder: boolean },
): SchemaReport {
  const oldColumns = oldSide.columns();
  const newColumns = newSide.columns();
  const types = {
    old: typesOf(oldSide, oldColumns, options.looseNumbers),
    new: typesOf(newSide, newColumns, options.looseNumbers),
  };
  const typeChanges: SchemaReport["typeChanges"] = [];
  for (const column of oldColumns) {
    if (!newSide.has(column)) continue;
    if (types.old[column] !== types.new[column])
      typeChanges.push({ column, old: types.old[column], new: types.new[column] });
  }
  const report: SchemaReport = {
    columns: { old: oldColumns, new: newColumns },
    onlyOld: oldColumns.filter((column) => !newSide.has(column)),
    onlyNew: newColumns.filter((column) => !oldSide.has(column)),
    typeChanges,
    types,
  };
  if (options.columnOrder) {
    const sharedOld = oldColumns.filter((column) => newSide.has(column));
    const sharedNew = newColumns.filter((column) => oldSide.has(column));
    report.orderChanged = sharedOld.some((column, i) => sharedNew[i] !== column);
  }
  return report;
}

function typesOf(side: SideProfile, columns: string[], looseNumbers: boolean): Record<string, ColumnType> {
  const types: Record<string, ColumnType> = {};
  for (const column of columns) types[column] = side.typeOf(column, looseNumbers);
  return types;
}

/** Why: the distribution view of every column numeric on both sides, in the old side's column order. */
export function compareDistributions(
  oldSide: SideProfile,
  newSide: SideProfile,
  schema: SchemaReport,
): DistributionStats[] {
  const stats: DistributionStats[] = [];
  for (const column of schema.columns.old) {
    const oldType = schema.types.old[column];
    const newType = schema.types.new[column];
    if (newType === undefined || !isNumericType(oldType) || !isNumericType(newType)) continue;
    const oldNumbers = oldSide.numbers(column);
    const newNumbers = newSide.numbers(column);
    if (oldNumbers === undefined || newNumbers === undefined) continue;
    stats.push({
      column,
      old: oldNumbers.summary,
      new: newNumbers.summary,
      psi: populationStabilityIndex(oldNumbers.sorted, newNumbers.sorted),
      ...((oldNumbers.sampled || newNumbers.sampled) && { sampled: true }),
    });
  }
  return stats;
}
