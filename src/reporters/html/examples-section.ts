// The examples a report kept, each collapsible (<details>, no script): old and new side by side
// with the differing parts highlighted, the exact differences, the failure if any, and the
// command that reruns the input.
import type { Difference } from "../../compare/types.ts";
import type { Example, OutcomeSummary } from "../../report/types.ts";
import { formatLosslessValue } from "../display-value.ts";
import { describeFailure } from "../examples.ts";
import { formatCompactNumber, toOneLine, truncateText } from "../format.ts";
import type { RowExampleView } from "../table-examples.ts";
import type { RenderOptions } from "../types.ts";
import type { ExampleView, ReportView } from "../view-model.ts";
import { html, type Markup } from "./markup.ts";
import { renderValueMarkup, windowString } from "./value-markup.ts";

/** An input is shown up to this many characters. */
export const MAX_INPUT_CHARS = 2_000;
/** Differences listed per example before `… and N more`. */
export const MAX_DIFFERENCE_ROWS = 50;
const MAX_CELL_CHARS = 200;

/** Why: a person checks a change on real inputs; the first example is open, the others a click away. */
export function renderExamplesSection(view: ReportView, options: RenderOptions): Markup {
  const shown = view.examples.slice(0, Math.max(0, options.examples));
  if (shown.length === 0) return html``;
  const what = view.unit === "rows" ? "Differing rows" : "Differing inputs";
  const of =
    shown.length < view.counts.changed
      ? `showing ${shown.length} of ${view.counts.changed}; raise --examples or read the JSON report for more`
      : `${shown.length}`;
  const repro = view.reproducible ? options.reproCommand : undefined;
  return html`<section id="examples">
<h2>${what} <span class="muted">(${of})</span></h2>
${shown.map((example, position) => renderExample(example, view.kind === "tables", position === 0, repro))}
</section>`;
}

function renderExample(
  { example, row }: ExampleView,
  isTable: boolean,
  open: boolean,
  repro: ((index: number) => string) | undefined,
): Markup {
  const paths = [...new Set(example.differences.map((difference) => difference.path))];
  const title = truncateText(toOneLine(example.inputText || `#${example.index}`), 160);
  const body = row === undefined ? renderSides(example) : renderRow(row);
  return html`<details class="example" ${open ? html`open` : ""}>
<summary><b>#${example.index}</b> <span class="muted">${paths.length} path${paths.length === 1 ? "" : "s"}: ${truncateText(paths.join(", "), 120)}</span> <span class="mono">${title}</span></summary>
<div class="body">
${isTable ? "" : html`<h4>input</h4><pre class="input">${truncateText(example.inputText || formatLosslessValue(example.input, Infinity), MAX_INPUT_CHARS)}</pre>`}
${body}
${row === undefined ? renderDifferences(example) : ""}
${renderMinimalInput(example)}
${repro === undefined ? "" : html`<p>reproduce: <code>${repro(example.index)}</code></p>`}
</div>
</details>`;
}

// The smallest input that still shows the change (--shrink), and the command that runs it.
function renderMinimalInput(example: Example): Markup {
  const minimal = example.minimalInput;
  if (minimal === undefined) return html``;
  const stopped = {
    done: "as small as it goes",
    steps: "stopped at the step limit",
    time: "stopped at the time limit",
    interrupted: "interrupted",
  }[minimal.stopped];
  return html`<h4>minimal input <span class="muted">(${minimal.steps} steps, ${stopped})</span></h4>
<pre class="input">${truncateText(minimal.inputText, MAX_INPUT_CHARS)}</pre>
${minimal.repro === undefined ? "" : html`<p>runs it: <code>${minimal.repro}</code></p>`}`;
}

function renderSides(example: Example): Markup {
  const paths = example.differences.map((difference) => difference.path);
  const side = (name: "old" | "new", outcome: OutcomeSummary, other: OutcomeSummary) =>
    html`<div class="side ${name}"><h4><span class="swatch ${name}"></span>${name}</h4>${renderOutcome(name, outcome, other, paths)}</div>`;
  return html`<div class="sides">${side("old", example.old, example.new)}${side("new", example.new, example.old)}</div>`;
}

function renderOutcome(
  name: "old" | "new",
  outcome: OutcomeSummary,
  other: OutcomeSummary,
  paths: readonly string[],
): Markup {
  if (outcome.status === "absent") return html`<p class="muted">no such record</p>`;
  if (outcome.status === "failure") {
    const failure = outcome.failure;
    if (failure === undefined) return html`<p>failed</p>`;
    const words = failure.stderr ?? failure.body;
    return html`<p class="value-old mono">${describeFailure(failure)}</p>${
      words === undefined || words.trim() === ""
        ? ""
        : html`<pre class="stderr">${words.trimEnd().split("\n").slice(-15).join("\n")}</pre>`
    }`;
  }
  const markup = renderValueMarkup(outcome.output, {
    side: name,
    markedPaths: paths,
    other: other.status === "ok" ? other.output : undefined,
  });
  return html`<pre class="output">${markup}</pre>`;
}

function renderRow(row: RowExampleView): Markup {
  const cells = row.cells.map(
    (cell) =>
      html`<tr><td class="path">${cell.column}${cell.key ? html` <span class="muted">(key)</span>` : ""}</td><td class="mono">${cell.key ? cell.old : html`<mark class="old">${cell.old}</mark>`}</td><td class="mono">${cell.key ? cell.new : html`<mark class="new">${cell.new}</mark>`}</td></tr>`,
  );
  const absent =
    row.absent === undefined
      ? ""
      : html`<p class="muted">this row is only on the ${row.absent === "old" ? "new" : "old"} side</p>`;
  return html`${absent}<table><thead><tr><th>column</th><th><span class="swatch old"></span>old</th><th><span class="swatch new"></span>new</th></tr></thead><tbody>${cells}</tbody></table>${
    row.hidden > 0 ? html`<p class="muted">… and ${row.hidden} more columns</p>` : ""
  }`;
}

function renderDifferences(example: Example): Markup {
  if (example.differences.length === 0) return html``;
  const shown = example.differences.slice(0, MAX_DIFFERENCE_ROWS);
  const hidden = example.differences.length - shown.length;
  return html`<h4>differences</h4>
<table class="differences"><thead><tr><th>path</th><th>kind</th><th>old</th><th>new</th><th class="num">abs</th><th class="num">rel</th></tr></thead>
<tbody>${shown.map(renderDifference)}</tbody></table>
${hidden > 0 ? html`<p class="muted">… and ${hidden} more</p>` : ""}
${example.truncated ? html`<p class="muted">The comparator stopped at its per-trial cap; later differences were not recorded.</p>` : ""}`;
}

function renderDifference(difference: Difference): Markup {
  // Two long strings show the window around their first differing character, not two equal heads.
  const strings = typeof difference.old === "string" && typeof difference.new === "string";
  const oldText = strings
    ? windowString(difference.old as string, difference.new)
    : formatLosslessValue(difference.old, MAX_CELL_CHARS);
  const newText = strings
    ? windowString(difference.new as string, difference.old)
    : formatLosslessValue(difference.new, MAX_CELL_CHARS);
  return html`<tr><td class="path">${difference.path}</td><td><span class="kind">${difference.kind}</span></td><td class="mono value-old">${oldText}</td><td class="mono value-new">${newText}</td><td class="num">${difference.abs === undefined ? "" : formatCompactNumber(difference.abs)}</td><td class="num">${difference.rel === undefined ? "" : formatCompactNumber(difference.rel)}</td></tr>`;
}
