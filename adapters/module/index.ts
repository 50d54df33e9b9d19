// The module adapter's public surface.
export { type ComponentFunction, callComponentFunction } from "./call-function.ts";
export { MAX_COMPARABLE_DEPTH, toComparable, UncomparableValueError } from "./comparable-value.ts";
export { isModuleSpec, type ModuleSpec, parseModuleSpec } from "./component-spec.ts";
export { describeFunction, describeModule } from "./describe.ts";
export { createModuleAdapter, DEFAULT_MODULE_STARTUP_TIMEOUT_MS } from "./module-adapter.ts";
export { resolveModuleComponent } from "./resolve-component.ts";
export type { ModuleAdapterOptions } from "./types.ts";
