// The package as users get it: `npm pack` (which builds dist/ through `prepare`), installed into a
// fresh project, then the API and the vitest matcher imported from plain JavaScript and type-checked
// from TypeScript against the shipped declarations (as a Node project with @types/node and
// skipLibCheck off), and `npx twinrun` run there.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PLAIN_PYTHON } from "../fixtures/python/python-env.ts";
import { jsonl, REPO_ROOT } from "../helpers/cli.ts";

const own = JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as {
  devDependencies: Record<string, string>;
};
const TSC = path.join(REPO_ROOT, "node_modules", "typescript", "bin", "tsc");
/** npm's own settings of an enclosing `npm test` (lifecycle, package fields) stay out of the child npm. */
const env = Object.fromEntries(
  Object.entries(process.env).filter(
    ([key]) => !/^npm_(package|lifecycle|config_(global|prefix))/i.test(key),
  ),
);

let root: string;
let project: string;

const inProject = (file: string, args: string[]) =>
  execa(file, args, {
    cwd: project,
    env: { ...env, NO_COLOR: "1", TWINRUN_PYTHON: PLAIN_PYTHON },
    extendEnv: false,
    reject: false,
  });

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), "twinrun-package-"));
  const packed = await execa("npm", ["pack", "--json", "--pack-destination", root], {
    cwd: REPO_ROOT,
    env,
    extendEnv: false,
  });
  const [{ filename }] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf("["))) as Array<{
    filename: string;
  }>;
  project = path.join(root, "project");
  writeProject({
    "package.json": JSON.stringify({ name: "uses-twinrun", private: true, type: "module" }),
    ...CONSUMER_FILES,
  });
  await execa(
    "npm",
    [
      "install",
      "--prefer-offline",
      "--no-audit",
      "--no-fund",
      path.join(root, filename),
      `vitest@${own.devDependencies.vitest}`,
      `@types/node@${own.devDependencies["@types/node"]}`,
    ],
    { cwd: project, env, extendEnv: false },
  );
}, 300_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

function writeProject(files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    const target = path.join(project, name);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
}

describe("the packed twinrun package in a fresh project", () => {
  it("ships compiled JavaScript, declarations, the worker scripts and the schema, and no sources", () => {
    const installed = path.join(project, "node_modules", "twinrun");
    const manifest = JSON.parse(readFileSync(path.join(installed, "package.json"), "utf8"));
    expect(manifest.exports["."]).toEqual({ types: "./dist/src/index.d.ts", default: "./dist/src/index.js" });
    for (const file of [
      "dist/src/index.js",
      "dist/src/index.d.ts",
      "dist/src/vitest.js",
      "dist/src/vitest.d.ts",
      "dist/adapters/module/worker-bootstrap.mjs",
      "dist/adapters/python/worker.py",
      "dist/adapters/python/_twinrun_serialise.py",
      "schema/twinrun.schema.json",
      "bin/twinrun.js",
    ]) {
      expect(() => readFileSync(path.join(installed, file)), file).not.toThrow();
    }
    expect(() => readFileSync(path.join(installed, "src/index.ts"))).toThrow();
  });

  it("imports runTwin and compare from plain JavaScript", async () => {
    const result = await inProject(process.execPath, ["api.mjs"]);
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual({
      equivalent: { verdict: "equivalent", trials: 3 },
      changed: { verdict: "changed", changed: 1 },
      compare: { equal: false, paths: ["a"] },
    });
  });

  it("runs the vitest matcher on functions and on js: specs of TypeScript modules", async () => {
    // A generous timeout: this file's assertions are about the package, not about speed on a busy machine.
    const result = await inProject(process.execPath, [
      "node_modules/vitest/vitest.mjs",
      "run",
      "--testTimeout=60000",
    ]);
    expect(result.stdout + result.stderr).toMatch(/Tests\s+3 passed \(3\)/);
    expect(result.exitCode).toBe(0);
  });

  it("type-checks TypeScript against the shipped declarations", async () => {
    const result = await inProject(process.execPath, [TSC, "-p", "tsconfig.json"]);
    expect(result.stdout).toBe("");
    expect(result.exitCode).toBe(0);
  }, 180_000); // checks @types/node's and vitest's declarations too: half a minute on a busy machine

  it("starts `npx twinrun --help` and runs Python functions through the shipped worker", async () => {
    const help = await inProject("npx", ["--no-install", "twinrun", "--help"]);
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toContain("Usage: twinrun");
    const run = await inProject("npx", [
      "--no-install",
      "twinrun",
      "run",
      "--old",
      "py:features_old:build",
      "--new",
      "py:features_new:build",
      "-i",
      "inputs.jsonl",
      "-n",
      "all",
      "--no-save",
      "--concurrency",
      "1",
    ]);
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(/Changed/i);
    expect(run.exitCode).toBe(1);
  });
});

/** The fresh project's own files: what a user of the package writes. */
const CONSUMER_FILES: Record<string, string> = {
  "api.mjs": `import { compare, runTwin } from "twinrun";
const inputs = [1, 2, 3];
const same = await runTwin({ old: (x) => x * 2, new: (x) => x + x, inputs });
const moved = await runTwin({ old: (x) => x * 2, new: (x) => (x === 3 ? 7 : x * 2), inputs });
const differences = compare({ a: 1 }, { a: 2 });
console.log(JSON.stringify({
  equivalent: { verdict: same.verdict, trials: same.summary.trials },
  changed: { verdict: moved.verdict, changed: moved.summary.changed },
  compare: { equal: differences.equal, paths: differences.differences.map((d) => d.path) },
}));
`,
  "score_old.ts": "export function score(x: number): number {\n  return x * 0.1 * 3;\n}\n",
  "score_new.ts": "export function score(x: number): number {\n  return (x * 3) / 10;\n}\n",
  "matcher.test.mjs": `import { twin } from "twinrun/vitest";
import { expect, it } from "vitest";
const inputs = [0, 1, 2, 3, 7, 10];
it("passes equal functions", async () => {
  await expect(twin({ old: (x) => x * 2, new: (x) => x + x, inputs })).toBeEquivalent();
});
it("fails a changed function, naming the input", async () => {
  await expect(expect(twin({ old: (x) => x, new: (x) => (x === 7 ? 8 : x), inputs })).toBeEquivalent()).rejects.toThrow(/7/);
});
it("runs TypeScript modules given as js: specs in worker threads", async () => {
  await expect(twin({ old: "js:score_old.ts#score", new: "js:score_new.ts#score", inputs })).toBeEquivalent();
});
`,
  "check.ts": `import { compare, runTwin, type Report, type TwinOptions } from "twinrun";
import { twin } from "twinrun/vitest";
import { expect } from "vitest";

const options: TwinOptions = { old: (x: number) => x * 2, new: (x: number) => x + x, inputs: [1, 2, 3] };
const report: Report = await runTwin(options);
const equal: boolean = compare({ a: 1 }, { a: 1 }).equal;
await expect(twin(options)).toBeEquivalent();
// @ts-expect-error: a report's verdict is a word, not a number (so the declarations are real types)
const verdict: number = report.verdict;
// @ts-expect-error: runTwin needs its options
await runTwin();
export { equal, verdict };
`,
  "tsconfig.json": JSON.stringify({
    compilerOptions: {
      target: "ES2022",
      module: "NodeNext",
      moduleResolution: "NodeNext",
      strict: true,
      noEmit: true,
      types: ["node"],
      skipLibCheck: false,
    },
    files: ["check.ts"],
  }),
  "features_old.py": 'def build(r):\n    return {"id": r["id"], "y": r["x"] * 2}\n',
  "features_new.py":
    'def build(r):\n    return {"id": r["id"], "y": r["x"] * 2 + (1 if r["id"] == 2 else 0)}\n',
  "inputs.jsonl": jsonl([0, 1, 2, 3].map((id) => ({ id, x: id * 1.5 }))),
};
