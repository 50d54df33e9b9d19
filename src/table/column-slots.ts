// Per-column state looked up once per cell. Rows of one table nearly always list their columns
// in the same order, so a cache by position turns the Map lookup per cell into one string
// comparison (property names are interned, so usually a pointer comparison).

/** Why: the table hot paths visit every cell of a million-row table. */
export class ColumnSlots<T> {
  private readonly byName = new Map<string, T>();
  private readonly cachedNames: string[] = [];
  private readonly cachedSlots: T[] = [];
  private readonly create: (column: string) => T;

  constructor(create: (column: string) => T) {
    this.create = create;
  }

  /** The slot of `column`, seen at `position` in the current row; created on first sight. */
  at(position: number, column: string): T {
    if (this.cachedNames[position] === column) return this.cachedSlots[position];
    const slot = this.of(column);
    this.cachedNames[position] = column;
    this.cachedSlots[position] = slot;
    return slot;
  }

  /** The slot of `column`, created on first sight, outside any row (no position cached). */
  of(column: string): T {
    let slot = this.byName.get(column);
    if (slot === undefined) {
      slot = this.create(column);
      this.byName.set(column, slot);
    }
    return slot;
  }

  get(column: string): T | undefined {
    return this.byName.get(column);
  }

  has(column: string): boolean {
    return this.byName.has(column);
  }

  /** Slots in order of first sight. */
  entries(): IterableIterator<[string, T]> {
    return this.byName.entries();
  }
}
