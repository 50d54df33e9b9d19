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
  const batch =
    component.style === "dataframe" && component.batchSize !== undefined
      ? `, batches of ${component.batchSize}`
      : "";
  return `py:${component.module}:${component.function} (${component.python}, ${component.style}${batch})`;
}
