// The table engine against the record comparator: random table pairs are written as CSV, JSONL, a
// JSON array and Parquet, compared by the engine, and every row pair's differences must be exactly
// the record comparator's on the same rows read back as records (pairs formed the same way: by
// key, duplicates in file order). Only cells whose texts differ leave the engine, so this checks
// that equal texts are equal values and that type inference never hides a change. A column of
// dates in several spellings runs with and without a timestamps rule, and CSV also as text only
// (--csv-strings). Parquet keeps the nested values in a JSON column and the dates as nanosecond timestamps.
import { DuckDBInstance, DuckDBTimestampNanosecondsValue } from "@duckdb/node-api";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { createComparator } from "../../../src/compare/comparator.ts";
import { parseInstant } from "../../../src/compare/instants.ts";
import { resolveCompareOptions } from "../../../src/compare/options.ts";
import type { CompareOptions, CompareRule, Difference } from "../../../src/compare/types.ts";
import { readRecords } from "../../../src/inputs/read-records.ts";
import { parseLossless } from "../../../src/json/parse.ts";
import { stringifyLossless } from "../../../src/json/stringify.ts";
import { DecimalFloat, IntegralFloat } from "../../../src/json/values.ts";
import { compareTableFiles } from "../../../src/table/compare-table-files.ts";
import { sqlString } from "../../../src/table/engine/table-engine.ts";
import type { TableFormat } from "../../../src/table/types.ts";
import { createTempFiles } from "./table-files.ts";

type Row = Record<string, unknown>;
/** A row as generated: a missing member is a cell the row lacks (JSON), null elsewhere. */
type GeneratedRow = Record<string, unknown>;

const files = createTempFiles();
afterAll(() => files.remove());

const token = (text: string) => parseLossless(text);

// Value pools per column family; lossless values, so tokens like `-0`, `1.0`, `1e-400` survive.
const FLOATS = [
  0,
  token("-0.0"),
  1.5,
  -2.25,
  token("7.0"),
  0.1,
  1e-300,
  1e300,
  123456.789,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  null,
  token("0.1000000000000000000001"),
  token("1e-400"),
];
const INTS = [0, 1, -5, 42, 9007199254740992, token("9007199254740993"), token("-9007199254740995"), null];
const STRINGS = ["a", "a ", " a", "A", "007", "7", "", "b c", "NaN", "1.0", "é", 'x,"y"', "null"];
const NESTED = [
  parseLossless('{"a":1,"b":"x"}'),
  parseLossless('{"a":1.0}'),
  parseLossless("[1,2]"),
  parseLossless('{"a":{"b":[0.5,null]}}'),
  parseLossless("[]"),
  null,
];
const TIMESTAMPS = [
  "2017-01-01",
  "2017-01-01 00:00:00",
  "2017-01-01T00:00:00Z",
  "2017-01-01T01:00:00+01:00",
  "2017-01-01T00:00:00.000000001Z",
  "2017-01-02",
  "2017-02-30",
  null,
];
const MIXED = [...FLOATS.slice(0, 6), ...INTS.slice(3, 6), ...STRINGS.slice(3, 9), true, false];

type Family = "f" | "i" | "s" | "m" | "n" | "t";
const POOLS: Record<Family, unknown[]> = {
  f: FLOATS,
  i: INTS,
  s: STRINGS,
  m: MIXED,
  n: NESTED,
  t: TIMESTAMPS,
};
const FAMILIES: Family[] = ["f", "i", "s", "m", "n", "t"];
/** The absent bit of the column only one side has. */
const ONE_SIDED_BIT = 1 << FAMILIES.length;

function numberOf(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  if (typeof value === "bigint") return Number(value);
  if (value instanceof IntegralFloat || value instanceof DecimalFloat) return value.value;
  return undefined;
}

/** A float as a float token (an integral result stays a float: `7.0`). */
function asFloat(value: number): unknown {
  return Number.isInteger(value) ? new IntegralFloat(value) : value;
}

/** Mutation codes below 10 keep the value: about half the cells stay equal. */
function mutate(family: Family, value: unknown, code: number): unknown {
  if (code < 10) return value;
  const number = numberOf(value);
  switch (family) {
    case "f":
    case "m": {
      if (family === "m" && code >= 18) return POOLS.m[code % POOLS.m.length];
      if (number === undefined) return code % 2 === 0 ? 1.5 : null;
      switch (code) {
        case 10:
          return asFloat(number * (1 + 1e-10));
        case 11:
          return asFloat(number * (1 + 1e-9));
        case 12:
          return asFloat(number * (1 + 3e-9));
        case 13:
          return asFloat(number + 1e-13);
        case 14:
          return asFloat(number + 1e-11);
        case 15:
          return number === 0 ? (Object.is(number, -0) ? 0 : token("-0.0")) : asFloat(-number);
        case 16:
          return null;
        case 17:
          return Number.isNaN(number) ? 0.5 : Number.NaN;
        case 18:
          return Number.isInteger(number) ? number : 3;
        default:
          return String(number);
      }
    }
    case "i": {
      if (value === null) return code % 2 === 0 ? 3 : null;
      const text = stringifyLossless(value);
      switch (code) {
        case 10:
          return typeof value === "bigint" ? value + 1n : token(String(BigInt(text) + 1n));
        case 11:
          return token(`${text}.0`);
        case 12:
          return token(`${text}.000000000000001`);
        case 13:
          return text === "0" ? token("-0") : token(text.startsWith("-") ? text.slice(1) : `-${text}`);
        case 14:
          return `00${text}`;
        case 15:
          return null;
        case 16:
          return text;
        case 17:
          return token(String(BigInt(text) + 2n ** 60n));
        default:
          return value;
      }
    }
    case "s":
      switch (code) {
        case 10:
          return `${value ?? ""} `;
        case 11:
          return ` ${value ?? ""}`;
        case 12:
          return typeof value === "string" ? value.toUpperCase() : "X";
        case 13:
          return null;
        case 14:
          return "";
        case 15:
          return 7;
        case 16:
          return "007";
        default:
          return "7";
      }
    case "t":
      return POOLS.t[code % POOLS.t.length];
    case "n": {
      if (value === null || typeof value !== "object") return code % 2 === 0 ? { a: 1 } : null;
      if (Array.isArray(value)) return code % 2 === 0 ? [...value].reverse() : [...value, 1];
      const object = value as Record<string, unknown>;
      switch (code % 4) {
        case 0:
          return Object.fromEntries(Object.entries(object).reverse());
        case 1:
          return { ...object, a: asFloat((numberOf(object.a) ?? 1) * (1 + 1e-12)) };
        case 2:
          return { ...object, a: asFloat((numberOf(object.a) ?? 1) * (1 + 1e-6)) };
        default:
          return { ...object, c: null };
      }
    }
  }
}

interface TablePair {
  key: string[];
  oldRows: GeneratedRow[];
  newRows: GeneratedRow[];
  oldColumns: string[];
  newColumns: string[];
}

const cellArb = (family: Family) => fc.nat({ max: POOLS[family].length - 1 }).map((i) => POOLS[family][i]);

const rowArb = fc.record({
  id: fc.integer({ min: 0, max: 5 }),
  g: fc.constantFrom("a", "b c"),
  f: cellArb("f"),
  i: cellArb("i"),
  s: cellArb("s"),
  m: cellArb("m"),
  n: cellArb("n"),
  t: cellArb("t"),
  one: cellArb("m"),
  /** Bit i set: the row lacks family i's column (JSON formats only have absent cells). */
  absent: fc.nat({ max: 2 * ONE_SIDED_BIT - 1 }),
});

const pairArb: fc.Arbitrary<TablePair> = fc
  .record({
    composite: fc.boolean(),
    oldRows: fc.array(rowArb, { maxLength: 8 }),
    mutations: fc.array(
      fc.record({
        drop: fc.nat({ max: 9 }),
        codes: fc.array(fc.nat({ max: 20 }), { minLength: FAMILIES.length, maxLength: FAMILIES.length }),
      }),
      { minLength: 8, maxLength: 8 },
    ),
    extra: fc.array(rowArb, { maxLength: 3 }),
    order: fc.array(fc.nat(), { minLength: 11, maxLength: 11 }),
    onlyOld: fc.boolean(),
    onlyNew: fc.boolean(),
  })
  .map(({ composite, oldRows, mutations, extra, order, onlyOld, onlyNew }) => {
    const key = composite ? ["id", "g"] : ["id"];
    const shape = (row: typeof rowArb extends fc.Arbitrary<infer T> ? T : never, oneSide: boolean) => {
      const out: GeneratedRow = { id: row.id };
      if (composite) out.g = row.g;
      FAMILIES.forEach((family, i) => {
        if ((row.absent & (1 << i)) === 0) out[family] = row[family];
      });
      if (oneSide && (row.absent & ONE_SIDED_BIT) === 0) out.one = row.one;
      return out;
    };
    const old = oldRows.map((row) => shape(row, onlyOld));
    const changed = oldRows.flatMap((row, r) => {
      const { drop, codes } = mutations[r];
      if (drop === 0) return [];
      const next = shape(row, false);
      FAMILIES.forEach((family, i) => {
        if (family in next) next[family] = mutate(family, next[family], codes[i]);
      });
      if (onlyNew && (row.absent & ONE_SIDED_BIT) === 0) next.one = row.one;
      return [next];
    });
    const all = [...changed, ...extra.map((row) => shape(row, onlyNew))];
    const newRows = all
      .map((row, i) => ({ row, rank: order[i] ?? i }))
      .sort((a, b) => a.rank - b.rank)
      .map(({ row }) => row);
    const columns = (oneSide: boolean) => [...key, ...FAMILIES, ...(oneSide ? ["one"] : [])];
    return { key, oldRows: old, newRows, oldColumns: columns(onlyOld), newColumns: columns(onlyNew) };
  });

const optionsArb: fc.Arbitrary<Partial<CompareOptions>> = fc.record({
  tolerance: fc.constantFrom({ abs: 1e-12, rel: 1e-9 }, { abs: 0, rel: 0 }, { abs: 1e-6, rel: 0 }),
  signedZero: fc.boolean(),
  nan: fc.constantFrom("equal" as const, "unequal" as const),
  numberTypes: fc.constantFrom("strict" as const, "loose" as const),
  nullEqualsMissing: fc.boolean(),
  rules: fc.subarray<CompareRule>([
    { path: "f", tolerance: { abs: 1e-3 } },
    { path: "i", tolerance: { abs: 1 } },
    { path: "s", trim: true },
    { path: "s", caseInsensitive: true },
    { path: "m", numericStrings: true },
    { path: "n", ignore: true },
    { path: "n.*", tolerance: { rel: 1e-3 } },
    { path: "f", signedZero: true },
    { path: "one", ignore: true },
    { path: "t", timestamps: true },
  ]),
});

// Writers: each format as a pipeline would write it.

function writeJsonl(name: string, rows: GeneratedRow[]): string {
  return files.write(name, rows.map((row) => `${stringifyLossless(row)}\n`).join(""));
}

function writeJsonArray(name: string, rows: GeneratedRow[]): string {
  return files.write(name, `[\n${rows.map((row) => stringifyLossless(row)).join(",\n")}\n]\n`);
}

function csvCell(value: unknown): string {
  if (value === undefined || value === null) return "";
  const text = typeof value === "string" ? value : stringifyLossless(value);
  return /[",\n\r]/.test(text) || text === "" ? `"${text.replaceAll('"', '""')}"` : text;
}

function writeCsv(name: string, rows: GeneratedRow[], columns: string[]): string {
  const lines = [
    columns.map(csvCell).join(","),
    ...rows.map((row) => columns.map((c) => csvCell(row[c])).join(",")),
  ];
  return files.write(name, `${lines.join("\n")}\n`);
}

// Parquet columns are typed; a cell that does not fit its column's type is written as null.
const PARQUET_TYPES: Record<string, string> = {
  id: "BIGINT",
  g: "VARCHAR",
  f: "DOUBLE",
  i: "BIGINT",
  s: "VARCHAR",
  m: "DOUBLE",
  n: "JSON",
  t: "TIMESTAMP_NS",
  one: "DOUBLE",
};

function parquetLiteral(value: unknown, type: string): string {
  if (value === undefined || value === null) return `NULL::${type}`;
  // Nested values as a JSON column, which the file declares and keeps as written.
  if (type === "JSON") return `${sqlString(stringifyLossless(value))}::JSON`;
  // A text naming an instant as a nanosecond timestamp; any other cell does not fit.
  if (type === "TIMESTAMP_NS") {
    const nanos = typeof value === "string" ? parseInstant(value) : undefined;
    return nanos === undefined ? "NULL::TIMESTAMP_NS" : `make_timestamp_ns(${nanos}::BIGINT)`;
  }
  if (type === "VARCHAR")
    return `${sqlString(typeof value === "string" ? value : stringifyLossless(value))}::VARCHAR`;
  const number = numberOf(value);
  if (number === undefined) return `NULL::${type}`;
  if (type === "BIGINT") {
    const text = stringifyLossless(value);
    return /^-?\d+$/.test(text) ? `${sqlString(text)}::BIGINT` : `NULL::BIGINT`;
  }
  return `${sqlString(Object.is(number, -0) ? "-0.0" : String(number))}::DOUBLE`;
}

async function writeParquet(
  name: string,
  rows: GeneratedRow[],
  columns: string[],
  compression: string,
): Promise<string> {
  const path = files.write(name, "");
  const names = columns.map((column) => `"${column}"`).join(", ");
  const typed = columns.map((column) => `NULL::${PARQUET_TYPES[column]} AS "${column}"`).join(", ");
  const values = rows.map(
    (row) => `(${columns.map((column) => parquetLiteral(row[column], PARQUET_TYPES[column])).join(", ")})`,
  );
  const select =
    rows.length === 0
      ? `SELECT ${typed} WHERE FALSE`
      : `SELECT * FROM (VALUES ${values.join(", ")}) t(${names})`;
  await withDuckDb(async (connection) => {
    await connection.run(
      `COPY (${select}) TO ${sqlString(path)} (FORMAT parquet, COMPRESSION ${compression})`,
    );
  });
  return path;
}

async function withDuckDb<T>(
  use: (connection: Awaited<ReturnType<DuckDBInstance["connect"]>>) => Promise<T>,
) {
  const instance = await DuckDBInstance.create(":memory:", { threads: "1" });
  const connection = await instance.connect();
  try {
    return await use(connection);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

// Readers for the reference: the record readers for text formats; Parquet's typed values as the
// lossless model holds them (a whole double is a float, an integer beyond 2^53 a bigint).

async function readAsRecords(
  path: string,
  format: "csv" | "jsonl" | "json",
  csvStrings = false,
): Promise<Row[]> {
  const rows: Row[] = [];
  await readRecords(
    path,
    format,
    {
      accept: (_line, text) => rows.push(parseLossless(text) as Row),
      reject: (line, problem) => {
        throw new Error(`${path}:${line}: ${problem}`);
      },
    },
    { csvStrings },
  );
  return rows;
}

/** An instant in nanoseconds as ISO text in UTC with nine fraction digits. */
function isoOfNanos(nanos: bigint): string {
  const fraction = ((nanos % 1_000_000_000n) + 1_000_000_000n) % 1_000_000_000n;
  const seconds = (nanos - fraction) / 1_000_000_000n;
  const whole = new Date(Number(seconds) * 1000).toISOString().slice(0, 19);
  return `${whole}.${fraction.toString().padStart(9, "0")}Z`;
}

async function readParquetAsRecords(path: string): Promise<Row[]> {
  return withDuckDb(async (connection) => {
    const reader = await connection.runAndReadAll(`SELECT * FROM read_parquet(${sqlString(path)})`);
    const names = reader.columnNames();
    return reader.getRows().map((cells) => {
      const row: Row = {};
      names.forEach((name, i) => {
        const cell = cells[i];
        if (PARQUET_TYPES[name] === "JSON" && typeof cell === "string") row[name] = parseLossless(cell);
        else if (cell instanceof DuckDBTimestampNanosecondsValue) row[name] = isoOfNanos(cell.nanos);
        else if (typeof cell === "bigint")
          row[name] = cell >= -(2n ** 53n) && cell <= 2n ** 53n ? Number(cell) : cell;
        else if (typeof cell === "number") row[name] = asFloat(cell);
        else row[name] = cell;
      });
      return row;
    });
  });
}

// The reference: rows paired by key as the engine pairs them (numbers by value, strings by text,
// duplicates in file order), each pair through the record comparator.

function keyText(row: Row, key: string[]): string {
  return key
    .map((column) => {
      const value = row[column];
      const number = numberOf(value);
      if (number !== undefined) return `n${typeof value === "bigint" ? value : number}`;
      return typeof value === "string" ? `s${value}` : "z";
    })
    .join("\u0000");
}

type Findings = Map<number, string[]>;

function describeDifferences(differences: readonly Difference[]): string[] {
  return differences
    .map((d) =>
      d.path === "$"
        ? `$ ${d.kind}`
        : `${d.path} ${d.kind} ${stringifyLossless(d.old ?? "∅")} → ${stringifyLossless(d.new ?? "∅")}`,
    )
    .sort();
}

function referenceFindings(oldRows: Row[], newRows: Row[], key: string[], options: CompareOptions): Findings {
  const comparator = createComparator(options);
  const queues = new Map<string, number[]>();
  oldRows.forEach((row, position) => {
    const text = keyText(row, key);
    queues.set(text, [...(queues.get(text) ?? []), position]);
  });
  const findings: Findings = new Map();
  const paired = new Set<number>();
  newRows.forEach((row, position) => {
    const oldPosition = queues.get(keyText(row, key))?.shift();
    if (oldPosition === undefined) {
      findings.set(position, ["$ added"]);
      return;
    }
    paired.add(oldPosition);
    const { differences } = comparator.compareValues(oldRows[oldPosition], row);
    if (differences.length > 0) findings.set(position, describeDifferences(differences));
  });
  oldRows.forEach((_, position) => {
    if (!paired.has(position)) findings.set(newRows.length + position, ["$ removed"]);
  });
  return findings;
}

async function engineFindings(
  oldFile: { path: string; format: TableFormat },
  newFile: { path: string; format: TableFormat },
  key: string[],
  options: CompareOptions,
  csvStrings: boolean,
): Promise<Findings> {
  const findings: Findings = new Map();
  await compareTableFiles({
    old: oldFile,
    new: newFile,
    csvStrings,
    comparison: {
      compare: options,
      match: { by: "key", key },
      columnOrder: false,
      maxExamples: 0,
      memoryLimit: "256MB",
      onTrial: (trial) => findings.set(trial.index, describeDifferences(trial.comparison.differences)),
    },
  });
  return findings;
}

function sorted(findings: Findings): [number, string[]][] {
  return [...findings.entries()].sort((a, b) => a[0] - b[0]);
}

async function writeBoth(pair: TablePair, format: TableFormat, run: number, compression = "zstd") {
  const name = (side: string) => `${side}-${run}.${format === "json" ? "array.json" : format}`;
  switch (format) {
    case "jsonl":
      return [writeJsonl(name("old"), pair.oldRows), writeJsonl(name("new"), pair.newRows)];
    case "json":
      return [writeJsonArray(name("old"), pair.oldRows), writeJsonArray(name("new"), pair.newRows)];
    case "csv":
      return [
        writeCsv(name("old"), pair.oldRows, pair.oldColumns),
        writeCsv(name("new"), pair.newRows, pair.newColumns),
      ];
    case "parquet":
      return [
        await writeParquet(name("old"), pair.oldRows, pair.oldColumns, compression),
        await writeParquet(name("new"), pair.newRows, pair.newColumns, compression),
      ];
  }
}

async function readBoth(paths: string[], format: TableFormat, csvStrings: boolean): Promise<Row[][]> {
  return Promise.all(
    paths.map((path) =>
      format === "parquet" ? readParquetAsRecords(path) : readAsRecords(path, format, csvStrings),
    ),
  );
}

let runs = 0;

async function agrees(
  pair: TablePair,
  partial: Partial<CompareOptions>,
  format: TableFormat,
  compression?: string,
  csvStrings = false,
) {
  const options = resolveCompareOptions(partial);
  const paths = await writeBoth(pair, format, runs++, compression);
  const [oldRows, newRows] = await readBoth(paths, format, csvStrings);
  const expected = referenceFindings(oldRows, newRows, pair.key, options);
  const actual = await engineFindings(
    { path: paths[0], format },
    { path: paths[1], format },
    pair.key,
    options,
    csvStrings,
  );
  expect(sorted(actual)).toEqual(sorted(expected));
}

describe("the table engine agrees with the record comparator, cell by cell", () => {
  for (const format of ["jsonl", "json", "csv"] as const) {
    it(`on ${format} tables`, async () => {
      await fc.assert(
        fc.asyncProperty(pairArb, optionsArb, (pair, options) => agrees(pair, options, format)),
        { numRuns: 30 },
      );
    }, 180_000);
  }

  it("on csv tables read with --csv-strings", async () => {
    await fc.assert(
      fc.asyncProperty(pairArb, optionsArb, (pair, options) => agrees(pair, options, "csv", undefined, true)),
      { numRuns: 15 },
    );
  }, 180_000);

  it("on Parquet tables (gzip, zstd and snappy)", async () => {
    await fc.assert(
      fc.asyncProperty(
        pairArb,
        optionsArb,
        fc.constantFrom("gzip", "zstd", "snappy"),
        (pair, options, codec) => agrees(pair, options, "parquet", codec),
      ),
      { numRuns: 25 },
    );
  }, 180_000);
});
