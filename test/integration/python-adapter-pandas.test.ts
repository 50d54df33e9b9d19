// The Python adapter with numpy and pandas (the interpreter in TWINRUN_PYTHON, else
// /usr/bin/python3): numpy/pandas values, and the dataframe style's tables compared by the real
// comparator — dtype changes, int64 → float64, rows by position or by key.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createPythonAdapter, tableCompareOptions } from "../../adapters/python/index.ts";
import type { Adapter, Outcome } from "../../adapters/types.ts";
import { createComparator } from "../../src/compare/comparator.ts";
import { DEFAULT_COMPARE_OPTIONS, type Difference } from "../../src/compare/types.ts";
import { parseLossless } from "../../src/json/parse.ts";
import { IntegralFloat } from "../../src/json/values.ts";
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
const adapters: Record<"records" | "plain" | "byId" | "byGroupFlag", Adapter> = {} as never;
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
function runFrame(variant: string, adapter: Adapter = adapters.plain): Promise<Outcome> {
  const text = JSON.stringify(records.map((record) => ({ ...record, variant })));
  return adapter.run({ index: 0, text });
}

function compare(oldOutcome: Outcome, newOutcome: Outcome, key?: string[]): Difference[] {
  const options = tableCompareOptions(DEFAULT_COMPARE_OPTIONS, key);
  return createComparator(options).compareOutcomes(oldOutcome, newOutcome).differences;
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

  it("reports int64 → float64 as a dtype change and as a type change on every row", async () => {
    const differences = compare(baseline, await runFrame("features_n_as_float"));
    expect(differences).toEqual([
      { path: "dtypes.n", kind: "value", old: "int64", new: "float64" },
      ...records.map((record, i) => ({
        path: `rows[${i}].n`,
        kind: "type",
        old: record.id * 3,
        new: new IntegralFloat(record.id * 3),
      })),
    ]);
  });

  it("reports object → category as a dtype change of that column only", async () => {
    const differences = compare(await runFrame("features_object"), await runFrame("features_category"));
    expect(differences).toEqual([{ path: "dtypes.group", kind: "value", old: "object", new: "category" }]);
  });

  it("compares rows by position unless a key is given, then by key (leaving the unnamed index out)", async () => {
    const reversed = await runFrame("features_shuffled");
    expect(compare(baseline, reversed).length).toBeGreaterThan(4);
    const keyedBaseline = await runFrame("features", adapters.byId);
    const keyedReversed = await runFrame("features_shuffled", adapters.byId);
    const changed = await runFrame("features_shuffled_changed", adapters.byId);
    expect(outputOf<{ rows: object[] }>(keyedReversed).rows[0]).toEqual({ id: 4, y: 7, n: 12 });
    expect(compare(keyedBaseline, keyedReversed, ["id"])).toEqual([]);
    expect(compare(keyedBaseline, changed, ["id"])).toEqual([
      {
        path: "rows[id=3].y",
        kind: "value",
        old: new IntegralFloat(5),
        new: new IntegralFloat(-1),
        abs: 6,
        rel: 1.2,
      },
    ]);
  });

  it("matches rows by several key columns through a synthesized $key field", async () => {
    const key = ["group", "flag"];
    const oldOutcome = await runFrame("group_totals", adapters.byGroupFlag);
    const newOutcome = await runFrame("group_totals_reordered", adapters.byGroupFlag);
    expect(outputOf<{ rows: Array<Record<string, unknown>> }>(oldOutcome).rows[0]).toMatchObject({
      group: "a",
      flag: false,
      $key: "a|false",
    });
    expect(compare(oldOutcome, newOutcome)).not.toEqual([]);
    expect(compare(oldOutcome, newOutcome, key)).toEqual([]);
  });

  it("fails a table without the key column as unparsable, naming the columns it has", async () => {
    const outcome = await runFrame("features_series", adapters.byId);
    expect(outcome).toMatchObject({
      status: "failure",
      failure: { kind: "unparsable", message: 'key column "id" is not in the returned table (columns: y)' },
    });
  });

  it("writes a returned Series as a one-column table", async () => {
    expect(outputOf(await runFrame("features_series"))).toMatchObject({
      columns: ["y"],
      dtypes: { y: "float64" },
      rows: [{ y: 1, $index: 0 }, { y: 3 }, { y: 5 }, { y: 7 }],
    });
  });
});
