// Compiles the package for shipping: `npm run build` (run by `prepare`, so `npm ci` and `npm pack`
// leave a fresh dist/). tsc emits JavaScript and declarations into dist/ (src/ and adapters/ keep
// their layout, `.ts` specifiers rewritten to `.js`); the files the adapters load at run time
// beside their code (the Python worker scripts) are copied next to the compiled code.
// Declarations get `.js` specifiers too (tsc keeps `.ts` in them), so that any TypeScript
// version and resolution mode a user has reads them.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outDir = path.join(root, "dist");

/** Files an adapter reads from its own folder at run time, by folder. */
const RUNTIME_FILES: Record<string, (name: string) => boolean> = {
  "adapters/python": (name) => name.endsWith(".py"),
  "adapters/notebook": (name) => name.endsWith(".py"),
};

rmSync(outDir, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const compiled = spawnSync(process.execPath, [tsc, "-p", path.join(root, "tsconfig.build.json")], {
  stdio: "inherit",
});
if (compiled.status !== 0) {
  process.stderr.write("build: tsc failed; dist/ is incomplete\n");
  process.exit(compiled.status ?? 1);
}
for (const [folder, wanted] of Object.entries(RUNTIME_FILES)) {
  mkdirSync(path.join(outDir, folder), { recursive: true });
  for (const name of readdirSync(path.join(root, folder)).filter(wanted)) {
    copyFileSync(path.join(root, folder, name), path.join(outDir, folder, name));
  }
}
/** A relative `.ts` specifier in an import, export or `import("…")` type of a declaration file. */
const TS_SPECIFIER = /((?:from|import)\s*\(?\s*)(["'])(\.{1,2}\/[^"']*?)\.ts\2/g;
for (const entry of readdirSync(outDir, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith(".d.ts")) continue;
  const file = path.join(entry.parentPath, entry.name);
  const text = readFileSync(file, "utf8");
  const rewritten = text.replace(TS_SPECIFIER, "$1$2$3.js$2");
  if (rewritten !== text) writeFileSync(file, rewritten);
}
process.stdout.write(`build: wrote ${path.relative(process.cwd(), outDir) || outDir}\n`);
