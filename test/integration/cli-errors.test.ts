// User mistakes and hostile files end in one message and exit 2, never a stack trace.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { jsonl, makeWorkspace } from "../helpers/cli.ts";
import { runInProcess } from "../helpers/in-process.ts";

const BOMB = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
  .concat(
    "bcdefgh"
      .split("")
      .map((name, i) => `${name}: &${name} [${Array(9).fill(`*${"abcdefg"[i]}`).join(", ")}]`),
  )
  .join("\n");
const DEEP = `process.stdin.on("data", () => process.stdout.write("[".repeat(100000) + process.argv[2] + "]".repeat(100000) + "\\n"));`;

const workspace = makeWorkspace({
  "inputs.jsonl": jsonl([{ x: 1 }]),
  "bomb.yaml": `${BOMB}\n`,
  "unresolved.yaml": "input:\n  path: *nowhere\n",
  "deep.cjs": DEEP,
});
afterAll(() => workspace.cleanup());
const cwd = workspace.dir;
mkdirSync(path.join(cwd, "folder.json"));
mkdirSync(path.join(cwd, "folder.jsonl"));
const RUN = ["run", "--old", "cat", "--new", "cat", "-i", "inputs.jsonl"];

async function expectUsageError(args: string[], message: string | RegExp): Promise<string> {
  const result = await runInProcess(args, { cwd });
  expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
  expect(result.stderr).toMatch(message);
  expect(result.exitCode).toBe(2);
  return result.stderr;
}

describe("configs that would crash a YAML reader", () => {
  it("stops a billion-laughs alias bomb with a message naming the file", async () => {
    await expectUsageError(
      [...RUN, "-c", "bomb.yaml"],
      /^twinrun: bomb\.yaml: invalid YAML: its aliases expand to too much/,
    );
  });

  it("names the unresolved alias", async () => {
    await expectUsageError([...RUN, "-c", "unresolved.yaml"], "the alias *nowhere names no anchor");
  });
});

describe("a folder where a file belongs", () => {
  it.each([
    ["a config", [...RUN, "-c", "folder.json"], "config file not found: folder.json"],
    [
      "an input",
      ["run", "--old", "cat", "--new", "cat", "-i", "folder.jsonl"],
      "expected an input file, found a directory",
    ],
    ["a report to accept", ["accept", "folder.json"], "folder.json: cannot read the report"],
    ["a report to merge", ["merge", "folder.json"], "folder.json: cannot read the report"],
    ["a report to replay", ["run", "--replay", "folder.json"], "folder.json: cannot read the report"],
    ["the --json report", [...RUN, "--json", "folder.json"], "could not write the JSON report"],
    [
      "a table to diff",
      ["diff", "folder.jsonl", "folder.jsonl"],
      "expected an input file, found a directory",
    ],
  ])("exits 2 for %s", async (_what, args, message) => {
    await expectUsageError(args, message);
  });
});

describe("reports with fields of the wrong type", () => {
  it("names the field for accept and merge", async () => {
    const ran = await runInProcess([...RUN, "--json", "good.json"], { cwd });
    expect(ran.exitCode).toBe(0);
    const good = JSON.parse(readFileSync(path.join(cwd, "good.json"), "utf8")) as Record<string, unknown>;
    const cases: Array<[string, (report: Record<string, unknown>) => void, string]> = [
      ["paths", (report) => (report.paths = "x"), 'paths: expected array, got string "x"'],
      [
        "summary",
        (report) => ((report.summary as Record<string, unknown>).trials = "3"),
        "summary.trials: expected number",
      ],
      ["examples", (report) => (report.examples = [{ index: 0 }]), "examples[0].inputText"],
      ["gate", (report) => (report.gate = []), "gate: expected object, got an array"],
    ];
    for (const [name, mutate, message] of cases) {
      const report = structuredClone(good);
      mutate(report);
      writeFileSync(path.join(cwd, `bad-${name}.json`), JSON.stringify(report));
      await expectUsageError(["accept", `bad-${name}.json`], message);
      await expectUsageError(["merge", `bad-${name}.json`], message);
    }
  });
});

describe("a 100,000-deep output", () => {
  it("is reported, written, accepted and replayed without overflowing", async () => {
    const deep = (digit: number) => `${JSON.stringify(process.execPath)} deep.cjs ${digit}`;
    const args = ["run", "--old", deep(1), "--new", deep(2), "--mode", "worker", "-i", "inputs.jsonl"];
    const ran = await runInProcess([...args, "--json", "deep.json", "--markdown", "deep.md"], { cwd });
    expect(ran.stderr).toBe("");
    expect(ran.exitCode).toBe(1);
    // The example keeps both ends of the 100,000-deep path, and the report stays one screen.
    expect(ran.stdout).toMatch(/^ {2}\[0\]\[0\].*….*\[0\] +value +1 → 2/m);
    expect(ran.stdout.length).toBeLessThan(5_000);
    // Indentation stops at a fixed depth: the file grows with the value, not with depth squared.
    expect(readFileSync(path.join(cwd, "deep.json"), "utf8").length).toBeLessThan(3_000_000);
    const accepted = await runInProcess(["accept", "deep.json", "--out", "deep-accepted.yaml"], { cwd });
    expect(accepted).toMatchObject({ exitCode: 0, stderr: "" });
    const replayed = await runInProcess(["run", "--replay", "deep.json"], { cwd });
    expect(replayed).toMatchObject({ exitCode: 1, stderr: "" });
  });
});
