// Entry of every module worker thread. It registers tsx (ESM and CommonJS hooks) in this thread,
// so the component's TypeScript loads without a build step whatever its package type, then runs
// the worker body. Plain JavaScript: Node cannot start a worker thread from a .ts file by itself.
import { register as registerCommonJs } from "tsx/cjs/api";
import { register } from "tsx/esm/api";

registerCommonJs();
register();
await import("./module-worker.ts");
