// Shrinking in dataset mode: a batch step maps an input table to an output table, so the input
// that shows a change is the sample's rows. Shrinking drops rows (halves, quarters, … one at a
// time) and then simplifies the remaining rows' cells, running both real batch commands on each
// candidate, while some output row still changes at the same path with the same kind.
import { NoiseJudge } from "../calibrate/noise-judge.ts";
import { foldPath } from "../compare/paths.ts";
import type { ResolvedRunConfig } from "../config/types.ts";
import { TwinrunError } from "../errors.ts";
import type { InputRecord, Sample } from "../inputs/types.ts";
import { parseLossless } from "../json/parse.ts";
import { stringifyLossless } from "../json/stringify.ts";
import { isJsonObject } from "../json/values.ts";
import type { Example, Report } from "../report/types.ts";
import { type DatasetSides, runBatchStep } from "../run/run-batch-step.ts";
import { shrinkInput } from "./shrink-input.ts";
import type { MinimalInput, ShrinkTarget } from "./types.ts";

/** Why: `--shrink k` in dataset mode gives the fewest, simplest input rows that still show each change. */
export async function shrinkDatasetExamples(
  config: ResolvedRunConfig,
  sides: DatasetSides,
  sample: Sample,
  report: Report,
  hooks: { signal?: AbortSignal; onShrink?: (index: number) => void },
): Promise<Report> {
  if (!report.complete || report.examples.length === 0) return report;
  const sourceFormat = sample.identity.format;
  if (sourceFormat !== "csv" && sourceFormat !== "jsonl" && sourceFormat !== "json") return report;
  // Candidates are written from their rows, in the format the batch step was given; they are
  // judged against the run's own calibration (old's noise alone never shows a change), not recalibrated.
  const { calibrate: _calibrate, ...uncalibrated } = config;
  const { calibration } = report;
  const candidateConfig: ResolvedRunConfig = {
    ...uncalibrated,
    dataset: { ...config.dataset, format: config.dataset.format ?? sourceFormat },
    report: { ...config.report, examples: 1 },
  };
  const rowsText = stringifyLossless(sample.records.map((record) => parseLossless(record.text)));
  const budget = { maxSteps: config.shrink.maxSteps, timeBudgetMs: config.shrink.timeBudgetMs };
  const examples: Example[] = [];
  for (const [i, example] of report.examples.entries()) {
    const target = i < config.shrink.examples ? targetOfExample(example) : undefined;
    if (target === undefined || hooks.signal?.aborted === true) {
      examples.push(example);
      continue;
    }
    hooks.onShrink?.(example.index);
    const shows = async (text: string) => {
      const rows = parseLossless(text);
      // Only tables of rows can be written as a sample (a row replaced by null, or {}, cannot).
      if (!Array.isArray(rows) || !rows.every((row) => isJsonObject(row) && Object.keys(row).length > 0))
        return false;
      let candidate: Report;
      try {
        candidate = await runBatchStep(
          candidateConfig,
          sides,
          { identity: { ...sample.identity, format: "jsonl" }, records: toRecords(rows) },
          {
            ...(hooks.signal !== undefined && { signal: hooks.signal }),
            ...(calibration !== undefined && { noise: NoiseJudge.fromReport(calibration) }),
          },
          Date.now(),
        );
      } catch (error) {
        // A candidate the sample writer refuses (rows with no column in common) shows nothing.
        if (error instanceof TwinrunError && error.code === "INPUT_INVALID") return false;
        throw error;
      }
      return candidate.paths.some(
        (stats) => stats.path === target.path && (stats.kinds[target.kind] ?? 0) > 0,
      );
    };
    // Start from the example's own input rows (same key values) when they alone show the change;
    // else from the whole sample. Rows are written anew for each candidate, so either is run first.
    const ownRows = rowsWithKeyOf(sample, config.table.key, example);
    const start = ownRows !== undefined && (await shows(ownRows)) ? ownRows : rowsText;
    if (start === rowsText && !(await shows(rowsText))) {
      examples.push(example);
      continue;
    }
    const minimal = await shrinkInput(start, target, shows, budget, hooks.signal);
    examples.push({ ...example, minimalInput: asRowsInput(minimal) });
  }
  return { ...report, examples } as Report;
}

/** The example's first difference: its path (folded) and kind. */
function targetOfExample(example: Example): ShrinkTarget | undefined {
  const [difference] = example.differences;
  return difference === undefined ? undefined : { path: foldPath(difference.path), kind: difference.kind };
}

/** The sample's rows whose key columns hold the example's old row's key values, as JSON text. */
function rowsWithKeyOf(
  sample: Sample,
  key: readonly string[] | undefined,
  example: Example,
): string | undefined {
  const row = example.old.output ?? example.new.output;
  if (key === undefined || key.length === 0 || !isJsonObject(row)) return undefined;
  const wanted = key.map((column) => stringifyLossless(row[column] ?? null));
  const rows = sample.records
    .map((record) => parseLossless(record.text))
    .filter(
      (record) =>
        isJsonObject(record) &&
        key.every((column, i) => stringifyLossless(record[column] ?? null) === wanted[i]),
    );
  return rows.length === 0 || rows.length === sample.records.length ? undefined : stringifyLossless(rows);
}

/** Rows as sample records (their positions are the candidate's own). */
function toRecords(rows: unknown[]): InputRecord[] {
  return rows.map((row, index) => ({ index, line: index + 1, text: stringifyLossless(row) }));
}

/** The minimal rows as JSONL text (one row a line), the file the repro reads. */
function asRowsInput(minimal: MinimalInput): MinimalInput {
  const rows = minimal.input as unknown[];
  return { ...minimal, inputText: rows.map((row) => stringifyLossless(row)).join("\n") };
}
