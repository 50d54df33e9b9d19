// Pairing rows by key: the old side's rows are indexed by key text; each new row takes the first
// old row with its key that is still free. Rows sharing a key on one side are paired in file
// order and reported as duplicates, never collapsed into one.
import type { RowKey } from "./row-key.ts";
import type { DuplicateKeys } from "./types.ts";

const DUPLICATE_EXAMPLES = 5;

/** Why: one place owns "which old row does this new row pair with" and the duplicate counts. */
export class KeyJoin {
  /** Old row indices per key; an array once the key repeats. */
  private readonly oldRows = new Map<RowKey, number | { rows: number[]; next: number }>();
  private taken = new Uint8Array(1024);
  private oldDuplicateKeys = 0;
  private oldExtraRows = 0;
  /** First new line per key, to notice a key that repeats on the new side. */
  private readonly newFirstLine = new Map<RowKey, number>();
  /** New-side duplicated keys and all their lines (the first few keys only). */
  private readonly newDuplicateLines = new Map<RowKey, number[]>();
  private newDuplicateKeys = 0;
  private newExtraRows = 0;

  /** Indexes one old row. */
  addOld(keyText: RowKey, rowIndex: number): void {
    if (rowIndex >= this.taken.length) {
      const taken = new Uint8Array(this.taken.length * 2);
      taken.set(this.taken);
      this.taken = taken;
    }
    const existing = this.oldRows.get(keyText);
    if (existing === undefined) this.oldRows.set(keyText, rowIndex);
    else if (typeof existing === "number") {
      this.oldRows.set(keyText, { rows: [existing, rowIndex], next: 0 });
      this.oldDuplicateKeys++;
      this.oldExtraRows++;
    } else {
      existing.rows.push(rowIndex);
      this.oldExtraRows++;
    }
  }

  /** The old row a new row pairs with, or undefined when its key has no free old row left. */
  takeFor(keyText: RowKey, newLine: number): number | undefined {
    this.noteNewKey(keyText, newLine);
    const entry = this.oldRows.get(keyText);
    if (entry === undefined) return undefined;
    let rowIndex: number;
    if (typeof entry === "number") {
      if (this.taken[entry] === 1) return undefined;
      rowIndex = entry;
    } else {
      if (entry.next >= entry.rows.length) return undefined;
      rowIndex = entry.rows[entry.next++];
    }
    this.taken[rowIndex] = 1;
    return rowIndex;
  }

  /** True when the old row was paired. */
  isTaken(rowIndex: number): boolean {
    return this.taken[rowIndex] === 1;
  }

  /** Duplicate keys per side; `lineOfOld` turns an old row index into its line. */
  duplicates(
    lineOfOld: (rowIndex: number) => number,
    keyOfText: (keyText: RowKey) => Record<string, unknown>,
  ): { old: DuplicateKeys; new: DuplicateKeys } {
    const oldExamples: DuplicateKeys["examples"] = [];
    for (const [keyText, entry] of this.oldRows) {
      if (oldExamples.length >= DUPLICATE_EXAMPLES) break;
      if (typeof entry !== "number")
        oldExamples.push({ key: keyOfText(keyText), lines: entry.rows.map(lineOfOld) });
    }
    const newExamples = [...this.newDuplicateLines].map(([keyText, lines]) => ({
      key: keyOfText(keyText),
      lines,
    }));
    return {
      old: { keys: this.oldDuplicateKeys, extraRows: this.oldExtraRows, examples: oldExamples },
      new: { keys: this.newDuplicateKeys, extraRows: this.newExtraRows, examples: newExamples },
    };
  }

  private noteNewKey(keyText: RowKey, line: number): void {
    const first = this.newFirstLine.get(keyText);
    if (first === undefined) {
      this.newFirstLine.set(keyText, line);
      return;
    }
    this.newExtraRows++;
    const lines = this.newDuplicateLines.get(keyText);
    if (lines !== undefined) {
      lines.push(line);
      return;
    }
    // A negative first line marks a duplicate already counted (beyond the examples kept).
    if (first < 0) return;
    this.newDuplicateKeys++;
    if (this.newDuplicateLines.size < DUPLICATE_EXAMPLES) this.newDuplicateLines.set(keyText, [first, line]);
    else this.newFirstLine.set(keyText, -first);
  }
}
