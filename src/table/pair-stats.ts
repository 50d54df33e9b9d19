// Per-column statistics over matched row pairs: how many rows compared and changed, how far the
// numbers moved (in-tolerance noise included, so a user sees the noise level), and nulls.
import { ColumnSlots } from "./column-slots.ts";
import { isNullish, numericValueOf } from "./numeric-value.ts";
import type { ColumnStats } from "./types.ts";

interface ColumnAccumulator {
  compared: number;
  changed: number;
  maxAbs: number;
  maxRel: number;
  sumAbs: number;
  numericPairs: number;
  nullsOld: number;
  nullsNew: number;
  toNull: number;
  fromNull: number;
}

/** Why: the per-column table of the report; memory is one accumulator per column. */
export class PairStats {
  private readonly columns = new ColumnSlots<ColumnAccumulator>(() => ({
    compared: 0,
    changed: 0,
    maxAbs: 0,
    maxRel: 0,
    sumAbs: 0,
    numericPairs: 0,
    nullsOld: 0,
    nullsNew: 0,
    toNull: 0,
    fromNull: 0,
  }));

  /** Adds one matched pair; `changedColumns` are the columns the comparator found differences in. */
  add(
    oldRow: Record<string, unknown>,
    newRow: Record<string, unknown>,
    changedColumns: Set<string> | undefined,
  ): void {
    let position = 0;
    for (const column in newRow)
      this.addCell(this.columns.at(position++, column), oldRow[column], newRow[column]);
    for (const column in oldRow) {
      if (!(column in newRow)) this.addCell(this.columns.at(position++, column), oldRow[column], undefined);
    }
    if (changedColumns !== undefined) for (const column of changedColumns) this.columns.of(column).changed++;
  }

  /** The statistics of every column seen, in first-seen order (callers sort). */
  result(isIgnored: (column: string) => boolean): ColumnStats[] {
    return [...this.columns.entries()].map(([column, a]) => ({
      column,
      compared: a.compared,
      changed: a.changed,
      ...(a.numericPairs > 0 && {
        maxAbs: a.maxAbs,
        maxRel: a.maxRel,
        meanAbs: a.sumAbs / a.numericPairs,
      }),
      nulls: { old: a.nullsOld, new: a.nullsNew },
      nullChanges: { toNull: a.toNull, fromNull: a.fromNull },
      ...(isIgnored(column) && { ignored: true }),
    }));
  }

  private addCell(a: ColumnAccumulator, oldValue: unknown, newValue: unknown): void {
    a.compared++;
    const oldNull = isNullish(oldValue);
    const newNull = isNullish(newValue);
    if (oldNull) a.nullsOld++;
    if (newNull) a.nullsNew++;
    if (oldNull !== newNull) {
      if (newNull) a.toNull++;
      else a.fromNull++;
      return;
    }
    if (oldNull) return;
    const oldNumber = numericValueOf(oldValue);
    if (oldNumber === undefined) return;
    const newNumber = numericValueOf(newValue);
    if (newNumber === undefined || !Number.isFinite(oldNumber) || !Number.isFinite(newNumber)) return;
    // Integers beyond 2^53 differ by less than a double can tell; subtract them exactly.
    const abs =
      typeof oldValue === "bigint" || typeof newValue === "bigint"
        ? (exactIntegerDistance(oldValue, newValue) ?? Math.abs(oldNumber - newNumber))
        : Math.abs(oldNumber - newNumber);
    const scale = Math.max(Math.abs(oldNumber), Math.abs(newNumber));
    const rel = scale === 0 ? 0 : abs / scale;
    a.numericPairs++;
    a.sumAbs += abs;
    if (abs > a.maxAbs) a.maxAbs = abs;
    if (rel > a.maxRel) a.maxRel = rel;
  }
}

/** |a − b| computed on exact integers, when both values are integers (bigint or safe number). */
function exactIntegerDistance(oldValue: unknown, newValue: unknown): number | undefined {
  const toBig = (value: unknown): bigint | undefined =>
    typeof value === "bigint" ? value : Number.isSafeInteger(value) ? BigInt(value as number) : undefined;
  const a = toBig(oldValue);
  const b = toBig(newValue);
  if (a === undefined || b === undefined) return undefined;
  return Number(a > b ? a - b : b - a);
}
