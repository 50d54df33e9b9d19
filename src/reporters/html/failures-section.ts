// The failures a report kept: grouped by side and kind, each group with its first input, its
// message and the words the component left (stderr, an HTTP error body).
import type { Failure } from "../../../adapters/types.ts";
import type { Report } from "../../report/types.ts";
import { describeFailure } from "../examples.ts";
import { html, type Markup } from "./markup.ts";

/** The last this many lines of a failure's stderr are shown. */
export const STDERR_LINES = 40;

interface FailureGroup {
  side: "old" | "new";
  kind: string;
  failures: { where: string; failure: Failure }[];
}

/** Why: "new crashed on 3 inputs with the same KeyError" is read faster than three examples. */
export function renderFailuresSection(report: Report): Markup {
  const groups = groupFailures(report);
  const { failures } = report.summary;
  if (groups.length === 0 && failures.old + failures.new + failures.both === 0) return html``;
  const totals = html`<p>failed trials: old only ${failures.old} · new only ${failures.new} · both ${failures.both}${
    failures.both > 0 ? " (the same failure on both sides is not a change)" : ""
  }</p>`;
  return html`<section id="failures">
<h2>Failures</h2>
${totals}
${groups.map(renderGroup)}
</section>`;
}

function renderGroup(group: FailureGroup): Markup {
  const [first] = group.failures;
  const where = group.failures.map((entry) => entry.where).join(", ");
  return html`<details open class="failure-group">
<summary><span class="kind">${group.side}</span><span class="kind">${group.kind}</span> ${group.failures.length} among the examples kept (${where})</summary>
<div class="body">
<p class="mono">${describeFailure(first.failure)}</p>
${renderOutputText("stderr", first.failure.stderr)}
${renderOutputText("response body", first.failure.body)}
</div>
</details>`;
}

function renderOutputText(what: string, text: string | undefined): Markup {
  if (text === undefined || text.trim() === "") return html``;
  const lines = text.replace(/\r\n?/g, "\n").trimEnd().split("\n");
  const tail = lines.slice(-STDERR_LINES);
  const cut = lines.length > tail.length ? ` (last ${tail.length} of ${lines.length} lines)` : "";
  return html`<h4>${what}${cut}</h4><pre class="stderr">${tail.join("\n")}</pre>`;
}

function groupFailures(report: Report): FailureGroup[] {
  const groups = new Map<string, FailureGroup>();
  const add = (side: "old" | "new", where: string, failure: Failure | undefined) => {
    if (failure === undefined) return;
    const key = `${side}\0${failure.kind}`;
    let group = groups.get(key);
    if (group === undefined) {
      group = { side, kind: failure.kind, failures: [] };
      groups.set(key, group);
    }
    group.failures.push({ where, failure });
  };
  if (report.dataset !== undefined) {
    add("old", "the batch run", report.dataset.old.failure);
    add("new", "the batch run", report.dataset.new.failure);
  }
  for (const example of report.examples) {
    add("old", `#${example.index}`, example.old.failure);
    add("new", `#${example.index}`, example.new.failure);
  }
  return [...groups.values()];
}
