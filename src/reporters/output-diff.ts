// The jsondiffpatch rendering of old vs new output, only for the examples a reporter shows.
import * as jsondiffpatch from "jsondiffpatch";
import ConsoleFormatter from "jsondiffpatch/formatters/console";
import { toDisplayValue } from "./display-value.ts";
import { stripAnsi } from "./style.ts";

/** A long diff is cut here; the differences list and the JSON report hold the rest. */
export const MAX_DIFF_LINES = 40;

const differ = jsondiffpatch.create({ arrays: { detectMove: false } });

/**
 * The structural diff of two outputs as text lines, or undefined when the outputs print the same
 * (the change exists only in the lossless world, e.g. `1` vs `1.0`). jsondiffpatch colours by its own
 * reading of the environment, so colour is stripped unless the caller wants it.
 */
export function renderOutputDiff(
  oldOutput: unknown,
  newOutput: unknown,
  color: boolean,
): string[] | undefined {
  const left = toDisplayValue(oldOutput);
  const right = toDisplayValue(newOutput);
  const delta = differ.diff(left, right);
  if (delta === undefined) return undefined;
  // A fresh formatter reads the environment now (its colours), not when the module was first used.
  // Without `left` only changed keys print: a 500-feature dict shows its 2 changes, not 498 unchanged lines.
  const text = new ConsoleFormatter().format(delta) ?? "";
  const lines = (color ? text : stripAnsi(text)).split("\n");
  if (lines.length <= MAX_DIFF_LINES) return lines;
  return [...lines.slice(0, MAX_DIFF_LINES), `… and ${lines.length - MAX_DIFF_LINES} more diff lines`];
}
