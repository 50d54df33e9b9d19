// The JSON reporter: the whole report as strict JSON, lossless where it matters.
import { TwinrunError } from "../errors.ts";
import { toJsonSafe } from "../json/json-safe.ts";
import { stringifyLossless } from "../json/stringify.ts";
import type { Report } from "../report/types.ts";
import { describeWriteError, writeFileAtomic } from "../util/atomic-write.ts";
import type { TextSink } from "./types.ts";

/**
 * The report as pretty (2-space) strict JSON: big integers keep every digit, `1.0` stays `1.0`,
 * and NaN/±Infinity become the strings "NaN"/"Infinity"/"-Infinity" so any JSON parser reads it.
 */
export function renderJsonReport(report: Report): string {
  return stringifyLossless(toJsonSafe(report), 2);
}

/** The JSON report through a sink (the registry's reporter shape), ending with a newline. */
export function renderJsonReportTo(report: Report, out: TextSink): void {
  out.write(`${renderJsonReport(report)}\n`);
}

/** Writes the JSON report atomically: readers see the old file or the whole new one, never half. */
export async function writeJsonReport(report: Report, path: string): Promise<void> {
  const text = `${renderJsonReport(report)}\n`;
  try {
    await writeFileAtomic(path, text);
  } catch (error) {
    throw new TwinrunError(
      "USAGE",
      `could not write the JSON report to ${path}: ${describeWriteError(error)}. ` +
        "Expected a writable file path (check --json, report.json in the config, or the folder's permissions).",
      { cause: error },
    );
  }
}
