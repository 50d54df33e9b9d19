import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { jsonl, makeWorkspace, REPO_ROOT, runCli } from "../helpers/cli.ts";
import { runInProcess } from "../helpers/in-process.ts";

const workspace = makeWorkspace({ "inputs.jsonl": jsonl([{ x: 1 }, { x: 2 }]) });
afterAll(() => workspace.cleanup());
const cwd = workspace.dir;

describe("usage errors", () => {
  it.each([
    ["an unknown flag", ["run", "--bogus"], "unknown option '--bogus'", "Usage: twinrun run [options]"],
    ["an invalid --mode", ["run", "--mode", "bogus"], "'bogus' is invalid", "Usage: twinrun run [options]"],
    ["an invalid --strategy", ["run", "--strategy", "best"], "'best' is invalid", "Usage: twinrun run"],
    ["a flag without its value", ["run", "--old"], "argument missing", "Usage: twinrun run"],
    [
      "diff with one file",
      ["diff", "a.csv"],
      "missing required argument 'new-output'",
      "Usage: twinrun diff [options] <old-output> <new-output>",
    ],
    [
      "merge without reports",
      ["merge"],
      "missing required argument",
      "Usage: twinrun merge [options] <report.json...>",
    ],
    [
      "accept without a report",
      ["accept"],
      "missing required argument",
      "Usage: twinrun accept [options] <report.json>",
    ],
    ["an unknown command", ["bogus"], "unknown command 'bogus'", "Usage: twinrun [options] [command]"],
    ["an extra argument", ["run", "extra"], "too many arguments", "Usage: twinrun run"],
  ])("exit 2 for %s, with the message and the usage line", async (_name, args, message, usage) => {
    const result = await runInProcess(args, { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain(usage);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("exits 0 for --help and for --version, which prints package.json's version", async () => {
    const help = await runInProcess(["run", "--help"], { cwd });
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toContain("--max-changed");
    const version = await runInProcess(["--version"], { cwd });
    const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { version: string };
    expect(version).toMatchObject({ exitCode: 0, stdout: `${pkg.version}\n` });
  });

  it("exits 2 for a bad flag value found after parsing, naming the flag", async () => {
    const result = await runInProcess(
      ["run", "--old", "cat", "--new", "cat", "-i", "inputs.jsonl", "--seed", "x"],
      {
        cwd,
      },
    );
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe('twinrun: --seed: expected an integer, got "x"\n');
  });
});

describe("the real process", () => {
  it("exits 2 for a usage error when spawned too", async () => {
    const result = await runCli(["run", "--mode", "bogus"], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("Usage: twinrun run [options]");
  });
});
