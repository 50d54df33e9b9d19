import { afterAll, describe, expect, it } from "vitest";
import { IntegralFloat } from "../../../src/json/values.ts";
import { readCsvTable } from "../../../src/table/readers/csv-table-reader.ts";
import { createTempFiles } from "./table-files.ts";

const files = createTempFiles();
afterAll(() => files.remove());

// Megabytes across many read chunks; the reader's speed at volume is bench/table-diff.ts's (1M rows).
const ROWS = 20_000;
const COLUMNS = 20;

/** A cell per column kind: ints, decimals, text, integral floats with gaps, quoted text and leading zeros. */
function cellOf(row: number, column: number): string {
  switch (column % 5) {
    case 0:
      return String(row * 7 + column);
    case 1:
      return (row / 3 + column).toFixed(4);
    case 2:
      return `name_${row % 1000}`;
    case 3:
      return row % 10 === 0 ? "" : `${row % 97}.0`;
    default:
      return row % 2 === 1 ? '"a, b"' : "0071";
  }
}

describe("CSV table reader on a large file", () => {
  it("reads 20k rows × 20 columns (2.5 MB, many read chunks) in one linear pass", async () => {
    const lines = [Array.from({ length: COLUMNS }, (_, c) => `col_${c}`).join(",")];
    for (let r = 0; r < ROWS; r += 1) {
      lines.push(Array.from({ length: COLUMNS }, (_, c) => cellOf(r, c)).join(","));
    }
    const path = files.write("large.csv", `${lines.join("\n")}\n`);
    let seen = 0;
    let last: Record<string, unknown> = {};
    let lastLine = 0;
    const summary = await readCsvTable(
      path,
      {
        row(line, values) {
          seen += 1;
          last = values;
          lastLine = line;
        },
      },
      { csvStrings: false },
    );
    expect(summary.rows).toBe(ROWS);
    expect(seen).toBe(ROWS);
    expect(summary.columns).toHaveLength(COLUMNS);
    expect(lastLine).toBe(ROWS + 1);
    expect(last.col_0).toBe((ROWS - 1) * 7);
    expect(last.col_3).toEqual(new IntegralFloat((ROWS - 1) % 97));
    expect(last.col_4).toBe("a, b");
  });
});
