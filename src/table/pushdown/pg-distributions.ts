// The distribution view of the columns numeric on both sides, from the database's profiles: the
// sides' summaries and PSI over the old side's deciles under the column's tolerance, as the
// embedded engine's (engine/schema-view.ts).
import { isNumericType } from "../column-types.ts";
import type { BinTolerance } from "../engine/bin-bounds.ts";
import { distinctEdges, populationStabilityIndex } from "../psi.ts";
import type { DistributionStats, SchemaReport } from "../types.ts";
import { type PgNumbers, pgBinCounts } from "./pg-profiles.ts";
import type { PgSession } from "./pg-session.ts";
import type { PgTable } from "./pg-tables.ts";

/** Why: PSI bins by the old side's deciles, so values equal within tolerance never show a shift. */
export async function pgDistributions(
  session: PgSession,
  oldTable: PgTable,
  newTable: PgTable,
  numbers: { old: (PgNumbers | undefined)[]; new: (PgNumbers | undefined)[] },
  schema: SchemaReport,
  toleranceOf: (column: string) => BinTolerance,
): Promise<DistributionStats[]> {
  const numeric = oldTable.columns.flatMap((column, oldIndex) => {
    const name = column.name;
    const newIndex = newTable.columns.findIndex((entry) => entry.name === name);
    if (newIndex === -1 || !isNumericType(schema.types.old[name]) || !isNumericType(schema.types.new[name]))
      return [];
    const [oldNumbers, newNumbers] = [numbers.old[oldIndex], numbers.new[newIndex]];
    if (oldNumbers === undefined || newNumbers === undefined) return [];
    const edges = distinctEdges(oldNumbers.deciles ?? []);
    return [{ name, oldIndex, newIndex, oldNumbers, newNumbers, edges, tolerance: toleranceOf(name) }];
  });
  const oldCounts = await pgBinCounts(
    session,
    oldTable,
    numeric.map((entry) => ({ index: entry.oldIndex, edges: entry.edges, tolerance: entry.tolerance })),
  );
  const newCounts = await pgBinCounts(
    session,
    newTable,
    numeric.map((entry) => ({ index: entry.newIndex, edges: entry.edges, tolerance: entry.tolerance })),
  );
  return numeric.map((entry, i) => ({
    column: entry.name,
    old: entry.oldNumbers.summary,
    new: entry.newNumbers.summary,
    psi: populationStabilityIndex(oldCounts[i], newCounts[i]),
    bins: { edges: entry.edges, old: oldCounts[i], new: newCounts[i] },
  }));
}
