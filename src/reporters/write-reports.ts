// The one way a finished report is written, shared by run, diff and merge: every output of the
// registry to stdout or to its file (atomically), then the GitHub step summary and annotations.
import { appendFile } from "node:fs/promises";
import { TwinrunError } from "../errors.ts";
import type { Report } from "../report/types.ts";
import { describeWriteError, writeFileAtomic } from "../util/atomic-write.ts";
import { reporters } from "./index.ts";
import type { ReportOutput } from "./outputs.ts";
import type { RenderOptions, TextSink } from "./types.ts";

/** Where and how the outputs are written. */
export interface WriteContext {
  /** Outputs without a file go here (GitHub also reads annotations here). */
  stdout: TextSink;
  render: RenderOptions;
  env: NodeJS.ProcessEnv;
  /** Append the Markdown report to $GITHUB_STEP_SUMMARY when it is set. */
  stepSummary: boolean;
}

/**
 * Why: a reporter asked for by flag, config or API goes out the same way in every command.
 * Files are written atomically (readers see the old file or the whole new one); the step summary
 * is appended in one write; annotations go to stdout when GITHUB_ACTIONS is "true".
 */
export async function writeReports(
  report: Report,
  outputs: readonly ReportOutput[],
  context: WriteContext,
): Promise<void> {
  const { env, render, stdout } = context;
  for (const output of outputs) {
    if (output.file === undefined) {
      await reporters[output.reporter](report, stdout, render);
      continue;
    }
    const file = output.file;
    const text = await renderToString(report, output, render);
    await guard(() => writeFileAtomic(file, text), `the ${output.reporter} report to ${file}`);
  }
  const summaryFile = env.GITHUB_STEP_SUMMARY;
  if (context.stepSummary && summaryFile !== undefined && summaryFile !== "") {
    const text = await renderToString(report, { reporter: "markdown" }, render);
    await guard(
      () => appendFile(summaryFile, `${text}\n`, "utf8"),
      `the step summary to $GITHUB_STEP_SUMMARY (${summaryFile}); turn it off with --no-step-summary`,
    );
  }
  const annotated = outputs.some((output) => output.reporter === "github" && output.file === undefined);
  if (env.GITHUB_ACTIONS === "true" && !annotated) await reporters.github(report, stdout, render);
}

/** One reporter's whole text (files hold no colours). */
export async function renderToString(
  report: Report,
  output: ReportOutput,
  render: RenderOptions,
): Promise<string> {
  let text = "";
  const options = output.file === undefined ? render : { ...render, color: false };
  await reporters[output.reporter](report, { write: (chunk) => (text += chunk) }, options);
  return text;
}

async function guard(write: () => Promise<void>, what: string): Promise<void> {
  try {
    await write();
  } catch (error) {
    throw new TwinrunError(
      "USAGE",
      `could not write ${what}: ${describeWriteError(error)}; expected a writable file path`,
      {
        cause: error,
      },
    );
  }
}
