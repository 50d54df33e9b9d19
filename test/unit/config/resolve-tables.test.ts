// The table and dataset settings: the `table` and `dataset` sections and their flags, dataset
// mode on both sides or neither, and table.key serving a Python dataframe component.
import { describe, expect, it } from "vitest";
import type { RunFlags } from "../../../src/config/flags.ts";
import { settingsForReport } from "../../../src/config/replay.ts";
import { resolveRunConfig } from "../../../src/config/resolve.ts";
import { resolveDiffConfig } from "../../../src/config/resolve-diff.ts";
import type { ResolvedRunConfig } from "../../../src/config/types.ts";
import { twinrunErrorOf } from "../../helpers/twinrun-error.ts";
import { makeTempDir } from "./temp-dir.ts";

// Block style: in a YAML flow mapping ({ ... }) the braces of {input} would need quotes.
const DATASET_SIDES = [
  "input: { path: in.csv }",
  "old:",
  "  command: python3 build_v1.py --in {input} --out {output}",
  "  mode: dataset",
  "new:",
  "  command: python3 build_v2.py --in {input} --out {output}",
  "  mode: dataset",
];

function resolveIn(lines: string[], flags: RunFlags = {}): Promise<ResolvedRunConfig> {
  const cwd = makeTempDir({ "twinrun.config.yaml": `${lines.join("\n")}\n` });
  return resolveRunConfig({ flags, cwd, env: {}, cpuCount: 2 });
}

describe("the table and dataset sections", () => {
  it("resolves every key of both sections from the config file", async () => {
    const resolved = await resolveIn([
      ...DATASET_SIDES,
      "table: { key: [region, month], columnOrder: true, ignoreColumnCase: true, psiMax: 0.1, memoryLimit: 2GB, pushdown: false }",
      "dataset: { format: jsonl, outputFormat: parquet, keepTemp: true }",
    ]);
    expect(resolved.table).toEqual({
      key: ["region", "month"],
      columnOrder: true,
      ignoreColumnCase: true,
      psiMax: 0.1,
      memoryLimit: "2GB",
      pushdown: false,
    });
    expect(resolved.dataset).toEqual({ format: "jsonl", outputFormat: "parquet", keepTemp: true, repeat: 1 });
    expect(resolved.old).toMatchObject({ adapter: "command", mode: "dataset" });
    expect(Object.isFrozen(resolved.table.key)).toBe(true);
  });

  it("fills the defaults: rows by position, no column order, no PSI gate, the formats left to the run", async () => {
    const resolved = await resolveIn(DATASET_SIDES);
    expect(resolved.table).toEqual({
      columnOrder: false,
      ignoreColumnCase: false,
      memoryLimit: "1GB",
      pushdown: true,
    });
    expect(resolved.dataset).toEqual({ keepTemp: false, repeat: 1 });
  });

  it("takes a single key column as a string", async () => {
    expect((await resolveIn([...DATASET_SIDES, "table: { key: id }"])).table.key).toEqual(["id"]);
  });

  it.each([
    ["table: { psiMax: x }", 'twinrun.config.yaml: table.psiMax: expected a number >= 0, got "x"'],
    ["table: { psiMax: -1 }", "twinrun.config.yaml: table.psiMax: expected a number >= 0, got -1"],
    [
      "table: { key: [] }",
      "twinrun.config.yaml: table.key: expected a non-empty string or a list of them, got []",
    ],
    [
      "table: { columnOrder: yes }",
      'twinrun.config.yaml: table.columnOrder: expected true or false, got "yes"',
    ],
    [
      "dataset: { outputFormat: xlsx }",
      'twinrun.config.yaml: dataset.outputFormat: expected one of "csv", "jsonl", "json", "parquet", got "xlsx"',
    ],
    [
      "dataset: { format: parquet }",
      'twinrun.config.yaml: dataset.format: expected one of "csv", "jsonl", "json", got "parquet"',
    ],
    ["table: { keys: [id] }", 'twinrun.config.yaml: table.keys: unknown key; did you mean "key"?'],
  ])("rejects %s with exit 2, naming the file and key", async (line, message) => {
    const error = await twinrunErrorOf(resolveIn([...DATASET_SIDES, line]));
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe(message);
  });
});

describe("the table and dataset flags", () => {
  const ESSENTIALS: RunFlags = { old: "python3 a.py", new: "python3 b.py", input: "in.csv", mode: "dataset" };

  it("map one to one onto the config keys", async () => {
    const resolved = await resolveRunConfig({
      flags: {
        ...ESSENTIALS,
        key: "region, month",
        columnOrder: true,
        ignoreColumnCase: true,
        psiMax: "0.25",
        memoryLimit: "512MB",
        pushdown: false,
        datasetFormat: "csv",
        outputFormat: "parquet",
        keepTemp: true,
      },
      cwd: makeTempDir(),
      env: {},
      cpuCount: 2,
    });
    expect(resolved.table).toEqual({
      key: ["region", "month"],
      columnOrder: true,
      ignoreColumnCase: true,
      psiMax: 0.25,
      memoryLimit: "512MB",
      pushdown: false,
    });
    expect(resolved.dataset).toEqual({ format: "csv", outputFormat: "parquet", keepTemp: true, repeat: 1 });
    expect([resolved.old, resolved.new]).toMatchObject([{ mode: "dataset" }, { mode: "dataset" }]);
  });

  it("win over the config file key by key, and leave the rest", async () => {
    const resolved = await resolveIn(
      [
        ...DATASET_SIDES,
        "table: { key: id, columnOrder: true, psiMax: 0.1 }",
        "dataset: { format: jsonl, keepTemp: true }",
      ],
      { key: "a,b", psiMax: "0.3", outputFormat: "csv" },
    );
    expect(resolved.table).toEqual({
      key: ["a", "b"],
      columnOrder: true,
      ignoreColumnCase: false,
      psiMax: 0.3,
      memoryLimit: "1GB",
      pushdown: true,
    });
    expect(resolved.dataset).toEqual({ format: "jsonl", outputFormat: "csv", keepTemp: true, repeat: 1 });
  });

  it("reports every bad table or dataset flag at once, one line each", async () => {
    const flags = { ...ESSENTIALS, psiMax: "x", key: "a,", datasetFormat: "parquet", outputFormat: "xlsx" };
    const error = await twinrunErrorOf(resolveRunConfig({ flags, cwd: makeTempDir(), env: {}, cpuCount: 2 }));
    expect(error.exitCode).toBe(2);
    expect(error.message.split("\n").sort()).toEqual([
      '--dataset-format: expected one of "csv", "jsonl", "json", got "parquet"',
      '--key: expected column names like id or region,month, got "a,"',
      '--output-format: expected one of "csv", "jsonl", "json", "parquet", got "xlsx"',
      '--psi-max: expected a number >= 0, got "x"',
    ]);
  });
});

describe("dataset mode", () => {
  it.each([
    [
      "a worker on the other side",
      "new: { command: python3 b.py, mode: worker }",
      'old.mode is "dataset" but new.mode is "worker": dataset mode runs each side once on the whole sample and ' +
        "compares their output tables, so both sides must use it (set new.mode: dataset in twinrun.config.yaml, " +
        "or give --mode dataset for both)",
    ],
    [
      "a per-input side by default",
      "new: { command: python3 b.py }",
      /^old\.mode is "dataset" but new\.mode is "per-input": .*set new\.mode: dataset/,
    ],
    [
      "a Python function on the other side",
      "new: { adapter: python, module: features, function: build }",
      /^old\.mode is "dataset" but new is a python component \(new\.adapter: python\): .*make new a command with mode: dataset/,
    ],
  ])("must be on both sides: rejects %s, naming both keys", async (_, newLine, message) => {
    const error = await twinrunErrorOf(
      resolveIn([
        "input: { path: in.csv }",
        'old: { command: "python3 a.py {input}", mode: dataset }',
        newLine,
      ]),
    );
    expect(error.exitCode).toBe(2);
    expect(error.message).toMatch(message);
  });

  it("names the dataset side when only new uses it", async () => {
    const error = await twinrunErrorOf(
      resolveIn([
        "input: { path: in.csv }",
        "old: { command: python3 a.py, mode: worker }",
        "new: { command: python3 b.py, mode: dataset }",
      ]),
    );
    expect(error.message).toMatch(/^new\.mode is "dataset" but old\.mode is "worker"/);
  });

  it("is set on both sides by --mode dataset, over the file's modes", async () => {
    const resolved = await resolveIn(
      ["input: { path: in.csv }", "old: { command: a, mode: worker }", "new: { command: b }"],
      { mode: "dataset" },
    );
    expect([resolved.old, resolved.new]).toMatchObject([{ mode: "dataset" }, { mode: "dataset" }]);
  });

  it("has no timeout unless one is given, since it bounds a side's whole run", async () => {
    expect((await resolveIn(DATASET_SIDES)).runner.timeoutMs).toBe(0);
    expect((await resolveIn([...DATASET_SIDES, "run: { timeout: 600000 }"])).runner.timeoutMs).toBe(600_000);
    expect((await resolveIn(DATASET_SIDES, { timeout: "5000" })).runner.timeoutMs).toBe(5000);
  });

  it.each([
    ["the config file", ["dataset: { keepTemp: true }"], {}, "dataset.keepTemp (--keep-temp)"],
    ["a flag", [], { outputFormat: "parquet" }, "dataset.outputFormat (--output-format)"],
  ])("rejects dataset settings from %s when no side runs in dataset mode", async (_, lines, flags, named) => {
    const sides = ["input: { path: in.csv }", "old: { command: a }", "new: { command: b }"];
    const error = await twinrunErrorOf(resolveIn([...sides, ...lines], flags));
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe(
      `${named} applies to dataset mode, but neither component runs in it: set mode: dataset on both sides ` +
        `(--mode dataset), or remove ${named.split(" ")[0]} from twinrun.config.yaml (or the flag)`,
    );
  });

  it("keeps its table and dataset settings in the report, so a replay reruns them", async () => {
    const resolved = await resolveIn([
      ...DATASET_SIDES,
      "table: { key: id, psiMax: 0.2 }",
      "dataset: { outputFormat: parquet }",
    ]);
    const settings = settingsForReport(resolved);
    expect(settings.table).toEqual({ key: ["id"], psiMax: 0.2 });
    expect(settings.dataset).toEqual({ outputFormat: "parquet", keepTemp: false });
    expect(settings.run?.timeout).toBe(0);
    expect(
      settingsForReport(
        await resolveIn(["input: { path: in.csv }", "old: { command: a }", "new: { command: b }"]),
      ),
    ).not.toHaveProperty("dataset");
  });
});

describe("table.key and the Python dataframe style", () => {
  const DATAFRAME_SIDES = [
    "input: { path: in.csv }",
    "old: { adapter: python, module: f1, function: build, style: dataframe }",
    "new: { adapter: python, module: f2, function: build, style: dataframe }",
  ];

  it("gives both sides table.key when they name no key of their own", async () => {
    const resolved = await resolveIn([...DATAFRAME_SIDES, "table: { key: [region, month] }"]);
    expect([resolved.old, resolved.new]).toMatchObject([
      { key: ["region", "month"] },
      { key: ["region", "month"] },
    ]);
  });

  it("lets a side's own key win over table.key", async () => {
    const lines = [...DATAFRAME_SIDES, "table: { key: region }"];
    lines[1] = "old: { adapter: python, module: f1, function: build, style: dataframe, key: customer_id }";
    const resolved = await resolveIn(lines);
    expect([resolved.old, resolved.new]).toMatchObject([{ key: ["customer_id"] }, { key: ["customer_id"] }]);
    expect(resolved.table.key).toEqual(["region"]);
  });

  it("lets --key win over a side's key in the file, as a flag does", async () => {
    const lines = [...DATAFRAME_SIDES];
    lines[1] = "old: { adapter: python, module: f1, function: build, style: dataframe, key: customer_id }";
    const resolved = await resolveIn(lines, { key: "id" });
    expect([resolved.old, resolved.new, resolved.table.key]).toMatchObject([
      { key: ["id"] },
      { key: ["id"] },
      ["id"],
    ]);
  });

  it.each([
    [{ key: "id" }, "--key"],
    [{ psiMax: "0.1" }, "--psi-max"],
    [{ memoryLimit: "2GB" }, "--memory-limit"],
    [{ columnOrder: true }, "--column-order"],
    [{ ignoreColumnCase: true }, "--ignore-column-case"],
  ] as Array<[RunFlags, string]>)(
    "rejects %o on a run that compares outputs input by input",
    async (flags, flag) => {
      const lines = ["input: { path: in.jsonl }", "old: { command: a }", "new: { command: b }"];
      const error = await twinrunErrorOf(resolveIn(lines, flags));
      expect(error.exitCode).toBe(2);
      expect(error.message).toContain(`${flag} applies to table comparisons`);
    },
  );

  it("accepts a config file's table section on such a run (it may be there for twinrun diff)", async () => {
    const lines = [
      "input: { path: in.jsonl }",
      "old: { command: a }",
      "new: { command: b }",
      "table: { key: id }",
    ];
    expect((await resolveIn(lines)).table.key).toEqual(["id"]);
  });

  it("leaves record-style Python components without a key", async () => {
    const resolved = await resolveIn([
      "input: { path: in.csv }",
      "old: { adapter: python, module: f1, function: build }",
      "new: { adapter: python, module: f2, function: build }",
      "table: { key: id }",
    ]);
    expect(resolved.old).not.toHaveProperty("key");
  });
});

describe("resolveDiffConfig's table settings", () => {
  function diff(flags: Parameters<typeof resolveDiffConfig>[0]["flags"], config?: string) {
    const cwd = makeTempDir(config === undefined ? {} : { "twinrun.config.yaml": config });
    return resolveDiffConfig({ oldPath: "old.parquet", newPath: "new.parquet", flags, cwd });
  }

  it("reads table from the config file, with key also where the record diff reads it", async () => {
    const resolved = await diff({}, "table: { key: [id, date], columnOrder: true, psiMax: 0.1 }\n");
    expect(resolved.table).toEqual({
      key: ["id", "date"],
      columnOrder: true,
      ignoreColumnCase: false,
      psiMax: 0.1,
      memoryLimit: "1GB",
      pushdown: true,
    });
    expect(resolved.key).toEqual(["id", "date"]);
  });

  it("lets --key, --column-order and --psi-max win over the file", async () => {
    const resolved = await diff(
      { key: "a", columnOrder: true, psiMax: "0.5" },
      "table: { key: id, psiMax: 0.1 }\n",
    );
    expect(resolved.table).toEqual({
      key: ["a"],
      columnOrder: true,
      ignoreColumnCase: false,
      psiMax: 0.5,
      memoryLimit: "1GB",
      pushdown: true,
    });
    expect(resolved.key).toEqual(["a"]);
  });

  it("matches by position by default", async () => {
    const resolved = await diff({});
    expect(resolved.table).toEqual({
      columnOrder: false,
      ignoreColumnCase: false,
      memoryLimit: "1GB",
      pushdown: true,
    });
    expect(resolved).not.toHaveProperty("key");
    expect(resolved).not.toHaveProperty("format");
  });

  it("takes --format parquet, and names the formats for anything else", async () => {
    expect((await diff({ format: "parquet" })).format).toBe("parquet");
    const error = await twinrunErrorOf(diff({ format: "xlsx" }));
    expect(error.message).toBe('--format: expected one of "csv", "jsonl", "json", "parquet", got "xlsx"');
  });

  it("rejects a bad --psi-max like run does", async () => {
    const error = await twinrunErrorOf(diff({ psiMax: "-1" }));
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe('--psi-max: expected a number >= 0, got "-1"');
  });
});
