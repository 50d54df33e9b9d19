// The terminal report as the CLI writes it: colours only on a TTY and never with NO_COLOR, and
// every line within COLUMNS (80 and 120), on a table diff wider than either.
import { stripVTControlCharacters } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { runTwinrun } from "../../src/cli/cli.ts";
import { bufferStream } from "../../src/cli/io.ts";
import { displayWidth } from "../../src/reporters/fit.ts";
import { makeWorkspace } from "../helpers/cli.ts";

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
});

/** Two tables with long column names and long values, so every grid must be fitted. */
function wideTables(): string {
  const columns = [
    "id",
    ...Array.from({ length: 6 }, (_, index) => `customer_lifetime_value_${index}_estimate`),
  ];
  const rows = (shift: number) =>
    [
      columns.join(","),
      ...Array.from({ length: 20 }, (_, row) =>
        [
          row,
          ...columns
            .slice(1)
            .map((_, index) => (row * 1000.123 + index + (row % 3 === 0 ? shift : 0)).toFixed(3)),
        ].join(","),
      ),
    ].join("\n");
  const created = makeWorkspace({ "old.csv": `${rows(0)}\n`, "new.csv": `${rows(0.5)}\n` });
  cleanups.push(created.cleanup);
  return created.dir;
}

async function diff(env: Record<string, string>, isTTY: boolean) {
  const cwd = wideTables();
  const stdout = bufferStream({ isTTY });
  const stderr = bufferStream();
  const exitCode = await runTwinrun(["diff", "old.csv", "new.csv", "--key", "id", "--no-save"], {
    stdout,
    stderr,
    cwd,
    env: { PATH: process.env.PATH ?? "", ...env },
  });
  return { exitCode, stdout: stdout.text(), stderr: stderr.text() };
}

describe("the terminal report from the CLI", () => {
  it.each([80, 120])(
    "fits every line into COLUMNS=%i and opens with a head of at most six lines",
    async (columns) => {
      const { exitCode, stdout, stderr } = await diff({ COLUMNS: String(columns), NO_COLOR: "1" }, true);
      expect({ exitCode, stderr }).toEqual({ exitCode: 1, stderr: "" });
      const lines = stdout.split("\n");
      for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(columns);
      expect(lines.indexOf("")).toBeLessThanOrEqual(6);
      expect(lines[0]).toBe("✗ CHANGED  7 of 20 rows changed (35%) · 13 same");
      expect(stdout).toContain("Columns");
      expect(stdout).toContain("Differing rows");
    },
  );

  it("uses the room a wider terminal gives", async () => {
    const narrow = await diff({ COLUMNS: "80", NO_COLOR: "1" }, true);
    const wide = await diff({ COLUMNS: "120", NO_COLOR: "1" }, true);
    const widest = (text: string) => Math.max(...text.split("\n").map(displayWidth));
    expect(widest(wide.stdout)).toBeGreaterThan(80);
    expect(narrow.stdout.split("\n").length).toBeGreaterThan(wide.stdout.split("\n").length);
  });

  it("colours only a TTY, and never with NO_COLOR", async () => {
    const ANSI = /\x1b\[/;
    const tty = await diff({ COLUMNS: "100" }, true);
    expect(tty.stdout).toMatch(ANSI);
    for (const line of tty.stdout.split("\n"))
      expect(displayWidth(stripVTControlCharacters(line))).toBeLessThanOrEqual(100);
    expect((await diff({ COLUMNS: "100", NO_COLOR: "1" }, true)).stdout).not.toMatch(ANSI);
    expect((await diff({ COLUMNS: "100" }, false)).stdout).not.toMatch(ANSI);
  });
});
