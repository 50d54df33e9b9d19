// The engine decides float noise itself only where the record comparator would call the two
// cells equal: each case is run through the SQL and through the comparator on the same texts.
import { DuckDBInstance } from "@duckdb/node-api";
import { describe, expect, it } from "vitest";
import { createComparator } from "../../../../src/compare/comparator.ts";
import { resolveCompareOptions } from "../../../../src/compare/options.ts";
import type { CompareRule } from "../../../../src/compare/types.ts";
import { parseLossless } from "../../../../src/json/parse.ts";
import { toCsvCellValue } from "../../../../src/table/csv-cell-value.ts";
import type { ColumnEncoding } from "../../../../src/table/engine/cell-sql.ts";
import { columnRules } from "../../../../src/table/engine/column-rules.ts";
import { sqlString } from "../../../../src/table/engine/table-engine.ts";
import { certainlyWithinToleranceSql } from "../../../../src/table/engine/tolerance-sql.ts";

const CASES: { name: string; oldText: string; newText: string; rules?: CompareRule[]; close: boolean }[] = [
  { name: "noise far inside the default tolerance", oldText: "0.5", newText: "0.5000000000005", close: true },
  { name: "a change beyond it", oldText: "0.5", newText: "0.5001", close: false },
  {
    name: "a near miss just inside (left to the comparator)",
    oldText: "1.0",
    newText: "1.0000000009",
    close: false,
  },
  { name: "NaN against NaN (left to the comparator)", oldText: "NaN", newText: "NaN", close: false },
  { name: "Infinity against Infinity", oldText: "Infinity", newText: "Infinity", close: false },
  {
    name: "-0.0 against 0.0 under signedZero",
    oldText: "-0.0",
    newText: "0.0",
    rules: [{ path: "v", signedZero: true }],
    close: false,
  },
  {
    name: "a rule's wider tolerance",
    oldText: "10.0",
    newText: "10.4",
    rules: [{ path: "v", tolerance: { abs: 1 } }],
    close: true,
  },
  {
    name: "a tolerance finer than a double can tell",
    oldText: "1.0",
    newText: "1.0",
    rules: [{ path: "v", tolerance: { abs: 0, rel: 1e-17 } }],
    close: false,
  },
  { name: "more digits than a double holds", oldText: "0.30000000000000000001", newText: "0.3", close: true },
];

async function closeByEngine(
  oldText: string,
  newText: string,
  encoding: ColumnEncoding,
  rules: CompareRule[],
): Promise<boolean> {
  const instance = await DuckDBInstance.create(":memory:", { threads: "1" });
  const connection = await instance.connect();
  try {
    const cell = (text: string) =>
      typeof encoding === "object" ? `${sqlString(text)}::DOUBLE` : sqlString(text);
    const sql = certainlyWithinToleranceSql(
      { cell: "o", encoding, mask: 2 },
      { cell: "n", encoding, mask: 2 },
      columnRules(resolveCompareOptions({ rules }))("v"),
    );
    if (sql === undefined) return false;
    const reader = await connection.runAndReadAll(
      `SELECT ${sql} FROM (SELECT ${cell(oldText)} AS o, ${cell(newText)} AS n)`,
    );
    return reader.getRows()[0][0] === true;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

describe("float noise decided in the engine", () => {
  for (const encoding of ["csv", "json", { typed: "DOUBLE" }] as const) {
    const label = typeof encoding === "object" ? "typed DOUBLE" : encoding;
    for (const { name, oldText, newText, rules = [], close } of CASES) {
      it(`${label}: ${name} is ${close ? "equal in the engine" : "handed to the comparator"}`, async () => {
        // CSV cells read `NaN` and `Infinity` as text, never as floats.
        const engineClose = await closeByEngine(oldText, newText, encoding, rules);
        const expected = close && !(encoding === "csv" && /[NI]/.test(oldText));
        expect(engineClose).toBe(expected);
        if (engineClose) {
          const decode = (text: string) => (encoding === "csv" ? toCsvCellValue(text) : parseLossless(text));
          const comparator = createComparator(resolveCompareOptions({ rules }));
          const result = comparator.compareValues({ v: decode(oldText) }, { v: decode(newText) });
          expect(result.differences).toEqual([]);
        }
      });
    }
  }
});
