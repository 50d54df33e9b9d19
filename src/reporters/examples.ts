// One differing input as the terminal (and the Markdown's code blocks) show it, once: its input on
// one line, each difference with exact tokens, the failing side's message and stderr, a repro line.
import type { Failure } from "../../adapters/types.ts";
import type { Difference } from "../compare/types.ts";
import type { Example, OutcomeSummary } from "../report/types.ts";
import type { MinimalInput } from "../shrink/types.ts";
import { cutToWidth, displayWidth } from "./fit.ts";
import { cutMiddle, formatCompactNumber, formatCount, toOneLine, truncateText } from "./format.ts";
import { type Paint, stripAnsi } from "./style.ts";
import { formatValue, formatValuePair } from "./value-text.ts";

/** Failure messages are cut to this many characters. */
export const MAX_INPUT_CHARS = 200;
/** At most this many differences are listed per example, then `… and N more`. */
export const MAX_DIFFERENCE_LINES = 20;
/** The failing side's stderr is shown from its last this many lines. */
export const STDERR_TAIL_LINES = 10;

const MAX_PATH_WIDTH = 40;
/** Each side of a difference gets at least this many characters, however narrow the terminal. */
const MIN_VALUE_CHARS = 16;
const INDENT = "  ";

/** What renderExample needs from the reporter's options. */
export interface ExampleRenderOptions {
  paint: Paint;
  /** The width every line must fit. */
  width: number;
  reproCommand?: (index: number) => string;
}

/** The lines for one example, ending with `reproduce: <command>` when there is one. */
export function renderExample(example: Example, options: ExampleRenderOptions): string[] {
  const { paint, width } = options;
  const title = paint("bold", `input #${example.index}`);
  const inputText =
    example.inputText !== "" ? toOneLine(example.inputText) : formatValue(example.input, width);
  const lines = [cutToWidth(`${title}  ${inputText}`, width)];
  // A side that failed or has no such record says so; the other side's output gives the context.
  if (example.old.status !== "ok" || example.new.status !== "ok")
    lines.push(...renderSide("old", example.old, options), ...renderSide("new", example.new, options));
  lines.push(...renderDifferences(example, options));
  if (options.reproCommand !== undefined)
    lines.push(`${INDENT}reproduce: ${paint("cyan", options.reproCommand(example.index))}`);
  if (example.minimalInput !== undefined)
    lines.push(...renderMinimalInput(example.minimalInput, paint, options.width));
  return lines;
}

/**
 * The shrunk input: what it kept showing, the input itself (cut to width in a report; whole for
 * `twinrun shrink`, whose output it is), its file and the command that runs it.
 */
export function renderMinimalInput(
  minimal: MinimalInput,
  paint: Paint,
  width = Number.POSITIVE_INFINITY,
): string[] {
  const { target } = minimal;
  const kept =
    target.failure === undefined ? `${target.path} ${target.kind}` : `${target.path} ${target.failure}`;
  const budget = minimal.stopped === "done" ? "" : `, stopped by the ${describeStop(minimal.stopped)}`;
  const lines = [
    cutToWidth(
      `${INDENT}${paint("bold", "minimal input")} (${kept}; ${minimal.steps} steps${budget}): ${toOneLine(minimal.inputText)}`,
      width,
    ),
  ];
  if (minimal.file !== undefined) lines.push(`${INDENT}${INDENT}written to ${minimal.file}`);
  if (minimal.repro !== undefined) lines.push(`${INDENT}${INDENT}reproduce: ${paint("cyan", minimal.repro)}`);
  return lines;
}

function describeStop(stopped: MinimalInput["stopped"]): string {
  return stopped === "steps" ? "step budget" : stopped === "time" ? "time budget" : "interrupt";
}

/** The comparator's differences, one line each: path, kind, old → new with exact tokens, errors. */
export function renderDifferences(example: Example, options: ExampleRenderOptions): string[] {
  const { paint } = options;
  // A failure is told by renderSide: its difference line would only repeat it.
  const differences = example.differences.filter((difference) => difference.kind !== "failure");
  if (differences.length === 0) return [];
  const shown = differences.slice(0, MAX_DIFFERENCE_LINES);
  const pathWidth = Math.min(MAX_PATH_WIDTH, Math.max(...shown.map((difference) => difference.path.length)));
  const kindWidth = Math.max(...shown.map((difference) => difference.kind.length));
  const lines = shown.map(
    (difference) => `${INDENT}${formatDifference(difference, pathWidth, kindWidth, options)}`,
  );
  const hidden = differences.length - shown.length;
  if (hidden > 0) lines.push(`${INDENT}… and ${formatCount(hidden)} more differences in the JSON report`);
  if (example.truncated)
    lines.push(
      paint(
        "yellow",
        `${INDENT}(the comparator stopped at its per-trial cap; later differences were not recorded)`,
      ),
    );
  return lines;
}

function formatDifference(
  difference: Difference,
  pathWidth: number,
  kindWidth: number,
  options: ExampleRenderOptions,
): string {
  const { paint, width } = options;
  const errors: string[] = [];
  if (difference.abs !== undefined) errors.push(`abs ${formatCompactNumber(difference.abs)}`);
  if (difference.rel !== undefined) errors.push(`rel ${formatCompactNumber(difference.rel)}`);
  // A path deeper than the line is wide keeps its two ends (a 100,000-deep path would fill pages).
  const path = cutMiddle(difference.path, Math.max(MAX_PATH_WIDTH, Math.floor(width / 2))).padEnd(pathWidth);
  const lead = `${path}  ${difference.kind.padEnd(kindWidth)}  `;
  // Both sides share what the line has left, so old and new stay on one line side by side.
  const suffixRoom = errors.length > 0 ? errors.join(", ").length + 4 : 0;
  const room = width - INDENT.length - lead.length - " → ".length - suffixRoom;
  const values = formatValuePair(
    difference.old,
    difference.new,
    Math.max(MIN_VALUE_CHARS, Math.floor(room / 2)),
  );
  if (values.offset !== undefined) errors.push(`from char ${formatCount(values.offset + 1)}`);
  const suffix = errors.length > 0 ? `  (${errors.join(", ")})` : "";
  return `${paint("cyan", path)}  ${difference.kind.padEnd(kindWidth)}  ${paint("red", values.old)} → ${paint("green", values.new)}${suffix}`;
}

function renderSide(side: "old" | "new", outcome: OutcomeSummary, options: ExampleRenderOptions): string[] {
  const { paint, width } = options;
  if (outcome.status === "ok") {
    const label = `${INDENT}${side} output: `;
    return [`${label}${formatValue(outcome.output, Math.max(MIN_VALUE_CHARS, width - label.length))}`];
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
    const bar = `${INDENT}${INDENT}${paint("dim", "│")} `;
    const room = Math.max(MIN_VALUE_CHARS, width - displayWidth(bar));
    lines.push(...tail.map((line) => `${bar}${cutToWidth(line, room)}`));
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
