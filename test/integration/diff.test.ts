// twinrun diff end to end: the CLI (in-process) on real output files.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { makeWorkspace } from "../helpers/cli.ts";
import { runInProcess } from "../helpers/in-process.ts";

let cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
});

function workspace(files: Record<string, string>) {
  const created = makeWorkspace(files);
  cleanups.push(created.cleanup);
  return created.dir;
}

async function diff(files: Record<string, string>, args: string[]) {
  const dir = workspace(files);
  const result = await runInProcess(["diff", ...args, "--json", "report.json"], { cwd: dir });
  const report =
    result.exitCode <= 1 ? JSON.parse(readFileSync(path.join(dir, "report.json"), "utf8")) : undefined;
  return { ...result, report };
}

describe("twinrun diff", () => {
  it("finds a one-unit change in an integer beyond 2^53", async () => {
    const { exitCode, report, stdout } = await diff(
      { "old.jsonl": '{"id": 9007199254740993}\n', "new.jsonl": '{"id": 9007199254740992}\n' },
      ["old.jsonl", "new.jsonl"],
    );
    expect(exitCode).toBe(1);
    expect(report.paths[0]).toMatchObject({ path: "id", kinds: { value: 1 } });
    expect(stdout).toMatch(/^ {2}id +9007199254740993 +9007199254740992 +1 /m);
  });

  it("reads Python's NaN and Infinity tokens and treats NaN as equal to NaN by default", async () => {
    const files = {
      "old.jsonl": '{"a": NaN, "b": Infinity, "c": -Infinity}\n',
      "new.jsonl": '{"a": NaN, "b": Infinity, "c": -Infinity}\n'.replace("{", "{ "),
    };
    expect((await diff(files, ["old.jsonl", "new.jsonl"])).exitCode).toBe(0);
    const flipped = await diff({ ...files, "new.jsonl": '{"a": NaN, "b": -Infinity, "c": -Infinity}\n' }, [
      "old.jsonl",
      "new.jsonl",
    ]);
    expect(flipped.exitCode).toBe(1);
    expect(flipped.report.paths.map((stats: { path: string }) => stats.path)).toEqual(["b"]);
  });

  it("reports an int that became an integral float as a type change, unless number types are loose", async () => {
    const files = { "old.jsonl": '{"n": 3, "x": 7}\n', "new.jsonl": '{"n": 3.0, "x": 7.000000000000001}\n' };
    const strict = await diff(files, ["old.jsonl", "new.jsonl"]);
    expect(strict.exitCode).toBe(1);
    expect(strict.report.paths).toEqual([expect.objectContaining({ path: "n", kinds: { type: 1 } })]);
    const files2 = { ...files, "twinrun.config.yaml": "compare: { numberTypes: loose }\n" };
    expect((await diff(files2, ["old.jsonl", "new.jsonl"])).exitCode).toBe(0);
  });

  it("treats -0 as 0 unless signedZero is set", async () => {
    const files = { "old.jsonl": '{"z": -0.0}\n', "new.jsonl": '{"z": 0.0}\n' };
    expect((await diff(files, ["old.jsonl", "new.jsonl"])).exitCode).toBe(0);
    const signed = await diff({ ...files, "twinrun.config.yaml": "compare: { signedZero: true }\n" }, [
      "old.jsonl",
      "new.jsonl",
    ]);
    expect(signed.exitCode).toBe(1);
  });

  it("matches records by key and reports records on one side only", async () => {
    const { exitCode, report } = await diff(
      {
        "old.jsonl": '{"id": 1, "v": 1}\n{"id": 2, "v": 2}\n{"id": 3, "v": 3}\n',
        "new.jsonl": '{"id": 3, "v": 3}\n{"id": 1, "v": 1}\n{"id": 4, "v": 4}\n',
      },
      ["old.jsonl", "new.jsonl", "--key", "id"],
    );
    expect(exitCode).toBe(1);
    expect(report.summary).toMatchObject({ trials: 4, same: 2, changed: 2 });
    expect(report.paths).toEqual([expect.objectContaining({ path: "$", kinds: { added: 1, removed: 1 } })]);
  });

  it("is equivalent for reordered records under a key and changed by position", async () => {
    const files = { "old.jsonl": '{"id": 1}\n{"id": 2}\n', "new.jsonl": '{"id": 2}\n{"id": 1}\n' };
    expect((await diff(files, ["old.jsonl", "new.jsonl", "--key", "id"])).exitCode).toBe(0);
    expect((await diff(files, ["old.jsonl", "new.jsonl"])).exitCode).toBe(1);
  });

  it("compares CSV files with numbers inferred and composite keys", async () => {
    const { exitCode, report } = await diff(
      {
        "old.csv": "id,day,score\n1,mon,0.5\n1,tue,0.25\n",
        "new.csv": "id,day,score\n1,tue,0.25\n1,mon,0.5000000000001\n",
      },
      ["old.csv", "new.csv", "--key", "id,day", "--rel", "1e-6"],
    );
    expect(exitCode).toBe(0);
    expect(report.summary.trials).toBe(2);
  });

  it("compares JSON array files", async () => {
    const { exitCode } = await diff(
      { "old.json": '[{"a": 1}, {"a": 2}]', "new.json": '[{"a": 1}, {"a": 3}]' },
      ["old.json", "new.json"],
    );
    expect(exitCode).toBe(1);
  });

  it("compares files of different formats as tables (CSV against JSONL)", async () => {
    const { exitCode, report } = await diff(
      {
        "old.csv": "id,score\n1,0.5\n2,1.5\n",
        "new.jsonl": '{"id": 2, "score": 1.5}\n{"id": 1, "score": 0.5}\n',
      },
      ["old.csv", "new.jsonl", "--key", "id"],
    );
    expect(exitCode).toBe(0);
    expect(report.table.files).toMatchObject({ old: { format: "csv" }, new: { format: "jsonl" } });
  });

  it("reports duplicate keys on either side instead of collapsing them", async () => {
    const { exitCode, report } = await diff(
      { "old.jsonl": '{"id": 1}\n{"id": 1}\n', "new.jsonl": '{"id": 1}\n' },
      ["old.jsonl", "new.jsonl", "--key", "id"],
    );
    expect(exitCode).toBe(1);
    expect(report.table.rows.duplicates.old).toEqual({
      keys: 1,
      extraRows: 1,
      examples: [{ key: { id: 1 }, lines: [1, 2] }],
    });
    expect(report.table.rows).toMatchObject({ matched: 1, onlyOld: 1 });
  });

  it.each([
    {
      name: "a missing key column",
      files: { "old.jsonl": '{"id": 1}\n', "new.jsonl": '{"id": 1}\n{"name": "x"}\n' },
      args: ["old.jsonl", "new.jsonl", "--key", "id"],
      message: 'new.jsonl:2: the row has no key column "id"',
    },
    {
      name: "a line that is not a row",
      files: { "old.jsonl": "[1, 2]\n", "new.jsonl": '{"id": 1}\n' },
      args: ["old.jsonl", "new.jsonl"],
      message: "old.jsonl:1",
    },
    {
      name: "a missing file",
      files: { "old.jsonl": "{}\n" },
      args: ["old.jsonl", "nope.jsonl"],
      message: "nope.jsonl",
    },
  ] as Array<{ name: string; files: Record<string, string>; args: string[]; message: string }>)(
    "exits 2 with a clear message on $name",
    async ({ files, args, message }) => {
      const result = await diff(files, args);
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toContain(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    },
  );
});

describe("twinrun diff with a rule that names no column", () => {
  it("lists the rule as unused with the column it likely meant, in the JSON report and the terminal", async () => {
    const { exitCode, report, stdout } = await diff(
      { "old.csv": "id,amount\n1,2.5\n2,3\n", "new.csv": "id,amount\n1,2.5\n2,3\n" },
      ["old.csv", "new.csv", "--key", "id", "--ignore", "amout", "--tol", "amount=abs:0.1"],
    );
    expect(exitCode).toBe(0);
    expect(report.unusedRules).toEqual([{ path: "amout", options: ["ignore"], suggestion: "amount" }]);
    expect(stdout).toContain(
      "Unused ignore rule amout: it matched no path in any output; did you mean amount?",
    );
  });
});
