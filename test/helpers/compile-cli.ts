// The CLI compiled from the current sources for the tests to spawn: esbuild turns every file of src/
// and adapters/ into JavaScript, one output file per source file, in the layout of the shipped
// package (bin/twinrun.js beside dist/src and dist/adapters, so import.meta.url-relative files such as
// the Python worker scripts sit where the code looks for them). A spawn then starts plain
// JavaScript instead of loading tsx and transforming hundreds of files in every child process.
import { copyFileSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { type BuildOptions, build, type Plugin } from "esbuild";

/** Where compiled CLIs live: inside the checkout (so Node finds its node_modules), gitignored. */
export const COMPILED_CLI_ROOT = ".test-cli";

const CODE = /\.(?:[cm]?ts|[cm]?js)$/;

/** The source files of one folder tree, relative to `root`, caches left out. */
function listFiles(root: string, folder: string): string[] {
  return readdirSync(path.join(root, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.parentPath.includes("__pycache__"))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .filter((file) => !file.endsWith(".d.ts"));
}

/**
 * Why: each file stays its own module (its relative imports point at the sibling output with a
 * `.js` specifier, as tsc's rewriteRelativeImportExtensions does) and packages stay imports.
 */
const keepImports: Plugin = {
  name: "keep-imports",
  setup(builder) {
    builder.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === "entry-point") return undefined;
      const relative = /^\.\.?\//.test(args.path);
      return { path: relative ? args.path.replace(/\.([cm]?)ts$/, ".$1js") : args.path, external: true };
    });
  },
};

/**
 * Why: tests must run the code of this checkout as users run the package, fast to spawn. Compiles
 * `repoRoot`'s src/ and adapters/ into `outDir` (created afresh) and returns the bin to spawn.
 */
export async function compileCli(repoRoot: string, outDir: string): Promise<string> {
  rmSync(outDir, { recursive: true, force: true });
  const sources = [...listFiles(repoRoot, "src"), ...listFiles(repoRoot, "adapters")];
  const code = sources.filter((file) => CODE.test(file));
  const common: BuildOptions = {
    absWorkingDir: repoRoot,
    outbase: repoRoot,
    outdir: path.join(outDir, "dist"),
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    plugins: [keepImports],
    logLevel: "error",
  };
  // .mjs entries (the module worker's bootstrap) keep their extension; the rest become .js.
  await build({ ...common, entryPoints: code.filter((file) => !file.endsWith(".mjs")) });
  await build({
    ...common,
    entryPoints: code.filter((file) => file.endsWith(".mjs")),
    outExtension: { ".js": ".mjs" },
  });
  for (const file of sources.filter((name) => !CODE.test(name))) {
    mkdirSync(path.dirname(path.join(outDir, "dist", file)), { recursive: true });
    copyFileSync(path.join(repoRoot, file), path.join(outDir, "dist", file));
  }
  const bin = path.join(outDir, "bin", "twinrun.js");
  mkdirSync(path.dirname(bin), { recursive: true });
  copyFileSync(path.join(repoRoot, "bin", "twinrun.js"), bin);
  return bin;
}
