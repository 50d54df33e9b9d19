// `twinrun run --base <ref>`: the old side from a temporary git worktree, in real repositories;
// the CLI in-process, and spawned where a signal stops it.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { execa } from "execa";
import { XMLParser } from "fast-xml-parser";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { CLI, jsonl } from "../helpers/cli.ts";
import { workerComponent } from "../helpers/components.ts";
import { commit, git, listFolder, listWorktrees, makeGitRepo, writeFiles } from "../helpers/git-repo.ts";
import { runInProcess } from "../helpers/in-process.ts";

const records = Array.from({ length: 24 }, (_, i) => ({ id: i, x: i * 1.5 }));
const DOUBLE = "return { id: record.id, y: record.x * 2 };";
// The same behaviour, written differently (a refactor).
const DOUBLE_REFACTORED = "const twice = (v) => v + v;\nreturn { y: twice(record.x), id: record.id };";
// A behaviour change on ids 3, 13 and 23.
const DOUBLE_CHANGED = "return { id: record.id, y: record.id % 10 === 3 ? record.x * 2 + 1 : record.x * 2 };";

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

// The CLI's temp folder (TMPDIR), shared by this file's tests (they run one after another), so
// worktree leftovers are visible and tsx's compile cache there stays warm between runs. The
// in-process runs find it where twinrun looks, in this process's TMPDIR (os.tmpdir()).
const TMP = mkdtempSync(path.join(tmpdir(), "twinrun-ci-tmp-"));
const outerTmpdir = process.env.TMPDIR;
beforeAll(() => {
  process.env.TMPDIR = TMP;
});
afterAll(() => {
  if (outerTmpdir === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = outerTmpdir;
  rmSync(TMP, { recursive: true, force: true });
});

/** A repository whose first commit holds the component and the inputs. */
function repoWith(body: string) {
  const repo = makeGitRepo();
  cleanups.push(repo.cleanup);
  const first = commit(
    repo.dir,
    { "feat.mjs": workerComponent(body), "inputs.jsonl": jsonl(records) },
    "features",
  );
  return { ...repo, first };
}

const RUN = ["run", "--new", "node feat.mjs", "--mode", "worker", "-i", "inputs.jsonl", "-n", "all"];

function readJson(dir: string, file: string) {
  return JSON.parse(readFileSync(path.join(dir, file), "utf8"));
}

function expectNoWorktreeLeft(repo: { dir: string }) {
  expect(listWorktrees(repo.dir)).toEqual([repo.dir]);
  expect(listBaseFolders()).toEqual([]);
}

/** The worktree folders twinrun made in its temp folder. */
function listBaseFolders(): string[] {
  return listFolder(TMP).filter((name) => name.startsWith("twinrun-base-"));
}

describe("twinrun run --base", () => {
  it("passes when HEAD refactors the function equivalently, and removes the worktree (exit 0)", async () => {
    const repo = repoWith(DOUBLE);
    commit(repo.dir, { "feat.mjs": workerComponent(DOUBLE_REFACTORED) }, "refactor");
    const result = await runInProcess([...RUN, "--base", "HEAD~1"], { cwd: repo.dir, env: { TMPDIR: TMP } });
    expect(result.stderr).toBe("");
    expect(result.exitCode).toBe(0);
    const report = readJson(repo.dir, ".twinrun/last-report.json");
    expect(report).toMatchObject({ verdict: "equivalent", summary: { trials: 24, changed: 0 } });
    expect(report.base).toEqual({ ref: "HEAD~1", commit: repo.first });
    expect(report.components.old.label).toBe(`HEAD~1@${repo.first.slice(0, 7)}`);
    expect(report.components.new.label).toBe("working tree");
    expectNoWorktreeLeft(repo);
  });

  it("fails when the working tree changes behaviour, with Markdown and JUnit for CI (exit 1)", async () => {
    const repo = repoWith(DOUBLE);
    // Uncommitted: new is the working tree as it is, old is the ref.
    writeFiles(repo.dir, { "feat.mjs": workerComponent(DOUBLE_CHANGED) });
    const result = await runInProcess(
      [...RUN, "--base", "main", "--markdown", "out/summary.md", "--junit", "out/junit.xml"],
      {
        cwd: repo.dir,
        env: { TMPDIR: TMP },
      },
    );
    expect(result.exitCode).toBe(1);
    const report = readJson(repo.dir, ".twinrun/last-report.json");
    expect(report.summary).toMatchObject({ trials: 24, changed: 3 });
    expect(report.paths).toEqual([
      expect.objectContaining({ path: "y", changed: 3, exampleIndices: [3, 13, 23] }),
    ]);
    expect(report.settings.base).toBe(repo.first); // a replay checks out the same commit, even if main moves

    const markdown = readFileSync(path.join(repo.dir, "out/summary.md"), "utf8");
    expect(markdown).toMatch(/^## ❌ twinrun: behavioural change/);
    expect(markdown).toContain(`| old | \`main@${repo.first.slice(0, 7)}\``);
    expect(markdown).toContain("| `y` | 3/24 (12.5%) | value×3 | 1 |");

    const junit = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === "testcase" }).parse(
      readFileSync(path.join(repo.dir, "out/junit.xml"), "utf8"),
    );
    const cases = junit.testsuites.testsuite.testcase;
    expect(cases.map((testCase: Record<string, string>) => testCase["@_name"])).toEqual([
      "gate (max changed 0)",
      "y",
    ]);
    expect(junit.testsuites["@_failures"]).toBe("2");

    // The replay runs old from the same commit again: the change is still there.
    const replay = await runInProcess(["run", "--replay", ".twinrun/last-report.json", "--only", "13"], {
      cwd: repo.dir,
      env: { TMPDIR: TMP },
    });
    expect(replay.exitCode).toBe(1);
    expectNoWorktreeLeft(repo);
  }, 90_000);

  it("exits 2 on an unknown ref, naming it, and leaves nothing behind", async () => {
    const repo = repoWith(DOUBLE);
    const result = await runInProcess([...RUN, "--base", "no-such-branch"], {
      cwd: repo.dir,
      env: { TMPDIR: TMP },
    });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('--base no-such-branch: no commit named "no-such-branch"');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expectNoWorktreeLeft(repo);
  });

  it("runs each side's setup in its own folder first, the old one in the worktree; a failing setup is exit 3", async () => {
    const repo = makeGitRepo();
    cleanups.push(repo.cleanup);
    const factor = "return { id: record.id, y: record.x * Number(readFileSync('built.txt', 'utf8')) };";
    commit(
      repo.dir,
      {
        ".gitignore": "built.txt\n",
        "feat.mjs": `import { readFileSync } from "node:fs";\n${workerComponent(factor)}`,
        "build.mjs": 'import { writeFileSync } from "node:fs";\nwriteFileSync("built.txt", "2");\n',
        "fail.mjs": 'console.error("npm ERR! broken");\nprocess.exit(4);\n',
        "inputs.jsonl": jsonl(records),
      },
      "a component that needs a build step",
    );
    const config = (setup: string) =>
      `base: HEAD\ninput: { path: inputs.jsonl, sample: all }\nnew: { command: node feat.mjs, mode: worker, setup: '${setup}' }\n`;
    // built.txt is ignored by git: old only finds it if its setup really ran inside the worktree.
    writeFiles(repo.dir, { "twinrun.config.yaml": config("node build.mjs") });
    const built = await runInProcess(["run"], { cwd: repo.dir, env: { TMPDIR: TMP } });
    expect(built.stderr).toContain("twinrun: setting up old: node build.mjs");
    expect(built.stderr).toContain("twinrun: setting up new: node build.mjs");
    expect(built.exitCode).toBe(0);
    expect(readJson(repo.dir, ".twinrun/last-report.json").summary).toMatchObject({ trials: 24, same: 24 });

    writeFiles(repo.dir, {
      "twinrun.config.yaml": config("node fail.mjs"),
    });
    const failed = await runInProcess(["run"], { cwd: repo.dir, env: { TMPDIR: TMP } });
    expect(failed.exitCode).toBe(3);
    expect(failed.stderr).toContain("old component could not start: its setup command failed (exit code 4)");
    expect(failed.stderr).toContain("npm ERR! broken");
    expectNoWorktreeLeft(repo);
  }, 90_000);

  it("runs a dataset-mode batch step from the base commit against the working tree", async () => {
    const repo = makeGitRepo();
    cleanups.push(repo.cleanup);
    // A batch step: CSV in ({input}), CSV out ({output}); the working tree drops id 3.
    const step = (filter: string) =>
      'import { readFileSync, writeFileSync } from "node:fs";\n' +
      "const [, , input, output] = process.argv;\n" +
      'const [header, ...lines] = readFileSync(input, "utf8").trim().split("\\n");\n' +
      `const kept = lines.filter((line) => ${filter});\n` +
      'writeFileSync(output, [header, ...kept].join("\\n") + "\\n");\n';
    const csv = `id,x\n${records.map((record) => `${record.id},${record.x}`).join("\n")}\n`;
    commit(repo.dir, { "step.mjs": step("true"), "data.csv": csv }, "batch step");
    writeFiles(repo.dir, { "step.mjs": step('!line.startsWith("3,")') });
    const result = await runInProcess(
      [
        "run",
        "--base",
        "HEAD",
        "--new",
        "node step.mjs {input} {output}",
        "--mode",
        "dataset",
        "-i",
        "data.csv",
        "--key",
        "id",
      ],
      { cwd: repo.dir, env: { TMPDIR: TMP } },
    );
    expect(result.exitCode).toBe(1);
    const report = readJson(repo.dir, ".twinrun/last-report.json");
    expect(report.base.ref).toBe("HEAD");
    expect(report.table.rows).toMatchObject({
      old: 24,
      new: 23,
      matched: 23,
      onlyOld: 1,
      onlyOldExamples: [{ key: { id: 3 } }],
    });
    expectNoWorktreeLeft(repo);
  }, 90_000);

  it.each([
    { signal: "SIGINT", how: "interrupted with Ctrl-C" },
    { signal: "SIGTERM", how: "cancelled (SIGTERM, as CI cancels a job)" },
  ] as const)(
    "removes the worktree when the run is $how",
    async ({ signal }) => {
      const repo = repoWith(`const until = Date.now() + 400; while (Date.now() < until) {}\n${DOUBLE}`);
      const child = execa(process.execPath, [CLI, ...RUN, "--base", "main", "--concurrency", "1"], {
        cwd: repo.dir,
        env: { NO_COLOR: "1", TMPDIR: TMP },
        reject: false,
      });
      // Waits for the worktree however loaded the machine is; the test's own timeout bounds it.
      const deadline = Date.now() + 100_000;
      while (listWorktrees(repo.dir).length < 2 && Date.now() < deadline) await sleep(50);
      expect(listWorktrees(repo.dir)).toHaveLength(2);
      expect(listBaseFolders()).toHaveLength(1);
      await sleep(300);
      child.kill(signal);
      const result = await child;
      // SIGTERM stops a run as Ctrl-C does: the partial report, marked incomplete, and exit 130.
      expect(result.exitCode).toBe(130);
      expect(readJson(repo.dir, ".twinrun/last-report.json").complete).toBe(false);
      expectNoWorktreeLeft(repo);
      expect(git(repo.dir, "status", "--porcelain")).toMatch(/^(\?\? \.twinrun\/)?$/);
    },
    150_000,
  );
});

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
