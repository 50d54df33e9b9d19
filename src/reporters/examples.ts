// One differing input as the terminal shows it: the input, the diff, the differences, the failures, a repro line.
import type { Failure } from "../../adapters/types.ts";
import type { Difference } from "../compare/types.ts";
import { nestsDeeperThan } from "../json/depth.ts";
import type { Example, OutcomeSummary } from "../report/types.ts";
import type { MinimalInput } from "../shrink/types.ts";
import { formatLosslessValue } from "./display-value.ts";
import { formatCompactNumber, toOneLine, truncateText } from "./format.ts";
import { renderOutputDiff } from "./output-diff.ts";
import { projectToDifferences } from "./project-differences.ts";
import { type Paint, stripAnsi } from "./style.ts";

/** Input and one-line outputs are cut to this many characters. */
export const MAX_INPUT_CHARS = 200;
/** At most this many differences are listed per example, then `… and N more`. */
export const MAX_DIFFERENCE_LINES = 20;
/** The failing side's stderr is shown from its last this many lines. */
export const STDERR_TAIL_LINES = 10;

/** Outputs nested deeper than this get no rendered diff (the differences are still listed). */
export const MAX_DIFF_DEPTH = 200;

const MAX_VALUE_CHARS = 60;
const MAX_PATH_WIDTH = 40;
const INDENT = "  ";

/** What renderExample needs from the terminal reporter's options. */
export interface ExampleRenderOptions {
  paint: Paint;
  color: boolean;
  reproCommand?: (index: number) => string;
}

/** The lines for one example, ending with `reproduce: <command>`. */
export function renderExample(example: Example, options: ExampleRenderOptions): string[] {
  const { paint } = options;
  const inputText =
    example.inputText !== "" ? example.inputText : formatLosslessValue(example.input, Infinity);
  const lines = [
    `${paint("bold", `input #${example.index}`)}  ${truncateText(toOneLine(inputText), MAX_INPUT_CHARS)}`,
  ];
  const tooDeep =
    nestsDeeperThan(example.old.output, MAX_DIFF_DEPTH) ||
    nestsDeeperThan(example.new.output, MAX_DIFF_DEPTH);
  if (tooDeep) {
    lines.push(
      paint("dim", `${INDENT}(an output nests more than ${MAX_DIFF_DEPTH} levels deep: no diff is drawn)`),
    );
  } else if (example.old.status === "ok" && example.new.status === "ok") {
    const shown = projectToDifferences(example.old.output, example.new.output, example.differences);
    const diff = renderOutputDiff(shown.old, shown.new, options.color);
    if (diff === undefined) {
      lines.push(
        paint(
          "dim",
          `${INDENT}(the outputs print alike as JSON: the change is in number types or precision)`,
        ),
      );
    } else {
      lines.push(...diff.map((line) => INDENT + line));
    }
  } else {
    lines.push(...renderSide("old", example.old, paint), ...renderSide("new", example.new, paint));
  }
  lines.push(...renderDifferences(example, paint));
  if (options.reproCommand !== undefined) {
    lines.push(`${INDENT}reproduce: ${paint("cyan", options.reproCommand(example.index))}`);
  }
  if (example.minimalInput !== undefined) lines.push(...renderMinimalInput(example.minimalInput, paint));
  return lines;
}

/** The shrunk input: what it kept showing, the input itself, its file and the command that runs it. */
export function renderMinimalInput(minimal: MinimalInput, paint: Paint): string[] {
  const { target } = minimal;
  const kept =
    target.failure === undefined ? `${target.path} ${target.kind}` : `${target.path} ${target.failure}`;
  const budget = minimal.stopped === "done" ? "" : `, stopped by the ${describeStop(minimal.stopped)}`;
  const lines = [
    `${INDENT}${paint("bold", "minimal input")} (${kept}; ${minimal.steps} steps${budget}): ${truncateText(minimal.inputText, MAX_INPUT_CHARS)}`,
  ];
  if (minimal.file !== undefined) lines.push(`${INDENT}${INDENT}written to ${minimal.file}`);
  if (minimal.repro !== undefined) lines.push(`${INDENT}${INDENT}reproduce: ${paint("cyan", minimal.repro)}`);
  return lines;
}

function describeStop(stopped: MinimalInput["stopped"]): string {
  return stopped === "steps" ? "step budget" : stopped === "time" ? "time budget" : "interrupt";
}

/** The comparator's differences with exact tokens, so `1` → `1.0` is visible even when the diff is not. */
export function renderDifferences(example: Example, paint: Paint): string[] {
  const { differences } = example;
  if (differences.length === 0) return [];
  const shown = differences.slice(0, MAX_DIFFERENCE_LINES);
  const pathWidth = Math.min(MAX_PATH_WIDTH, Math.max(...shown.map((difference) => difference.path.length)));
  const kindWidth = Math.max(...shown.map((difference) => difference.kind.length));
  const lines = [paint("bold", `${INDENT}differences:`)];
  for (const difference of shown) {
    lines.push(`${INDENT}${INDENT}${formatDifference(difference, pathWidth, kindWidth, paint)}`);
  }
  const hidden = differences.length - shown.length;
  if (hidden > 0) lines.push(`${INDENT}${INDENT}… and ${hidden} more`);
  if (example.truncated) {
    lines.push(
      paint(
        "yellow",
        `${INDENT}${INDENT}(the comparator stopped at its per-trial cap; later differences were not recorded)`,
      ),
    );
  }
  return lines;
}

function formatDifference(
  difference: Difference,
  pathWidth: number,
  kindWidth: number,
  paint: Paint,
): string {
  const oldText = paint("red", formatLosslessValue(difference.old, MAX_VALUE_CHARS));
  const newText = paint("green", formatLosslessValue(difference.new, MAX_VALUE_CHARS));
  const errors: string[] = [];
  if (difference.abs !== undefined) errors.push(`abs ${formatCompactNumber(difference.abs)}`);
  if (difference.rel !== undefined) errors.push(`rel ${formatCompactNumber(difference.rel)}`);
  const suffix = errors.length > 0 ? `  (${errors.join(", ")})` : "";
  const path = paint("cyan", difference.path.padEnd(pathWidth));
  return `${path}  ${difference.kind.padEnd(kindWidth)}  ${oldText} → ${newText}${suffix}`;
}

function renderSide(side: "old" | "new", outcome: OutcomeSummary, paint: Paint): string[] {
  if (outcome.status === "ok") {
    return [`${INDENT}${side} output: ${formatLosslessValue(outcome.output, MAX_INPUT_CHARS)}`];
  }
  if (outcome.status === "absent") return [paint("yellow", `${INDENT}${side}: no such record`)];
  if (outcome.failure === undefined) return [paint("yellow", `${INDENT}${side} failed`)];
  const lines = [paint("yellow", `${INDENT}${side} failed: ${describeFailure(outcome.failure)}`)];
  // Where the failure's own words are: a process's stderr, or an HTTP error response's body.
  for (const [what, text] of [
    ["stderr", outcome.failure.stderr],
    ["response body", outcome.failure.body],
  ] as const) {
    const tail = tailLines(text ?? "", STDERR_TAIL_LINES);
    if (tail.length === 0) continue;
    lines.push(paint("dim", `${INDENT}${INDENT}${what} (last ${tail.length} lines):`));
    lines.push(...tail.map((line) => `${INDENT}${INDENT}${paint("dim", "│")} ${line}`));
  }
  return lines;
}

/** `exit (exit code 2): ValueError: bad row` — kind, how it ended, and the message. */
export function describeFailure(failure: Failure): string {
  const details: string[] = [];
  if (failure.exitCode !== undefined) details.push(`exit code ${failure.exitCode}`);
  if (failure.signal !== undefined) details.push(`signal ${failure.signal}`);
  const how = details.length > 0 ? ` (${details.join(", ")})` : "";
  // The Python adapter's messages already read `ValueError: bad row` (the comparator matches on them).
  const message =
    failure.errorType !== undefined && !failure.message.startsWith(`${failure.errorType}`)
      ? `${failure.errorType}: ${failure.message}`
      : failure.message;
  return `${failure.kind}${how}: ${truncateText(toOneLine(message), MAX_INPUT_CHARS)}`;
}

/** The last lines of a component's stderr, without its escape codes or carriage returns. */
function tailLines(stderr: string, count: number): string[] {
  const lines = stripAnsi(stderr)
    .replace(/\r(?!\n)/g, "\n")
    .replace(/\r/g, "")
    .trimEnd()
    .split("\n");
  if (lines.length === 1 && lines[0] === "") return [];
  return lines.slice(-count);
}
