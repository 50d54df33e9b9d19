// Everything one side's table says about itself, over all of its rows (matched or not): its
// columns in order of first appearance, each column's kinds of values, and its numbers.
import { ColumnSlots } from "./column-slots.ts";
import { kindBit, typeOfMask } from "./column-types.ts";
import { NumericSampler } from "./numeric-sampler.ts";
import { numericValueOf } from "./numeric-value.ts";
import type { ColumnType, NumericSummary } from "./types.ts";

interface ColumnProfile {
  mask: number;
  sampler: NumericSampler | undefined;
}

/** Why: the schema and distribution views need every row of a side, not only the matched ones. */
export class SideProfile {
  /** Rows added. */
  rows = 0;
  private readonly profiles = new ColumnSlots<ColumnProfile>((column) => {
    this.order.push(column);
    return { mask: 0, sampler: undefined };
  });
  private readonly order: string[] = [];
  private readonly seed: number;

  constructor(seed: number) {
    this.seed = seed;
  }

  /** Records one row of the side. */
  add(row: Record<string, unknown>): void {
    this.rows++;
    let position = 0;
    for (const column in row) {
      const profile = this.profiles.at(position++, column);
      const value = row[column];
      profile.mask |= kindBit(value);
      const number = numericValueOf(value);
      if (number !== undefined && Number.isFinite(number)) {
        profile.sampler ??= new NumericSampler(this.seed + this.order.indexOf(column) * 7919);
        profile.sampler.add(number);
      }
    }
  }

  /** Declares columns a header names, so a column without rows still counts as present. */
  declareColumns(columns: readonly string[]): void {
    for (const column of columns) this.profiles.of(column);
  }

  /** Column names in order of first appearance. */
  columns(): string[] {
    return [...this.order];
  }

  has(column: string): boolean {
    return this.profiles.has(column);
  }

  typeOf(column: string, looseNumbers: boolean): ColumnType {
    return typeOfMask(this.profiles.get(column)?.mask ?? 0, looseNumbers);
  }

  /** The column's numbers (sorted sample) and their summary; undefined when it held no finite number. */
  numbers(column: string): { sorted: Float64Array; summary: NumericSummary; sampled: boolean } | undefined {
    const sampler = this.profiles.get(column)?.sampler;
    if (sampler === undefined) return undefined;
    const sorted = sampler.sortedValues();
    return { sorted, summary: sampler.summarize(sorted), sampled: sampler.sampled };
  }
}
