// Numbers a double cannot hold, end to end: the components get each JSON-array element's own
// text, and outputs are compared by exact decimal value.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { programCommand } from "../fixtures/programs/programs.ts";
import { makeWorkspace } from "../helpers/cli.ts";
import { runInProcess } from "../helpers/in-process.ts";

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
});

// Re-serialises through a double, as a careless refactor would: 1e400 becomes null (Infinity).
const THROUGH_DOUBLE = `let text = "";
process.stdin.on("data", (chunk) => (text += chunk));
process.stdin.on("end", () => process.stdout.write(JSON.stringify(JSON.parse(text))));
`;

describe("numbers beyond a double, end to end", () => {
  it("passes JSON-array elements as written and reports what a double would lose (exit 1)", async () => {
    const { dir, cleanup } = makeWorkspace({
      "inputs.json": '[{"v": 1e400}, {"v": 123456789012345678901234567890}, {"v": 0.5}]',
      "through-double.mjs": THROUGH_DOUBLE,
    });
    cleanups.push(cleanup);
    const args = [
      "run",
      "--old",
      programCommand("echo.mjs"),
      "-i",
      "inputs.json",
      "-n",
      "all",
      "--strategy",
      "first",
    ];
    const result = await runInProcess([...args, "--new", "node through-double.mjs"], { cwd: dir });
    expect(result.exitCode).toBe(1);
    const report = JSON.parse(readFileSync(path.join(dir, ".twinrun", "last-report.json"), "utf8"));
    expect(report.summary).toMatchObject({ trials: 3, same: 1, changed: 2 });
    expect(report.examples.map((example: { inputText: string }) => example.inputText)).toEqual([
      '{"v": 1e400}',
      '{"v": 123456789012345678901234567890}',
    ]);
    const raw = readFileSync(path.join(dir, ".twinrun", "last-report.json"), "utf8");
    expect(raw).toContain('"old": 1e400');
    const same = await runInProcess([...args, "--new", programCommand("echo.mjs")], { cwd: dir });
    expect(same.exitCode).toBe(0);
  });
});
