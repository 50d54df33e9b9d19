// Entry of every module worker thread. It registers tsx (ESM and CommonJS hooks) in this thread
// only when TypeScript has to load — the component is a TypeScript or JSX file, or twinrun runs
// from its sources, whose worker body is TypeScript — since registering costs each thread's
// start-up; plain JavaScript loads natively. Then it runs the worker body. Plain JavaScript
// itself: Node cannot start a worker thread from a .ts file by itself.
import { existsSync } from "node:fs";
import { workerData } from "node:worker_threads";

const NEEDS_TSX = /\.(?:[cm]?tsx?|jsx)$/i;
// The compiled package ships module-worker.js beside this file; the sources have module-worker.ts.
const fromSources = existsSync(new URL("./module-worker.ts", import.meta.url));

if (fromSources || NEEDS_TSX.test(workerData.file)) {
  const [commonJs, esm] = await Promise.all([import("tsx/cjs/api"), import("tsx/esm/api")]);
  commonJs.register();
  esm.register();
}
await import("./module-worker.ts");
