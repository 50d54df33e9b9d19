// The old side's rows, held column by column: numbers in a Float64Array with a one-byte tag per
// cell (plain number, integral float, null, absent, other), anything else in a plain array.
// A million-row numeric table costs ~9 bytes per cell instead of a JS object per row.
import { IntegralFloat } from "../json/values.ts";
import { ColumnSlots } from "./column-slots.ts";

const ABSENT = 0;
const NUMBER = 1;
const INTEGRAL_FLOAT = 2;
const NULL = 3;
const OTHER = 4;

const INITIAL_CAPACITY = 1024;

class StoredColumn {
  tags: Uint8Array;
  numbers: Float64Array;
  readonly others: unknown[] = [];

  constructor(capacity: number) {
    this.tags = new Uint8Array(capacity);
    this.numbers = new Float64Array(capacity);
  }

  grow(capacity: number): void {
    const tags = new Uint8Array(capacity);
    tags.set(this.tags);
    this.tags = tags;
    const numbers = new Float64Array(capacity);
    numbers.set(this.numbers);
    this.numbers = numbers;
  }

  set(row: number, value: unknown): void {
    if (typeof value === "number") {
      this.tags[row] = NUMBER;
      this.numbers[row] = value;
    } else if (value === null) {
      this.tags[row] = NULL;
    } else if (value instanceof IntegralFloat) {
      this.tags[row] = INTEGRAL_FLOAT;
      this.numbers[row] = value.value;
    } else {
      this.tags[row] = OTHER;
      this.others[row] = value;
    }
  }

  get(row: number): unknown {
    switch (this.tags[row]) {
      case NUMBER:
        return this.numbers[row];
      case INTEGRAL_FLOAT:
        return new IntegralFloat(this.numbers[row]);
      case NULL:
        return null;
      case OTHER:
        return this.others[row];
      default:
        return undefined;
    }
  }

  has(row: number): boolean {
    return this.tags[row] !== ABSENT;
  }
}

/** Why: the streaming join holds one side in memory; this keeps that side small. */
export class RowStore {
  private readonly columns = new ColumnSlots<StoredColumn>((name) => {
    const column = new StoredColumn(this.capacity);
    this.order.push(column);
    this.names.push(name);
    return column;
  });
  private readonly order: StoredColumn[] = [];
  private readonly names: string[] = [];
  private lines = new Uint32Array(INITIAL_CAPACITY);
  private capacity = INITIAL_CAPACITY;
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Appends a row; returns its index. */
  add(line: number, row: Record<string, unknown>): number {
    const index = this.count++;
    if (index === this.capacity) this.grow();
    this.lines[index] = line;
    let position = 0;
    for (const name in row) this.columns.at(position++, name).set(index, row[name]);
    return index;
  }

  /** The row at `index`, rebuilt as an object (columns in order of first appearance). */
  row(index: number): Record<string, unknown> {
    const row: Record<string, unknown> = {};
    for (let i = 0; i < this.order.length; i++) {
      const column = this.order[i];
      if (column.has(index)) row[this.names[i]] = column.get(index);
    }
    return row;
  }

  line(index: number): number {
    return this.lines[index];
  }

  private grow(): void {
    this.capacity *= 2;
    const lines = new Uint32Array(this.capacity);
    lines.set(this.lines);
    this.lines = lines;
    for (const column of this.order) column.grow(this.capacity);
  }
}
