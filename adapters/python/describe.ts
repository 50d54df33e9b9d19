// A short human description of a Python component, shown in reports.
import type { PythonStyle } from "./types.ts";

/** Why: reports say which function ran, with which interpreter and style: `py:f:build (python3, dataframe)`. */
export function describePython(component: {
  module: string;
  function: string;
  python: string;
  style: PythonStyle;
  batchSize?: number;
}): string {
  return describePythonCall(`py:${component.module}:${component.function}`, component);
}

/** Why: every Python function component (`py:`, `nb:`) names its interpreter and style the same way. */
export function describePythonCall(
  spec: string,
  component: { python: string; style: string; batchSize?: number },
): string {
  const batch =
    component.style === "dataframe" && component.batchSize !== undefined
      ? `, batches of ${component.batchSize}`
      : "";
  return `${spec} (${component.python}, ${component.style}${batch})`;
}
