// A seeded fuzz test of the whole CLI, run in-process: mutated configs, flag sets, input files and
// report files. Whatever comes in, twinrun answers with a message and an exit code of its
// contract: no stack trace, no code outside {0, 1, 2, 3, 130}, no hang, no raw control character.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRandom, type Random } from "../../src/inputs/random.ts";
import { jsonl, makeWorkspace } from "../helpers/cli.ts";
import { runInProcess } from "../helpers/in-process.ts";

const SEED = Number(process.env.TWINRUN_FUZZ_SEED ?? 20_261_202);
const CASES = Number(process.env.TWINRUN_FUZZ_CASES ?? 2000);
const CASE_TIMEOUT_MS = 20_000;
/** Cases in flight at once. */
const PARALLEL_CASES = 4;
const EXIT_CODES = new Set([0, 1, 2, 3, 130]);
// Raw control characters other than newline and tab (NO_COLOR is set: not even colours).
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

const workspace = makeWorkspace({
  "inputs.jsonl": jsonl([
    { x: 1, tier: "a" },
    { x: 2.5, tier: "b" },
    { x: -3, tier: "a" },
  ]),
  "table-old.csv": "id,score\n1,0.5\n2,0.25\n",
  "table-new.csv": "id,score\n1,0.5\n2,0.3\n",
});
afterAll(() => workspace.cleanup());
const root = workspace.dir;
let seedReport = "";

const pick = <T>(random: Random, items: readonly T[]): T => items[random.nextInt(items.length)] as T;
const chance = (random: Random, p: number) => random.nextFloat() < p;

const NASTY = [
  "",
  " ",
  "-1",
  "0",
  "1e309",
  "NaN",
  "99999999999999999999",
  "\u001b[2J",
  "a\u0000b",
  "../../etc/passwd",
  "/",
  ".",
  "ü🙂",
  "--",
  "=",
  "x".repeat(300),
  "%s%n",
  "{input}",
  "*",
  "[",
  "a,,b",
  "1/0",
  "3/2",
  "abs:1,rel:x",
  "score=rel:1e-6",
  "items:id",
  "50%",
  "all",
];
const FILES = [
  "inputs.jsonl",
  "table-old.csv",
  "table-new.csv",
  "config.yaml",
  "report.json",
  "input.jsonl",
  "missing.jsonl",
  "folder",
  ".",
];

/** A flag and a value for it: usually well-formed, often hostile. */
function flagFor(random: Random): string[] {
  const choice = pick(random, [
    ["--mode", ["per-input", "worker", "dataset", "bogus"]],
    ["--strategy", ["first", "random", "stratified", "all", "best"]],
    ["--format", ["jsonl", "json", "csv", "parquet", "xml"]],
    ["--on-bad-input", ["fail", "skip", "maybe"]],
    ["--style", ["record", "dataframe", "x"]],
    ["-n", ["1", "2", "all", "0", "-5", "abc"]],
    ["--seed", ["0", "7", "-1", "1.5", "x"]],
    ["--abs", ["0", "1e-6", "-1", "Infinity"]],
    ["--rel", ["0", "1e-9", "x"]],
    ["--ignore", ["tier", "x.**", "[", "**.ts"]],
    ["--tol", ["x=rel:1e-6", "x=abs:", "=", "x=ulps:3"]],
    ["--unordered", ["tags", "items:id", ":"]],
    ["--key", ["id", "id,", ",", "x"]],
    ["--max-changed", ["0", "1", "50%", "-1", "x%"]],
    ["--examples", ["0", "3", "-1"]],
    ["--concurrency", ["1", "2", "0"]],
    ["--timeout", ["0", "2000", "-1"]],
    ["--psi-max", ["0.1", "-1"]],
    ["--shard", ["1/2", "2/2", "3/2", "0/0"]],
    ["--only", ["0", "0,1", "x"]],
    ["--stratify-by", ["tier", ""]],
    ["--old-label", ["before", ""]],
    ["--json", ["out.json", "folder", ""]],
    ["--markdown", ["out.md", "folder"]],
    ["--junit", ["out.xml", "folder"]],
    ["--accepted", ["accepted.yaml", "missing.yaml", "config.yaml"]],
    ["--replay", ["report.json", "missing.json", "inputs.jsonl"]],
    ["-c", ["config.yaml", "missing.yaml", "folder", "report.json"]],
    ["-i", FILES],
    ["--dataset-format", ["csv", "jsonl", "json", "tsv"]],
    ["--output-format", ["csv", "parquet", "x"]],
    ["--batch-size", ["1", "0"]],
    ["--base", ["HEAD", "no-such-ref"]],
    ["--exact", []],
    ["--shell", []],
    ["--csv-strings", []],
    ["--no-save", []],
    ["--strict-accepted", []],
    ["--column-order", []],
    ["--bogus", []],
  ] as const);
  const [flag, values] = choice;
  if (values.length === 0) return [flag];
  return [flag, chance(random, 0.8) ? pick(random, values) : pick(random, NASTY)];
}

/** A config file: a valid one mutated by key, by value and by YAML construct. */
function configText(random: Random): string {
  const lines = [
    "input:",
    `  path: ${pick(random, ["inputs.jsonl", "input.jsonl", "missing.jsonl", "folder", "*nowhere"])}`,
    `  sample: ${pick(random, ["2", "all", "0", "x", "[1]", "1.5"])}`,
    "old:",
    `  command: ${pick(random, ["cat", "'sh -c \"exit 3\"'", "definitely-missing-twinrun-cmd", "''", "{ a: 1 }"])}`,
    "new:",
    `  command: ${pick(random, ["cat", "'tr 1 2'", "definitely-missing-twinrun-cmd"])}`,
    "compare:",
    `  tolerance: { abs: ${pick(random, ["0", "1e-9", "-1", "x"])} }`,
    `  rules: ${pick(random, ["[{ path: tier, ignore: true }]", "[{ path: '[', ignore: true }]", "{}", "[1]"])}`,
    "gate:",
    `  maxChanged: ${pick(random, ["0", "'50%'", "-2", "x"])}`,
    `report: { examples: ${pick(random, ["1", "-1", "x"])} }`,
  ];
  const mutations = random.nextInt(4);
  for (let m = 0; m < mutations; m++) {
    const at = random.nextInt(lines.length);
    const mutation = random.nextInt(7);
    if (mutation === 0) lines.splice(at, 1);
    else if (mutation === 1) lines[at] = `${lines[at]}${pick(random, NASTY)}`;
    else if (mutation === 2)
      lines.splice(at, 0, `${pick(random, ["inptu", "olds", "x", "&a"])}: ${pick(random, NASTY)}`);
    else if (mutation === 3) lines[at] = `${"  ".repeat(random.nextInt(4))}${lines[at]?.trim()}`;
    else if (mutation === 4)
      lines.push(
        "bomb: &a [x, x, x, x, x, x, x, x]",
        ...Array.from(
          { length: 6 },
          (_, i) =>
            `b${i}: &b${i} [${Array(8)
              .fill(i === 0 ? "*a" : `*b${i - 1}`)
              .join(", ")}]`,
        ),
      );
    else if (mutation === 5) lines.push(`deep: ${"[".repeat(5000)}${"]".repeat(5000)}`);
    else lines[at] = String.fromCharCode(...Array.from({ length: 12 }, () => random.nextInt(256)));
  }
  return `${lines.join("\n")}\n`;
}

/** An input file: good records, broken lines, BOMs, CRLF, control characters, deep values. */
function inputText(random: Random): string {
  const lines = ['{"x":1}', '{"x":2,"tier":"b"}', '{"x":1e400}', '{"x":12345678901234567890123}'];
  const count = random.nextInt(4);
  for (let m = 0; m < count; m++) {
    lines.push(
      pick(random, [
        "{not json",
        "",
        "[]",
        '"just a string"',
        '{"x":"\u001b]8;;http://evil\u0007link"}',
        `{"deep":${"[".repeat(3000)}${"]".repeat(3000)}}`,
        '{"x":NaN}',
        '\uFEFF{"x":3}',
        '{"x":1}\r',
      ]),
    );
  }
  return `${lines.join("\n")}\n`;
}

/** A report file: the seed run's report with fields deleted, retyped or replaced. */
function reportText(random: Random): string {
  const report = JSON.parse(seedReport) as Record<string, unknown>;
  const keys = Object.keys(report);
  const count = 1 + random.nextInt(3);
  for (let m = 0; m < count; m++) {
    const key = pick(random, keys);
    const mutation = random.nextInt(6);
    if (mutation === 0) delete report[key];
    else if (mutation === 1) report[key] = pick(random, [null, 1, "x", [], {}, true]);
    else if (mutation === 2 && report[key] !== null && typeof report[key] === "object") {
      const inner = report[key] as Record<string, unknown>;
      const innerKey = pick(random, Object.keys(inner).concat("extra"));
      inner[innerKey] = pick(random, [null, -1, "\u001b[31m", [1, "a"], { deep: true }]);
    } else if (mutation === 3) report[key] = JSON.parse(`${"[".repeat(2000)}${"]".repeat(2000)}`);
    else if (mutation === 4) return JSON.stringify(report).slice(0, random.nextInt(200));
  }
  return JSON.stringify(report);
}

/** Flags of a well-formed run: only valid values, so the run gets to compare and gate. */
const VALID_RUN_FLAGS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ["--seed", ["0", "7", "42"]],
  ["--strategy", ["first", "random", "all"]],
  ["--abs", ["0", "1e-6", "0.5"]],
  ["--rel", ["0", "1e-9", "0.1"]],
  ["--ignore", ["tier", "x"]],
  ["--tol", ["x=rel:1e-6", "x=abs:2", "x=ulps:3"]],
  ["--max-changed", ["0", "1", "50%"]],
  ["--examples", ["0", "1", "3"]],
  ["--concurrency", ["1", "2"]],
  ["--json", ["out.json"]],
  ["--markdown", ["out.md"]],
  ["--junit", ["out.xml"]],
  ["--reporter", ["json=r.json", "github", "markdown"]],
  ["--old-label", ["before"]],
  ["--exact", []],
  ["--no-save", []],
];

/** A small JSONL input of good records: the numbers and tiers vary, the shape stays valid. */
function validInputText(random: Random): string {
  const lines = Array.from({ length: 1 + random.nextInt(5) }, () => {
    const x = pick(random, [0, 1, 2.5, -3, 10, 1e-7, 123456789, 0.1 + 0.2]);
    return JSON.stringify(chance(random, 0.3) ? { x } : { x, tier: pick(random, ["a", "b", "1"]) });
  });
  return `${lines.join("\n")}\n`;
}

/** A well-formed run or table diff with small mutations: these reach exit 0 or 1, not usage. */
function validArgs(random: Random): string[] {
  if (chance(random, 0.15)) {
    const args = ["diff", "table-old.csv", pick(random, ["table-new.csv", "table-old.csv"]), "--key", "id"];
    if (chance(random, 0.5)) args.push(pick(random, ["--abs", "--rel"]), pick(random, ["0", "0.1"]));
    if (chance(random, 0.3)) args.push("--json", "diff.json");
    return args;
  }
  // A worker answers line by line: `sed -u` flushes each line, where `tr` would hold it back.
  // Mostly workers: one process per side per run keeps 500 runs within seconds.
  const worker = chance(random, 0.85);
  const changing = worker ? ["sed -u s/1/2/", "sed -u s/a/b/"] : ["tr 1 2", "tr a b"];
  const args = ["run", "--old", "cat", "--new", pick(random, ["cat", ...changing])];
  args.push("-i", pick(random, ["valid.jsonl", "valid.jsonl", "inputs.jsonl"]));
  args.push("-n", pick(random, ["1", "2", "3"]), "--timeout", "5000");
  args.push("--mode", worker ? "worker" : "per-input");
  for (let n = random.nextInt(4); n > 0; n--) {
    const [flag, values] = pick(random, VALID_RUN_FLAGS);
    args.push(flag, ...(values.length === 0 ? [] : [pick(random, values)]));
  }
  return args;
}

/** One case: a command line over freshly written files in its own folder. */
function makeCase(random: Random, index: number): { cwd: string; args: string[] } {
  const cwd = path.join(root, "cases", String(index));
  mkdirSync(path.join(cwd, "folder"), { recursive: true });
  writeFileSync(path.join(cwd, "inputs.jsonl"), readFileSync(path.join(root, "inputs.jsonl")));
  writeFileSync(path.join(cwd, "input.jsonl"), inputText(random));
  writeFileSync(path.join(cwd, "table-old.csv"), readFileSync(path.join(root, "table-old.csv")));
  writeFileSync(path.join(cwd, "table-new.csv"), readFileSync(path.join(root, "table-new.csv")));
  writeFileSync(path.join(cwd, "config.yaml"), configText(random));
  writeFileSync(path.join(cwd, "report.json"), reportText(random));
  writeFileSync(path.join(cwd, "accepted.yaml"), chance(random, 0.5) ? "accepted: []\n" : configText(random));
  writeFileSync(path.join(cwd, "valid.jsonl"), validInputText(random));
  // Some cases are well-formed, so the compare, gate and report paths run, not only usage errors;
  // each costs a real run (about 0.3 s), so they stay a small share of the cases.
  if (chance(random, 0.06)) return { cwd, args: validArgs(random) };
  const command = pick(random, [
    "run",
    "run",
    "run",
    "diff",
    "accept",
    "merge",
    "init",
    "bogus",
    "--help",
    "--version",
  ]);
  const args: string[] = [command];
  if (command === "run") {
    if (chance(random, 0.7))
      args.push(
        "--old",
        pick(random, ["cat", "definitely-missing-twinrun-cmd", "py:", "js:nofile.ts#f", "http://"]),
      );
    if (chance(random, 0.7))
      args.push("--new", pick(random, ["cat", "tr 1 2", "definitely-missing-twinrun-cmd"]));
    if (chance(random, 0.7)) args.push("-i", pick(random, FILES));
    args.push("-n", "2", "--timeout", "5000");
  } else if (command === "diff") {
    for (let n = random.nextInt(4); n > 0; n--) args.push(pick(random, FILES));
  } else if (command === "accept" || command === "merge") {
    for (let n = random.nextInt(3); n > 0; n--)
      args.push(pick(random, ["report.json", "report.json", "missing.json", "folder", "inputs.jsonl"]));
    if (command === "accept" && chance(random, 0.5))
      args.push("--out", pick(random, ["accepted.yaml", "folder", "new.yaml"]));
  }
  for (let n = random.nextInt(5); n > 0; n--) args.push(...flagFor(random));
  return { cwd, args };
}

describe("the CLI under fuzzing", () => {
  beforeAll(async () => {
    const ran = await runInProcess(
      ["run", "--old", "cat", "--new", "tr 1 2", "-i", "inputs.jsonl", "--json", "seed.json"],
      {
        cwd: root,
      },
    );
    expect(ran.exitCode).toBe(1);
    seedReport = readFileSync(path.join(root, "seed.json"), "utf8");
  }, 180_000);

  it(`answers ${CASES} seeded cases with a message and a contract exit code`, {
    timeout: 600_000,
  }, async () => {
    const random = createRandom(SEED);
    const findings: string[] = [];
    const codes = new Map<number, number>();
    const env = {
      GITHUB_ACTIONS: "",
      GITHUB_STEP_SUMMARY: "",
      TWINRUN_PYTHON: process.env.TWINRUN_PYTHON ?? "python3",
    };
    // The cases are drawn in order from the seed, then run a few at a time: a case mostly waits on
    // the processes it starts, and each has its own folder and environment.
    const cases = Array.from({ length: CASES }, (_, index) => makeCase(random, index));
    const found: string[][] = cases.map(() => []);
    const runCase = async (index: number) => {
      const { cwd, args } = cases[index] as { cwd: string; args: string[] };
      const caseFindings = found[index] as string[];
      const shown = `case ${index} (seed ${SEED}): twinrun ${JSON.stringify(args)}`;
      let timer: NodeJS.Timeout | undefined;
      const hang = new Promise<"hang">((resolve) => {
        timer = setTimeout(() => resolve("hang"), CASE_TIMEOUT_MS);
      });
      const result = await Promise.race([runInProcess(args, { cwd, env }), hang]);
      clearTimeout(timer);
      if (result === "hang") {
        caseFindings.push(`${shown}: no answer within ${CASE_TIMEOUT_MS} ms`);
        return;
      }
      codes.set(result.exitCode, (codes.get(result.exitCode) ?? 0) + 1);
      if (!EXIT_CODES.has(result.exitCode)) caseFindings.push(`${shown}: exit ${result.exitCode}`);
      if (/internal error|\n\s+at [^\n]*:\d+:\d+\)?/.test(result.stderr)) {
        caseFindings.push(`${shown}: a stack trace:\n${result.stderr.slice(0, 1500)}`);
      }
      const control = CONTROL.exec(result.stdout);
      if (control !== null) {
        const around = result.stdout.slice(Math.max(0, control.index - 60), control.index + 20);
        caseFindings.push(
          `${shown}: raw control character ${JSON.stringify(control[0])} on stdout: ${JSON.stringify(around)}`,
        );
      }
    };
    let next = 0;
    const runner = async () => {
      while (next < cases.length) await runCase(next++);
    };
    await Promise.all(Array.from({ length: PARALLEL_CASES }, runner));
    findings.push(...found.flat());
    console.log(
      `fuzz: ${CASES} cases, seed ${SEED}, exit codes ${JSON.stringify(Object.fromEntries(codes))}, ${findings.length} findings`,
    );
    expect(findings).toEqual([]);
  });
});
