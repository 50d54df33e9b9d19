// twinrun's own limit on one output (a stdout text, a worker line, an HTTP body). An output past it
// is not read to the end, so the trial is inconclusive: the failure says so and how to raise it.
import { TwinrunError } from "../../src/errors.ts";
import type { Failure } from "../types.ts";

/** The environment variable that raises (or lowers) the limit, in MB. */
export const OUTPUT_LIMIT_VARIABLE = "TWINRUN_MAX_OUTPUT_MB";
const DEFAULT_OUTPUT_LIMIT_MB = 64;

/**
 * Why: one reading of the limit for every adapter: `--output-limit`/`run.outputLimit` (MB) when
 * given, else the environment variable, else 64 MB. A bad variable is the user's config error (exit 2).
 */
export function outputLimitChars(
  env: Record<string, string | undefined> = process.env,
  configuredMegabytes?: number,
): number {
  if (configuredMegabytes !== undefined) return Math.floor(configuredMegabytes * 1024 * 1024);
  const raw = env[OUTPUT_LIMIT_VARIABLE];
  if (raw === undefined || raw.trim() === "") return DEFAULT_OUTPUT_LIMIT_MB * 1024 * 1024;
  const megabytes = Number(raw);
  if (!Number.isFinite(megabytes) || megabytes <= 0) {
    throw new TwinrunError(
      "CONFIG_INVALID",
      `${OUTPUT_LIMIT_VARIABLE} must be a positive number of megabytes (e.g. ${OUTPUT_LIMIT_VARIABLE}=256), got ${JSON.stringify(raw)}`,
    );
  }
  return Math.floor(megabytes * 1024 * 1024);
}

/** Why: the one wording of an output twinrun stopped reading; `what` says where ("stdout", "the response body"). */
export function outputLimitFailure(what: string, limitChars: number): Failure {
  const megabytes = Math.round((limitChars / 1024 / 1024) * 100) / 100;
  const raised = Math.max(1, Math.ceil(megabytes * 4));
  return {
    kind: "unparsable",
    message:
      `${what} is larger than twinrun's output limit of ${megabytes} MB, so the output was not compared; ` +
      `raise the limit with --output-limit ${raised} (run.outputLimit in the config, or ${OUTPUT_LIMIT_VARIABLE}=${raised})`,
    unobserved: "output-size",
  };
}
