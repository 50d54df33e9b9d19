// The command adapter's small pure pieces: command splitting, shell-syntax detection, line reading,
// the stderr tail, executable resolution and the description shown in reports.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseCommandString } from "execa";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { findShellSyntax, splitCommand } from "../../../adapters/command/command-line.ts";
import { describeCommand } from "../../../adapters/command/describe-command.ts";
import { resolveExecutable } from "../../../adapters/process/launch-check.ts";
import { lastStderrLine, StderrTail } from "../../../adapters/process/stderr-tail.ts";
import { LineReader } from "../../../adapters/shared/line-reader.ts";
import { TwinrunError } from "../../../src/errors.ts";

describe("splitCommand", () => {
  it.each([
    ["python3 f.py", ["python3", "f.py"]],
    ["  python3   f.py  --n 3 ", ["python3", "f.py", "--n", "3"]],
    ["python3 features_old.py --flag 'a b'", ["python3", "features_old.py", "--flag", "a b"]],
    [`node -e "console.log(\\"hi\\")"`, ["node", "-e", 'console.log("hi")']],
    ["cmd 'it'\\''s'", ["cmd", "it's"]],
    ["cmd a\\ b", ["cmd", "a b"]],
    ["cmd ''", ["cmd", ""]],
    ["cmd\ta\nb", ["cmd", "a", "b"]],
    ["cmd C:\\dir\\f", ["cmd", "C:\\dir\\f"]],
  ])("splits %j into %j", (command, tokens) => {
    expect(splitCommand(command, "old")).toEqual(tokens);
  });

  it.each([
    ["", /old\.command: expected a command to run, got an empty string/],
    ["python3 'f.py", /old\.command: expected matching quotes, got an unterminated ' in "python3 'f\.py"/],
  ])("rejects %j with a TwinrunError saying what was expected", (command, message) => {
    expect(() => splitCommand(command, "old")).toThrow(TwinrunError);
    expect(() => splitCommand(command, "old")).toThrow(message);
  });

  it("agrees with execa's parseCommandString on commands without quotes", () => {
    const word = fc.stringMatching(/^[a-zA-Z0-9_./=:,+-]{1,8}$/);
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 3 }),
        (words, gap) => {
          const command = words.join(" ".repeat(gap));
          expect(splitCommand(command, "new")).toEqual(parseCommandString(command));
        },
      ),
    );
  });

  it("gives back any arguments that were single-quoted", () => {
    const quote = (arg: string) => `'${arg.replace(/'/g, "'\\''")}'`;
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 5 }), (args) => {
        expect(splitCommand(["prog", ...args.map(quote)].join(" "), "old")).toEqual(["prog", ...args]);
      }),
    );
  });
});

describe("findShellSyntax", () => {
  it.each([
    ["python3 f.py | jq .", "|"],
    ["python3 f.py > out.json", ">"],
    ["a && b", "&"],
    ["a; b", ";"],
    ["python3 $HOME/f.py", "$H"],
    ['python3 "$HOME/f.py"', "$H"],
    ["echo `date`", "`"],
    ["echo $(date)", "$("],
  ])("finds shell syntax in %j", (command, syntax) => {
    expect(findShellSyntax(command)).toBe(syntax);
  });

  it.each([
    "python3 f.py --flag 'a | b'",
    "python3 f.py '$HOME'",
    "python3 f.py a\\|b",
    "python3 f.py --pattern 'x$'",
    "python3 f.py --price 5$",
    'node -e "console.log(1 > 0)"',
  ])("finds none in %j", (command) => {
    expect(findShellSyntax(command)).toBeUndefined();
  });
});

describe("LineReader", () => {
  it("hands out whole lines however the chunks are cut, and keeps the unfinished rest", () => {
    const lines: string[] = [];
    const reader = new LineReader((line) => lines.push(line));
    for (const chunk of ['{"a"', ":1}\n{", '"b":2}\r\n\n{"c"']) reader.push(chunk);
    expect(lines).toEqual(['{"a":1}', '{"b":2}', ""]);
    expect(reader.partial()).toBe('{"c"');
  });
});

describe("StderrTail", () => {
  it("keeps only the last characters up to its limit", () => {
    const tail = new StderrTail(10);
    for (let i = 0; i < 100; i++) tail.push(`line ${i}\n`);
    expect(tail.text()).toBe("8\nline 99\n");
    expect(tail.text()).toHaveLength(10);
  });

  it("decodes a character split across two chunks", () => {
    const tail = new StderrTail();
    const bytes = Buffer.from("naïve ✓", "utf8");
    tail.push(bytes.subarray(0, 3));
    tail.push(bytes.subarray(3));
    expect(tail.text()).toBe("naïve ✓");
  });

  it("forgets everything on reset", () => {
    const tail = new StderrTail();
    tail.push("old input's log");
    tail.reset();
    tail.push("new");
    expect(tail.text()).toBe("new");
  });

  it.each([
    ["Traceback...\n  File x\nValueError: bad x\n\n", "ValueError: bad x"],
    ["", undefined],
    [`${"e".repeat(300)}\n`, `${"e".repeat(200)}…`],
  ])("finds the last stderr line of %j", (stderr, line) => {
    expect(lastStderrLine(stderr)).toBe(line);
  });
});

describe("resolveExecutable", () => {
  const root = mkdtempSync(path.join(tmpdir(), "twinrun-resolve-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const bin = path.join(root, "bin");
  mkdirSync(bin);
  writeFileSync(path.join(bin, "tool"), "#!/bin/sh\n");
  chmodSync(path.join(bin, "tool"), 0o755);
  writeFileSync(path.join(root, "script.sh"), "#!/bin/sh\n");
  chmodSync(path.join(root, "script.sh"), 0o644);

  it.each([
    ["tool", { found: true, path: path.join(bin, "tool") }],
    ["missing-tool", { found: false, reason: "not found" }],
    ["./script.sh", { found: false, reason: "not executable" }],
    ["./bin/tool", { found: true, path: path.join(bin, "tool") }],
    ["./bin", { found: false, reason: "not executable" }],
    ["script.sh", { found: false, reason: "not found" }],
  ])("resolves %j against PATH or the working folder", (file, expected) => {
    expect(resolveExecutable(file, root, `/nonexistent${path.delimiter}${bin}`)).toEqual(expected);
  });
});

describe("describeCommand", () => {
  it.each([
    [{ command: "python3 f.py", mode: "worker" as const }, "python3 f.py (worker)"],
    [{ command: "  node   f.mjs ", mode: "per-input" as const }, "node f.mjs (per-input)"],
    [{ command: "a | b", mode: "per-input" as const, shell: true }, "a | b (per-input, shell)"],
    [
      { command: `python3 ${"x".repeat(100)}`, mode: "worker" as const },
      `python3 ${"x".repeat(71)}… (worker)`,
    ],
  ])("describes %j as %j", (options, description) => {
    expect(describeCommand(options)).toBe(description);
  });
});
