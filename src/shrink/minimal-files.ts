// A minimal input on disk: the input as a one-line JSONL file (also one JSON value, ready for a
// unit test) and a config beside it that runs exactly that input through both components, so
// the repro is one command.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { shellQuote } from "../cli/shell-quote.ts";
import type { UserConfig } from "../config/schema.ts";
import { isDiffSettings, type Report } from "../report/types.ts";
import type { DatasetFormat, TableFormat } from "../table/types.ts";
import { writeFileAtomic } from "../util/atomic-write.ts";
import type { MinimalInput } from "./types.ts";

/** Where minimal inputs go, under the working folder. */
export const MINIMAL_FOLDER = path.join(".twinrun", "minimal");

/** Why: the report names each minimal input's file and repro command; both are written first. */
export async function writeMinimalInputs(report: Report, cwd: string): Promise<Report> {
  if (!report.examples.some((example) => example.minimalInput !== undefined)) return report;
  if (isDiffSettings(report.settings)) return report;
  const settings = report.settings;
  // Dataset mode: the repro writes the minimal rows in the format the batch steps read.
  const dataset =
    report.kind === "tables" && report.dataset !== undefined && report.dataset.inputFormat !== "parquet"
      ? { format: report.dataset.inputFormat, outputFormat: report.dataset.outputFormat }
      : undefined;
  const examples = [];
  for (const example of report.examples) {
    const minimal = example.minimalInput;
    examples.push(
      minimal === undefined
        ? example
        : {
            ...example,
            minimalInput: await writeMinimalInput(minimal, example.index, settings, cwd, dataset),
          },
    );
  }
  return { ...report, examples } as Report;
}

/** Writes one minimal input and its repro config; returns it with `file` and `repro` set. */
export async function writeMinimalInput(
  minimal: MinimalInput,
  index: number,
  settings: UserConfig,
  cwd: string,
  dataset?: { format: DatasetFormat; outputFormat: TableFormat },
): Promise<MinimalInput> {
  const folder = path.resolve(cwd, MINIMAL_FOLDER);
  await mkdir(folder, { recursive: true });
  const inputFile = path.join(folder, `input-${index}.jsonl`);
  const configFile = path.join(folder, `input-${index}.config.json`);
  await writeFileAtomic(inputFile, `${minimal.inputText}\n`);
  const reportFile = path.join(folder, `input-${index}.report.json`);
  const config = reproConfig(settings, inputFile, reportFile, dataset);
  await writeFileAtomic(configFile, `${JSON.stringify(config, null, 2)}\n`);
  const shown = (file: string) => path.relative(cwd, file) || file;
  return { ...minimal, file: shown(inputFile), repro: `npx twinrun run -c ${shellQuote(shown(configFile))}` };
}

/**
 * The run's settings on the one minimal input: the whole (one-record) file, no accepted
 * differences (the repro must show the change), and its report beside the input instead of
 * the saved one (which would replace the report whose examples the user is reading).
 */
function reproConfig(
  settings: UserConfig,
  inputFile: string,
  reportFile: string,
  dataset: { format: DatasetFormat; outputFormat: TableFormat } | undefined,
): UserConfig {
  const { accepted: _accepted, strictAccepted: _strict, ...gate } = settings.gate ?? {};
  return {
    ...settings,
    input: {
      path: inputFile,
      format: "jsonl",
      sample: "all",
      strategy: "all",
      seed: settings.input?.seed ?? 0,
    },
    ...(dataset !== undefined && { dataset: { ...settings.dataset, ...dataset } }),
    gate,
    report: { examples: settings.report?.examples ?? 5, save: false, json: reportFile },
  };
}
