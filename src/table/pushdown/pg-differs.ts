// The predicate "this cell may differ" over a matched row pair, in Postgres SQL. It may say yes
// where the comparator then finds the cells equal (the comparator judges every cell that leaves
// the database), never no where the comparator would find a change: two values it calls equal
// are equal under every rule the comparator applies.
import type { EffectiveOptions } from "../../compare/effective-options.ts";
import { jsonTextSql, type PgColumn } from "./pg-cells.ts";
import type { SqlParams } from "./sql-params.ts";

/** Why: one column's may-differ SQL; `oldCell`/`newCell` are SQL expressions of the two cells. */
export function mayDifferSql(
  oldCell: string,
  newCell: string,
  oldColumn: PgColumn | undefined,
  newColumn: PgColumn | undefined,
  rules: EffectiveOptions,
  params: SqlParams,
): string {
  if (oldColumn === undefined) return "TRUE";
  if (newColumn === undefined) return "TRUE";
  const sameClass = oldColumn.valueClass === newColumn.valueClass;
  const native = sameClass && NATIVE_EQUALITY.has(oldColumn.valueClass) && oldColumn.type === newColumn.type;
  // Where Postgres' own equality is the comparator's (same exact type), it is used as it stands;
  // elsewhere equal JSON texts are equal values (numeric's 1 = 1.0 and jsonb's 1 = 1.0 are not).
  const distinct = native
    ? `${oldCell} IS DISTINCT FROM ${newCell}`
    : `${jsonTextSql(oldCell, oldColumn)} IS DISTINCT FROM ${jsonTextSql(newCell, newColumn)}`;
  if (oldColumn.valueClass !== "float" || newColumn.valueClass !== "float") return `(${distinct})`;
  const parts = [`(${distinct} AND NOT ${withinToleranceSql(oldCell, newCell, rules, params)})`];
  // Postgres calls NaN equal to NaN and −0 equal to 0; the comparator may be told otherwise.
  if (!rules.nanEqual) parts.push(`${oldCell} = 'NaN'::float8`);
  if (rules.signedZero) parts.push(`${oldCell} = 0`);
  return `(${parts.join(" OR ")})`;
}

/** Types whose Postgres equality holds exactly when the comparator's default equality does. */
const NATIVE_EQUALITY = new Set(["int", "float", "bool", "text", "time"]);

/**
 * Two finite doubles within the column's tolerance, |a−b| ≤ max(abs, rel·max(|a|,|b|)), in the
 * same double arithmetic as the comparator. NaN and ±Infinity never pass here (Postgres orders
 * NaN above everything, so the bound must not see it).
 */
function withinToleranceSql(
  oldCell: string,
  newCell: string,
  rules: EffectiveOptions,
  params: SqlParams,
): string {
  const { absTolerance: abs, relTolerance: rel } = rules;
  if (abs === 0 && rel === 0) return "FALSE";
  const finite = (cell: string) => `${cell} NOT IN ('NaN'::float8, 'Infinity'::float8, '-Infinity'::float8)`;
  const a = `(${oldCell})::float8`;
  const b = `(${newCell})::float8`;
  return (
    `(${oldCell} IS NOT NULL AND ${newCell} IS NOT NULL AND ${finite(oldCell)} AND ${finite(newCell)} AND ` +
    `abs(${a} - ${b}) <= greatest(${params.bind(abs, "float8")}, ${params.bind(rel, "float8")} * greatest(abs(${a}), abs(${b}))))`
  );
}
