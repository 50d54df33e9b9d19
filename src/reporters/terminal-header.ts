// The head of the terminal report, in the manner of vitest's summary: the verdict and counts on
// one line, then what ran, on what, how long it took, and the gate — six lines, eight when both
// components' names wrap.
import { SCHEMA_CHANGED_REASON } from "../gate/table-gate.ts";
import type { Verdict } from "../report/types.ts";
import { cutToWidth, displayWidth } from "./fit.ts";
import { formatCount, formatPercent } from "./format.ts";
import type { Paint, StyleName } from "./style.ts";
import { describeTiming } from "./timing-text.ts";
import type { ReportView } from "./view-model.ts";

const VERDICT_STYLES: Record<Verdict, StyleName> = {
  equivalent: "green",
  changed: "red",
  inconclusive: "yellow",
  error: "yellow",
};

/** The gate's outcome as a mark a reader finds at a glance (text, so it survives NO_COLOR). */
const GATE_MARKS = { passed: "✓", failed: "✗", incomplete: "■", error: "!" } as const;

const LABEL_WIDTH = 7;

/** Why: the first screen answers "did behaviour change, on how much, and does CI pass" before any detail. */
export function renderHeader(view: ReportView, paint: Paint, width: number): string[] {
  const lines = [renderVerdictLine(view, paint)];
  const label = (name: string) => paint("dim", `  ${name.padEnd(LABEL_WIDTH)}`);
  for (const side of ["old", "new"] as const) {
    const { label: name, spec } = view.components[side];
    const who = name === spec || name === side ? spec : `${paint("bold", name)}  ${spec}`;
    lines.push(...fitComponent(`${label(side)}${who}`, spec, width));
  }
  const { sample } = view;
  if (sample !== undefined) {
    const facts = `${sample.line} · sha256 ${sample.sha256.slice(0, 8)}`;
    // The file's name when its whole path does not fit: the JSON report keeps the path.
    const whole = `${label("input")}${sample.source} · ${facts}`;
    lines.push(displayWidth(whole) <= width ? whole : `${label("input")}${sample.name} · ${facts}`);
  }
  lines.push(`${label("time")}${describeTiming(view.timing)}`);
  // The path rules' count is the first thing to go when the gate line is too long for the terminal.
  const gate = `${label("gate")}${describeGate(view, paint, true)}`;
  lines.push(displayWidth(gate) <= width ? gate : `${label("gate")}${describeGate(view, paint, false)}`);
  return lines.map((line) => cutToWidth(line, width));
}

/**
 * A component line too long for the terminal breaks before ` in <where>` (a SQL file's database,
 * already without its password), the file first and where it ran indented below; else it is cut.
 */
function fitComponent(line: string, spec: string, width: number): string[] {
  const at = line.lastIndexOf(" in ");
  if (displayWidth(line) <= width || !spec.startsWith("sql:") || at === -1) return [line];
  return [line.slice(0, at), `${" ".repeat(LABEL_WIDTH + 2)}${line.slice(at + 1)}`];
}

/** `✗ CHANGED  3 of 100 inputs changed (3%) · 97 same · no failures`. */
function renderVerdictLine(view: ReportView, paint: Paint): string {
  const { counts, failures, unit } = view;
  const word = view.verdict === "error" ? "NO VERDICT" : view.verdict.toUpperCase();
  const mark = paint([VERDICT_STYLES[view.verdict], "bold"], `${GATE_MARKS[view.gate.status]} ${word}`);
  const parts: string[] = [];
  if (view.verdict === "equivalent") {
    parts.push(`no behavioural change in ${formatCount(counts.trials)} ${unit}`);
  } else {
    const share = counts.trials > 0 ? ` (${formatPercent((counts.changed / counts.trials) * 100)})` : "";
    const changed = `${formatCount(counts.changed)} of ${formatCount(counts.trials)} ${unit} changed${share}`;
    parts.push(counts.changed > 0 ? paint("red", changed) : changed, `${formatCount(counts.same)} same`);
  }
  // A table whose schema changed fails though its rows may all be the same: say it beside the counts.
  if (view.gate.reason?.includes(SCHEMA_CHANGED_REASON) === true) parts.push(paint("red", "schema changed"));
  if (counts.inconclusive > 0)
    parts.push(paint("yellow", `${formatCount(counts.inconclusive)} inconclusive`));
  if (failures !== undefined) {
    const sides = (["old", "new", "both"] as const).filter((side) => failures[side] > 0);
    const listed = sides.map((side) => `${side} ${formatCount(failures[side])}`).join(", ");
    parts.push(sides.length === 0 ? "no failures" : paint("yellow", `failures ${listed}`));
  }
  const incomplete = view.complete ? "" : ` ${paint(["yellow", "bold"], "(incomplete run)")}`;
  return `${mark}${incomplete}  ${parts.join(" · ")}`;
}

function describeGate(view: ReportView, paint: Paint, withRules: boolean): string {
  const { gate } = view;
  // A gate can fail with every count inside its threshold (a schema change, PSI, accepted entries): say why.
  const reason =
    gate.reason === undefined || gate.passed ? "" : `${gate.reason.replaceAll(/ \(see [^)]*\)/g, "")}; `;
  const threshold = `${reason}max changed ${gate.maxChanged}`;
  const counted =
    gate.counted !== undefined && gate.counted !== view.counts.changed
      ? `, counted ${formatCount(gate.counted)} not accepted`
      : "";
  if (gate.status === "incomplete")
    return `${paint(["yellow", "bold"], "incomplete")} (interrupted; ${threshold}) → exit ${gate.exitCode}`;
  // The tolerance judged every number: with a pass it is what "no change" means.
  const judged = withRules ? view.tolerance : view.tolerance?.replace(/ \+\d+ rules?$/, "");
  const tolerance = judged === undefined ? "" : ` · tolerance ${judged}`;
  if (gate.passed) return `${paint("green", "passed")} (${threshold}${counted})${tolerance}`;
  return `${paint("red", "failed")} (${threshold}${counted}) → exit ${gate.exitCode}${tolerance}`;
}
