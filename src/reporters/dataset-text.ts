// Dataset mode in words: how each side's single run went, and where its files were kept.
import type { DatasetReport, DatasetSideReport } from "../report/types.ts";
import { describeFailure } from "./examples.ts";
import { formatCount, formatDurationMs, toOneLine, truncateText } from "./format.ts";
import type { Paint } from "./style.ts";
import type { ReportView } from "./view-model.ts";

const MAX_SPEC_CHARS = 80;

/** Why: a dataset run happens once per side, so its time, size or failure is the first thing to read. */
export function describeDatasetRun(side: DatasetSideReport): string {
  const duration = formatDurationMs(side.durationMs);
  if (side.status === "failure") {
    const why = side.failure === undefined ? "" : `: ${describeFailure(side.failure)}`;
    return `failed after ${duration}${why}`;
  }
  const rows = side.rows === undefined ? "" : `, ${formatCount(side.rows)} row${side.rows === 1 ? "" : "s"}`;
  return `ran in ${duration}${rows}`;
}

/** `sample written as csv, outputs read as parquet`. */
export function describeDatasetFormats(dataset: DatasetReport): string {
  return `sample written as ${dataset.inputFormat}, outputs read as ${dataset.outputFormat}`;
}

/** The terminal's dataset section: one line per side, then the kept temp folder. */
export function renderDatasetSection(view: ReportView, dataset: DatasetReport, paint: Paint): string {
  const lines = [`${paint("bold", "Dataset runs")} ${paint("dim", `(${describeDatasetFormats(dataset)})`)}`];
  for (const side of ["old", "new"] as const) {
    const spec = truncateText(toOneLine(view.components[side].spec), MAX_SPEC_CHARS);
    const run = describeDatasetRun(dataset[side]);
    lines.push(`  ${side}: ${spec} · ${dataset[side].status === "failure" ? paint("yellow", run) : run}`);
  }
  if (dataset.keptTemp !== undefined) lines.push(`  temp files kept in ${paint("cyan", dataset.keptTemp)}`);
  return lines.join("\n");
}
