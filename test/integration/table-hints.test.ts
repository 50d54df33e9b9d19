// Root-cause hints on table runs end to end: `twinrun diff` on real CSV and JSONL files and a
// dataset-mode run of real batch steps, where each output column changes for one reason (a few
// ages, an income threshold, a null cell) and one column changes with a hash of the id.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeWithPandas, PANDAS_PYTHON } from "../fixtures/python/python-env.ts";
import { jsonl, makeWorkspace } from "../helpers/cli.ts";
import { runInProcess as runCli } from "../helpers/in-process.ts";

interface Person {
  id: number;
  age: number;
  income: number;
  city: string | null;
}

/** `rows` people from a seeded generator; every 25th has age 25, 40 or 65, nobody else has. */
function makePeople(rows: number): Person[] {
  let state = 98765;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return Array.from({ length: rows }, (_, i) => {
    let age = 18 + Math.floor(random() * 60);
    if (i % 25 === 0) age = [25, 40, 65][(i / 25) % 3];
    else if ([25, 40, 65].includes(age)) age = 30;
    const income = Math.round(random() * 200_000);
    const city = random() < 0.1 ? null : ["Lyon", "Oslo", "Kyiv"][i % 3];
    return { id: i, age, income, city };
  });
}

/** A well-mixed hash of the id: which rows it picks follows no condition on the columns. */
function idHash(id: number): number {
  let hash = Math.imul(id + 0x9e3779b9, 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

/** The features a step computes from a person; `changed` is the refactored version. */
function features(person: Person, changed: boolean) {
  const { id, age, income, city } = person;
  return {
    id,
    age,
    income,
    city,
    bucket: changed && [25, 40, 65].includes(age) ? -1 : Math.floor(age / 10),
    tax: changed && income > 100_000 ? Math.round(income * 0.31) : Math.round(income * 0.3),
    city_code: city === null ? (changed ? "?" : "none") : city.slice(0, 2),
    lucky: changed && idHash(id) % 10 < 2 ? 1 : 0,
  };
}

const COLUMNS = ["id", "age", "income", "city", "bucket", "tax", "city_code", "lucky"] as const;

function toCsv(rows: ReturnType<typeof features>[]): string {
  const cell = (value: unknown) => (value === null ? "" : String(value));
  return `${COLUMNS.join(",")}\n${rows.map((row) => COLUMNS.map((name) => cell(row[name])).join(",")).join("\n")}\n`;
}

// A batch step as a dataset-mode component runs it: input CSV in, feature CSV out.
const STEP = `import { readFileSync, writeFileSync } from "node:fs";
const [input, output, variant] = process.argv.slice(2);
const [header, ...lines] = readFileSync(input, "utf8").trim().split("\\n");
const names = header.split(",");
const rows = lines.map((line) => Object.fromEntries(line.split(",").map((cell, i) => [names[i], cell])));
const out = rows.map((row) => {
  const age = Number(row.age);
  const changed = variant === "new" && [25, 40, 65].includes(age);
  return [row.id, age, changed ? -1 : Math.floor(age / 10)].join(",");
});
writeFileSync(output, "id,age,bucket\\n" + out.join("\\n") + "\\n");
`;

// The same step in the dataframe style: pandas functions from a DataFrame of inputs to features.
const FRAMES = `def old(df):
    out = df[["id", "age"]].copy()
    out["bucket"] = df["age"] // 10
    return out


def new(df):
    out = old(df)
    out.loc[df["age"].isin([25, 40, 65]), "bucket"] = -1
    return out
`;

interface HintJson {
  text: string;
  condition: { field?: string; op: string; conditions?: { field: string }[] };
  covered: number;
  total: number;
  unchangedCovered: number;
  unchangedTotal: number;
  precision: number;
}
interface PathJson {
  path: string;
  changed: number;
  hints?: HintJson[];
}

const people = makePeople(500);
const manyPeople = makePeople(12_500);
let dir: string;
let cleanup: () => void;
beforeAll(() => {
  ({ dir, cleanup } = makeWorkspace({
    "old.csv": toCsv(people.map((person) => features(person, false))),
    "new.csv": toCsv(people.map((person) => features(person, true))),
    "old-many.jsonl": jsonl(manyPeople.map((person) => features(person, false))),
    "new-many.jsonl": jsonl(manyPeople.map((person) => features(person, true))),
    "people.csv": `id,age\n${people.map((person) => `${person.id},${person.age}`).join("\n")}\n`,
    "step.mjs": STEP,
    "frames.py": FRAMES,
    "people.jsonl": jsonl(people.map(({ id, age }) => ({ id, age }))),
  }));
});
afterAll(() => cleanup());

function pathsOf(file: string): Map<string, PathJson> {
  const report = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as { paths: PathJson[] };
  return new Map(report.paths.map((stats) => [stats.path, stats]));
}

function fieldsOf(hint: HintJson): string[] {
  return hint.condition.op === "and"
    ? (hint.condition.conditions ?? []).map((part) => part.field)
    : [hint.condition.field ?? ""];
}

describe("hints on twinrun diff of two CSV files", () => {
  let paths: Map<string, PathJson>;
  let stdout: string;
  beforeAll(async () => {
    const result = await runCli(
      [
        "diff",
        "old.csv",
        "new.csv",
        "--key",
        "id",
        "--json",
        "diff.json",
        "--markdown",
        "diff.md",
        "--html",
        "diff.html",
      ],
      { cwd: dir },
    );
    expect(result.exitCode).toBe(1);
    stdout = result.stdout;
    paths = pathsOf("diff.json");
  });

  it("finds the ages a column changed for, with full coverage and no unchanged row", () => {
    const bucket = paths.get("bucket");
    expect(bucket?.changed).toBe(20);
    const hint = bucket?.hints?.find((entry) => entry.text === "age ∈ {25, 40, 65}");
    expect(hint).toMatchObject({
      covered: 20,
      total: 20,
      unchangedCovered: 0,
      unchangedTotal: 480,
      precision: 1,
    });
  });

  it("finds an income threshold at the round number", () => {
    const tax = paths.get("tax");
    const expected = people.filter((person) => person.income > 100_000).length;
    expect(tax?.changed).toBe(expected);
    expect(tax?.hints?.find((entry) => entry.text === "income > 100000")).toMatchObject({
      covered: expected,
      total: expected,
      unchangedCovered: 0,
    });
  });

  it("finds a null cell", () => {
    const cityCode = paths.get("city_code");
    const expected = people.filter((person) => person.city === null).length;
    expect(cityCode?.hints?.find((entry) => entry.text === "city is null")).toMatchObject({
      covered: expected,
      total: expected,
      unchangedCovered: 0,
    });
  });

  it("gives no hint for changes that follow a hash of the id", () => {
    const lucky = paths.get("lucky");
    expect(lucky?.changed).toBeGreaterThan(50);
    expect(lucky?.hints).toBeUndefined();
  });

  it("never names a key column in a hint", () => {
    const fields = [...paths.values()].flatMap((stats) => (stats.hints ?? []).flatMap(fieldsOf));
    expect(fields.length).toBeGreaterThan(0);
    expect(fields).not.toContain("id");
  });

  it("shows the hints in the terminal, Markdown and HTML reports", () => {
    expect(stdout).toContain("Hints (conditions on the old row under which a column changed)");
    expect(stdout).toMatch(
      /Hints[^\n]*\n(.*\n)*\s+bucket\s+age ∈ \{25, 40, 65\}\s+20\/20 changed, 0\/480 unchanged/,
    );
    const markdown = readFileSync(path.join(dir, "diff.md"), "utf8");
    expect(markdown).toContain("| `bucket` | `age ∈ {25, 40, 65}` | 20/20 changed, 0/480 unchanged |");
    const html = readFileSync(path.join(dir, "diff.html"), "utf8");
    expect(html).toContain("age ∈ {25, 40, 65}");
  });
});

describe("hints on tables larger than the hint sample", () => {
  it("counts each hint over every row pair, not only the sampled ones", async () => {
    const result = await runCli(
      ["diff", "old-many.jsonl", "new-many.jsonl", "--key", "id", "--json", "many.json"],
      {
        cwd: dir,
      },
    );
    expect(result.exitCode).toBe(1);
    const paths = pathsOf("many.json");
    const hint = paths.get("bucket")?.hints?.find((entry) => entry.text === "age ∈ {25, 40, 65}");
    // Every 25th of 12,500 rows: 500 changed rows, 12,000 unchanged (more than the hint sample holds).
    expect(hint).toMatchObject({ covered: 500, total: 500, unchangedCovered: 0, unchangedTotal: 12_000 });
    const rich = manyPeople.filter((person) => person.income > 100_000).length;
    expect(paths.get("tax")?.hints?.find((entry) => entry.text === "income > 100000")).toMatchObject({
      covered: rich,
      total: rich,
      unchangedCovered: 0,
      unchangedTotal: 12_500 - rich,
    });
    expect(paths.get("lucky")?.hints).toBeUndefined();
  });
});

describe("hints in dataset mode", () => {
  it("explains an output column's change by the old output row's columns", async () => {
    const result = await runCli(
      [
        "run",
        "--old",
        "node step.mjs {input} {output} old",
        "--new",
        "node step.mjs {input} {output} new",
        "--mode",
        "dataset",
        "-i",
        "people.csv",
        "--key",
        "id",
        "--json",
        "dataset.json",
      ],
      { cwd: dir },
    );
    expect(result.exitCode).toBe(1);
    const bucket = pathsOf("dataset.json").get("bucket");
    expect(bucket?.hints?.find((entry) => entry.text === "age ∈ {25, 40, 65}")).toMatchObject({
      covered: 20,
      total: 20,
      unchangedCovered: 0,
    });
    expect(result.stdout).toContain("age ∈ {25, 40, 65}");
  });
});

describeWithPandas("hints in the dataframe style", () => {
  it("explains a feature column's change by the old frame's columns", async () => {
    const result = await runCli(
      [
        "run",
        "--old",
        "py:frames:old",
        "--new",
        "py:frames:new",
        "--style",
        "dataframe",
        "-i",
        "people.jsonl",
        "-n",
        "all",
        "--key",
        "id",
        "--json",
        "frames.json",
      ],
      { cwd: dir, env: { TWINRUN_PYTHON: PANDAS_PYTHON } },
    );
    expect(result.exitCode).toBe(1);
    const bucket = pathsOf("frames.json").get("bucket");
    expect(bucket?.hints?.find((entry) => entry.text === "age ∈ {25, 40, 65}")).toMatchObject({
      covered: 20,
      total: 20,
      unchangedCovered: 0,
      unchangedTotal: 480,
    });
  });
});
