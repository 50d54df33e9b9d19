// Finding the function to call in a loaded module: a named export, the default export, or a
// dotted path into an exported object (`scorer.score`, bound to `scorer`). CommonJS modules
// loaded through import() put module.exports on `default`, so names are looked up there too.
import type { ComponentFunction } from "./call-function.ts";

/** Either the function, or why there is none (said so the user can fix the spec). */
export type ExportLookup = { found: true; fn: ComponentFunction } | { found: false; problem: string };

/** Why: a wrong export name must be a start error that lists what the module does export. */
export function resolveExport(moduleNamespace: Record<string, unknown>, exportName: string): ExportLookup {
  const [head, ...rest] = exportName.split(".");
  const fromDefault = asRecord(moduleNamespace.default);
  let owner: unknown = moduleNamespace;
  let value: unknown =
    head in moduleNamespace
      ? moduleNamespace[head]
      : fromDefault !== undefined
        ? fromDefault[head]
        : undefined;
  if (value === undefined) {
    return {
      found: false,
      problem: `it has no export named ${JSON.stringify(head)} (${listExports(moduleNamespace)})`,
    };
  }
  let reached = head;
  for (const part of rest) {
    owner = value;
    const record = asRecord(value);
    value = record?.[part];
    reached += `.${part}`;
    if (value === undefined) return { found: false, problem: `${reached} is undefined` };
  }
  if (typeof value !== "function") {
    return {
      found: false,
      problem: `${JSON.stringify(exportName)} is ${describeType(value)}, not a function`,
    };
  }
  const fn = value as (input: unknown) => unknown;
  return { found: true, fn: rest.length > 0 ? fn.bind(owner) : fn };
}

function listExports(moduleNamespace: Record<string, unknown>): string {
  const names = Object.keys(moduleNamespace).filter((name) => name !== "__esModule");
  const fromDefault = asRecord(moduleNamespace.default);
  const cjsNames =
    fromDefault === undefined ? [] : Object.keys(fromDefault).filter((name) => !names.includes(name));
  const all = [...names, ...cjsNames];
  return all.length === 0 ? "it exports nothing" : `its exports: ${all.join(", ")}`;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return (value !== null && typeof value === "object") || typeof value === "function"
    ? (value as Record<string, unknown>)
    : undefined;
}

function describeType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}
