// The CI outputs of a finished report: the Markdown and JUnit files, the GitHub step summary
// and GitHub annotations. Shared by `twinrun run` and `twinrun merge`.
import { appendFile } from "node:fs/promises";
import { TwinrunError } from "../errors.ts";
import type { Report } from "../report/types.ts";
import { renderGithubAnnotations } from "../reporters/github-annotations.ts";
import { writeJunitReport } from "../reporters/junit.ts";
import { renderMarkdownToString, writeMarkdownReport } from "../reporters/markdown.ts";
import type { RenderOptions, TextSink } from "../reporters/types.ts";

/** Which CI outputs to write, and where. */
export interface CiOutputOptions {
  /** Absolute paths, when asked for. */
  markdown?: string;
  junit?: string;
  /** Append the Markdown summary to $GITHUB_STEP_SUMMARY when it is set. */
  stepSummary: boolean;
  env: NodeJS.ProcessEnv;
  /** Where annotations go (stdout: GitHub reads workflow commands there). */
  stdout: TextSink;
  render: RenderOptions;
}

/**
 * Why: CI wants the result where it displays results. Files are written atomically; the step
 * summary (a file GitHub hands to every step) is appended to in one write; annotations only
 * when GITHUB_ACTIONS is "true".
 */
export async function writeCiOutputs(report: Report, options: CiOutputOptions): Promise<void> {
  const { env, render } = options;
  if (options.markdown !== undefined) {
    const file = options.markdown;
    await guard(
      () => writeMarkdownReport(report, file, render),
      `the Markdown summary to ${file} (--markdown)`,
    );
  }
  if (options.junit !== undefined) {
    const file = options.junit;
    await guard(() => writeJunitReport(report, file, render), `the JUnit report to ${file} (--junit)`);
  }
  const summaryFile = env.GITHUB_STEP_SUMMARY;
  if (options.stepSummary && summaryFile !== undefined && summaryFile !== "") {
    await guard(
      () => appendFile(summaryFile, `${renderMarkdownToString(report, render)}\n`, "utf8"),
      `the step summary to $GITHUB_STEP_SUMMARY (${summaryFile}); turn it off with --no-step-summary`,
    );
  }
  if (env.GITHUB_ACTIONS === "true") renderGithubAnnotations(report, options.stdout, render);
}

async function guard(write: () => Promise<void>, what: string): Promise<void> {
  try {
    await write();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new TwinrunError("USAGE", `could not write ${what}: ${reason}; expected a writable file path`, {
      cause: error,
    });
  }
}
