// The Python adapter's public surface.
export { isPythonSpec, type PythonSpec, parsePythonSpec } from "./component-spec.ts";
export { batchRecords, batchSampleFor } from "./dataframe.ts";
export { describePython } from "./describe.ts";
export {
  createPythonAdapter,
  DEFAULT_PYTHON,
  DEFAULT_PYTHON_STARTUP_TIMEOUT_MS,
} from "./python-adapter.ts";
export type { PythonAdapterOptions, PythonStyle } from "./types.ts";
