// The Python adapter with numpy and pandas (the interpreter in TWINRUN_PYTHON, else
// /usr/bin/python3): numpy/pandas values, and the dataframe style's tables compared as the run
// compares them (DataframeTables) — dtype changes, int64 → float64, rows by position or by key.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createPythonAdapter } from "../../adapters/python/index.ts";
import type { Outcome, RecordAdapter } from "../../adapters/types.ts";
import { DEFAULT_COMPARE_OPTIONS } from "../../src/compare/types.ts";
import { parseLossless } from "../../src/json/parse.ts";
import { IntegralFloat } from "../../src/json/values.ts";
import { DataframeTables } from "../../src/table/dataframe-tables.ts";
import type { TableComparisonResult } from "../../src/table/table-comparison.ts";
import {
  describeWithPandas,
  PANDAS_PYTHON,
  PYTHON_FIXTURES,
  probePandas,
} from "../fixtures/python/python-env.ts";
import { input, outputOf, textOf } from "./python-adapter-kit.ts";

const records = [
  { id: 1, x: 0.5, group: "a", flag: true },
  { id: 2, x: 1.5, group: "b", flag: false },
  { id: 3, x: 2.5, group: "a", flag: false },
  { id: 4, x: 3.5, group: "b", flag: true },
];

// Importing pandas takes about a second per worker, so a few long-lived adapters serve every
// test: the fixture's dispatch() runs the function the batch names in its "variant" column.
const adapters: Record<"records" | "plain" | "byId" | "byGroupFlag", RecordAdapter> = {} as never;
let stopAll: () => Promise<void> = async () => {};

beforeAll(async () => {
  const make = (functionName: string, style: "record" | "dataframe", key?: string[]) =>
    createPythonAdapter({
      side: "old",
      python: PANDAS_PYTHON,
      module: "frame_functions",
      function: functionName,
      style,
      cwd: PYTHON_FIXTURES,
      path: [],
      env: { TZ: "UTC", PYTHONHASHSEED: "0", TWINRUN_SEED: "0", PYTHONDONTWRITEBYTECODE: "1" },
      ...(key !== undefined && { key }),
      seedEachCall: false,
      timeoutMs: 20_000,
      concurrency: 1,
    });
  adapters.records = make("record_values", "record");
  adapters.plain = make("dispatch", "dataframe");
  adapters.byId = make("dispatch", "dataframe", ["id"]);
  adapters.byGroupFlag = make("dispatch", "dataframe", ["group", "flag"]);
  stopAll = async () => {
    await Promise.all(Object.values(adapters).map((adapter) => adapter.stop()));
  };
  if (probePandas().ok) await Promise.all(Object.values(adapters).map((adapter) => adapter.start()));
});
afterAll(() => stopAll());

/** Runs the records as one batch through `variant` on the adapter with the given key. */
function runFrame(variant: string, adapter: RecordAdapter = adapters.plain): Promise<Outcome> {
  const text = JSON.stringify(records.map((record) => ({ ...record, variant })));
  return adapter.run({ index: 0, text });
}

/** Compares one batch's outcomes as the run does: as two tables, by position or by `key`. */
function compare(oldOutcome: Outcome, newOutcome: Outcome, key?: string[]): Promise<TableComparisonResult> {
  const tables = new DataframeTables({
    compare: DEFAULT_COMPARE_OPTIONS,
    match: key === undefined ? { by: "position" } : { by: "key", key },
    columnOrder: false,
    maxExamples: 10,
    memoryLimit: "256MB",
  });
  const comparison = tables.compareBatch(oldOutcome, newOutcome);
  tables.add({ index: 0, inputText: "[]", old: oldOutcome, new: newOutcome, comparison });
  return tables.finish();
}

/** The changed paths (columns) of a comparison with their difference kinds. */
function changedPaths(result: TableComparisonResult) {
  return result.aggregate.paths.map(({ path, changed, kinds }) => ({ path, changed, kinds }));
}

describeWithPandas("numpy and pandas values in record style", () => {
  it("writes numpy scalars and arrays as plain numbers, keeping int vs float", async () => {
    const text = textOf(await adapters.records.run(input({ kind: "numpy_values" })));
    expect(text).toContain('"int64":4611686018427387904,"int32":-5,"float64_integral":3.0,"float32":0.5');
    expect(parseLossless(text)).toEqual({
      int64: 4611686018427387904n,
      int32: -5,
      float64_integral: new IntegralFloat(3),
      float32: 0.5,
      bool: true,
      nan: Number.NaN,
      array: [1, 2, 3],
      float_array: [[new IntegralFloat(1), 2.5]],
      datetime64: { $datetime: "2024-01-02T03:04:05" },
      nat: { $nat: true },
    });
  });

  it("marks pandas Timestamp, NaT, NA and Timedelta, and writes a Series as a one-column table", async () => {
    expect(outputOf(await adapters.records.run(input({ kind: "pandas_values" })))).toEqual({
      timestamp: { $datetime: "2024-01-02T03:04:05+00:00" },
      nat: { $nat: true },
      na: { $na: true },
      none: null,
      timedelta: { $timedelta: 90 },
      series: {
        columns: ["n"],
        dtypes: { n: "int64" },
        rows: [
          { n: 1, $index: 0 },
          { n: 2, $index: 1 },
        ],
      },
    });
  });
});

describeWithPandas("the dataframe style", () => {
  let baseline: Outcome;
  beforeAll(async () => {
    baseline = await runFrame("features");
  });

  it("calls the function once with the batch as a DataFrame and returns a table with dtypes", () => {
    expect(JSON.parse(textOf(baseline))).toEqual({
      columns: ["id", "y", "n"],
      dtypes: { id: "int64", y: "float64", n: "int64" },
      rows: records.map((record, i) => ({ id: record.id, y: record.x * 2, n: record.id * 3, $index: i })),
    });
    expect(textOf(baseline)).toContain('"y":1.0,"n":3');
  });

  it("finds nothing between a table and itself, every row a trial, dtypes in the schema", async () => {
    const result = await compare(baseline, baseline);
    expect(result.aggregate.summary).toMatchObject({ trials: 4, same: 4, changed: 0 });
    expect(result.table.schema.dtypes).toEqual({
      old: { id: "int64", y: "float64", n: "int64" },
      new: { id: "int64", y: "float64", n: "int64" },
    });
    expect(result.table.schema.dtypeChanges).toEqual([]);
    expect(result.schemaChanged).toBe(false);
  });

  it("reports int64 → float64 as a dtype change and as a type change on every row", async () => {
    const result = await compare(baseline, await runFrame("features_n_as_float"));
    expect(result.table.schema.dtypeChanges).toEqual([{ column: "n", old: "int64", new: "float64" }]);
    expect(result.table.schema.typeChanges).toEqual([{ column: "n", old: "int", new: "float" }]);
    expect(result.schemaChanged).toBe(true);
    expect(result.aggregate.summary).toMatchObject({ trials: 4, changed: 4 });
    expect(changedPaths(result)).toEqual([{ path: "n", changed: 4, kinds: { type: 4 } }]);
    expect(result.aggregate.examples.map((example) => example.differences)).toEqual(
      records.map((record) => [
        { path: "n", kind: "type", old: record.id * 3, new: new IntegralFloat(record.id * 3) },
      ]),
    );
  });

  it("reports object → category as a dtype change of that column only", async () => {
    const result = await compare(await runFrame("features_object"), await runFrame("features_category"));
    expect(result.table.schema.dtypeChanges).toEqual([{ column: "group", old: "object", new: "category" }]);
    expect(result.table.schema.typeChanges).toEqual([]);
    expect(result.aggregate.summary).toMatchObject({ trials: 4, changed: 0 });
    expect(result.aggregate.paths).toEqual([]);
    expect(result.schemaChanged).toBe(true);
  });

  it("compares rows by position unless a key is given, then by key (leaving the unnamed index out)", async () => {
    const reversed = await runFrame("features_shuffled");
    const byPosition = await compare(baseline, reversed);
    expect(byPosition.table.match).toEqual({ by: "position" });
    expect(byPosition.aggregate.summary).toMatchObject({ trials: 4, changed: 4 });
    expect(byPosition.aggregate.paths.map((stats) => stats.path).sort()).toEqual(["$index", "id", "n", "y"]);

    const keyedBaseline = await runFrame("features", adapters.byId);
    const keyedReversed = await runFrame("features_shuffled", adapters.byId);
    const changed = await runFrame("features_shuffled_changed", adapters.byId);
    expect(outputOf<{ rows: object[] }>(keyedReversed).rows[0]).toEqual({ id: 4, y: 7, n: 12 });
    const byKey = await compare(keyedBaseline, keyedReversed, ["id"]);
    expect(byKey.table.match).toEqual({ by: "key", key: ["id"] });
    expect(byKey.table.rows).toMatchObject({ old: 4, new: 4, matched: 4, onlyOld: 0, onlyNew: 0 });
    expect(byKey.aggregate.summary).toMatchObject({ trials: 4, same: 4, changed: 0 });

    const oneChanged = await compare(keyedBaseline, changed, ["id"]);
    expect(oneChanged.aggregate.summary).toMatchObject({ trials: 4, changed: 1 });
    expect(oneChanged.table.columns[0]).toMatchObject({ column: "y", changed: 1 });
    expect(oneChanged.aggregate.examples).toEqual([
      expect.objectContaining({
        inputText: expect.stringMatching(/^id=3 · /),
        differences: [
          {
            path: "y",
            kind: "value",
            old: new IntegralFloat(5),
            new: new IntegralFloat(-1),
            abs: 6,
            rel: 1.2,
          },
        ],
      }),
    ]);
  });

  it("matches rows by several key columns natively, without a synthesized field", async () => {
    const key = ["group", "flag"];
    const oldOutcome = await runFrame("group_totals", adapters.byGroupFlag);
    const newOutcome = await runFrame("group_totals_reordered", adapters.byGroupFlag);
    expect(outputOf<{ rows: Array<Record<string, unknown>> }>(oldOutcome).rows[0]).toEqual({
      group: "a",
      flag: false,
      total: 2.5,
    });
    expect((await compare(oldOutcome, newOutcome)).aggregate.summary.changed).toBeGreaterThan(0);
    const byKey = await compare(oldOutcome, newOutcome, key);
    expect(byKey.aggregate.summary).toMatchObject({ trials: 4, same: 4, changed: 0 });
    expect(byKey.table.rows).toMatchObject({ matched: 4, onlyOld: 0, onlyNew: 0 });
  });

  it("reports keys that name several rows as duplicates, pairing them in order", async () => {
    const totals = await runFrame("group_totals", adapters.byGroupFlag);
    const result = await compare(totals, totals, ["group"]);
    expect(result.table.rows.duplicates?.old).toMatchObject({ keys: 2, extraRows: 2 });
    expect(result.table.rows).toMatchObject({ matched: 4, onlyOld: 0, onlyNew: 0 });
    expect(result.aggregate.summary.changed).toBe(0);
  });

  it("fails a table without the key column as unparsable, naming the columns it has", async () => {
    const outcome = await runFrame("features_series", adapters.byId);
    expect(outcome).toMatchObject({
      status: "failure",
      failure: { kind: "unparsable", message: 'key column "id" is not in the returned table (columns: y)' },
    });
    // The failed batch is one failure trial; its rows are left out on both sides.
    const result = await compare(await runFrame("features", adapters.byId), outcome, ["id"]);
    expect(result.aggregate.summary).toMatchObject({ trials: 1, failures: { old: 0, new: 1, both: 0 } });
    expect(result.table.rows).toMatchObject({ old: 0, new: 0, onlyOld: 0, onlyNew: 0 });
  });

  it("writes a returned Series as a one-column table", async () => {
    const series = await runFrame("features_series");
    expect(outputOf(series)).toMatchObject({
      columns: ["y"],
      dtypes: { y: "float64" },
      rows: [{ y: 1, $index: 0 }, { y: 3 }, { y: 5 }, { y: 7 }],
    });
    expect((await compare(series, series)).table.schema).toMatchObject({
      columns: { old: ["y", "$index"] },
      dtypes: { old: { y: "float64" } },
    });
  });
});
