// The engine's cheap typing of CSV cells against the typing by pattern it replaces, cell by cell:
// every text of up to four characters over the characters that matter, and the tricky cells by name.
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CSV_FLOAT_PATTERN,
  CSV_INT_PATTERN,
  csvKindSql,
  jsonNumberKindSql,
} from "../../../../src/table/engine/cell-kind-sql.ts";
import { kindSql } from "../../../../src/table/engine/cell-sql.ts";
import { sqlString } from "../../../../src/table/engine/table-engine.ts";

/** The typing by pattern: what a CSV cell's kind means. */
function patternKindSql(cell: string): string {
  return (
    `(CASE WHEN ${cell} IS NULL THEN 0 WHEN regexp_full_match(${cell}, '${CSV_INT_PATTERN}') THEN 1 ` +
    `WHEN regexp_full_match(${cell}, '${CSV_FLOAT_PATTERN}') THEN 2 ELSE 4 END)`
  );
}

/** Characters a number parser may treat specially: digits, signs, points, exponents, spaces, separators, words. */
const NUMBER_CHARACTERS = [
  "0",
  "1",
  "9",
  ".",
  "e",
  "E",
  "+",
  "-",
  " ",
  "_",
  "x",
  "i",
  "n",
  "f",
  "N",
  "I",
  ",",
  "\t",
];
/** Characters beyond: other white space, non-ASCII digits and letters, control characters. */
const OTHER_CHARACTERS = [
  "0",
  "5",
  ".",
  "e",
  "-",
  "+",
  "\n",
  "\r",
  "\u000b",
  "\f",
  "\u00a0",
  "\u3000",
  "\u2028",
  "\u0001",
  "\u0663",
  "é",
  "d",
  "D",
  "a",
  "A",
  "y",
  "#",
  "$",
  "%",
  "'",
];

const TRICKY: [string | null, number][] = [
  [null, 0],
  ["", 4],
  ["0", 1],
  ["-0", 1],
  ["7", 1],
  ["007", 4],
  ["-007", 4],
  ["00.5", 4],
  ["+5", 4],
  [" 7", 4],
  ["7 ", 4],
  ["1.0", 2],
  ["-0.0", 2],
  ["1e5", 2],
  ["1E+05", 2],
  ["1.5e-3", 2],
  ["0e0", 2],
  [".5", 2],
  ["-.5", 2],
  ["5.", 2],
  ["5.e3", 2],
  [".e5", 4],
  [".", 4],
  ["-", 4],
  ["1e", 4],
  ["1e400", 2],
  ["-1e-400", 2],
  ["123456789012345678901234567890", 1],
  ["9007199254740993", 1],
  ["NaN", 4],
  ["nan", 4],
  ["inf", 4],
  ["-inf", 4],
  ["Infinity", 4],
  ["-Infinity", 4],
  ["1_000", 4],
  ["1,5", 4],
  ["0x10", 4],
  ["1.2.3", 4],
  ["2017-01-01", 4],
  ["\u0663", 4],
  ["SKU-1", 4],
];

/** All texts of 1…length characters over the characters given. */
function textsSql(characters: readonly string[], length: number): string {
  const list = `[${characters.map(sqlString).join(", ")}]::VARCHAR[]`;
  const parts: string[] = [];
  for (let n = 1; n <= length; n++) {
    const from = Array.from({ length: n }, (_, i) => `unnest(${list}) AS t${i}(c${i})`);
    const text = Array.from({ length: n }, (_, i) => `c${i}`).join(" || ");
    parts.push(`SELECT ${text} AS cell FROM ${from.join(", ")}`);
  }
  return parts.join(" UNION ALL ");
}

describe("csvKindSql", () => {
  let instance: DuckDBInstance;
  let connection: DuckDBConnection;
  const rows = async (sql: string) => (await connection.runAndReadAll(sql)).getRows();

  beforeAll(async () => {
    instance = await DuckDBInstance.create(":memory:", { threads: "1" });
    connection = await instance.connect();
  });
  afterAll(() => {
    connection.closeSync();
    instance.closeSync();
  });

  /** The texts whose kind differs between the two typings (at most a few), and how many were tried. */
  const disagreements = async (texts: string) => {
    const [[count]] = await rows(`SELECT count(*) FROM (${texts})`);
    const found = await rows(
      `SELECT cell, ${patternKindSql("cell")}, ${csvKindSql("cell")} FROM (${texts}) ` +
        `WHERE ${patternKindSql("cell")} <> ${csvKindSql("cell")} ORDER BY cell LIMIT 5`,
    );
    return { tried: Number(count), found: found.map((row) => JSON.stringify(row)) };
  };

  it("agrees with the patterns on every text of up to four number characters", async () => {
    const { tried, found } = await disagreements(textsSql(NUMBER_CHARACTERS, 4));
    expect(tried).toBeGreaterThan(100_000);
    expect(found).toEqual([]);
  });

  it("agrees with the patterns on every text of up to three characters of other kinds", async () => {
    const { tried, found } = await disagreements(textsSql(OTHER_CHARACTERS, 3));
    expect(tried).toBeGreaterThan(15_000);
    expect(found).toEqual([]);
  });

  it.each(TRICKY)("types %j as kind %i", async (cell, kind) => {
    const text = cell === null ? "NULL::VARCHAR" : sqlString(cell);
    const [[cheap, pattern, viaKindSql]] = await rows(
      `SELECT ${csvKindSql("cell")}, ${patternKindSql("cell")}, ${kindSql("cell", "csv")} FROM (SELECT ${text} AS cell)`,
    );
    expect([cheap, pattern, viaKindSql]).toEqual([kind, kind, kind]);
  });
});

describe("jsonNumberKindSql", () => {
  it("calls a JSON number a float exactly when it holds one of . e E I", async () => {
    const instance = await DuckDBInstance.create(":memory:", { threads: "1" });
    const connection = await instance.connect();
    try {
      const texts = ["0", "-0", "12", "1.5", "1e5", "1E5", "-Infinity", "Infinity", "123456789012345678901"];
      const list = `[${texts.map(sqlString).join(", ")}]::VARCHAR[]`;
      const found = (
        await connection.runAndReadAll(
          `SELECT cell, ${jsonNumberKindSql("cell")}, CASE WHEN regexp_matches(cell, '[.eEI]') THEN 2 ELSE 1 END ` +
            `FROM unnest(${list}) AS t(cell)`,
        )
      ).getRows();
      expect(found.map((row) => row[1])).toEqual(found.map((row) => row[2]));
      expect(found.map((row) => row[1])).toEqual([1, 1, 1, 2, 2, 2, 2, 2, 1]);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});
