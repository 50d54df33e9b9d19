// Reads a whole JSON report back (for `twinrun accept` and `twinrun merge`): losslessly, so the
// examples' big integers and `1.0` tokens survive being written again.
import { readFile } from "node:fs/promises";
import { ExitCode, TwinrunError } from "../errors.ts";
import { parseLossless } from "../json/parse.ts";
import { findReportShapeProblems } from "./report-shape.ts";
import type { Report } from "./types.ts";

/** Why: a file that is not a complete twinrun report is an error naming the file (exit 2), not a crash later. */
export async function readReportFile(file: string, displayName = file): Promise<Report> {
  const invalid = (why: string) => new TwinrunError("REPORT_INVALID", `${displayName}: ${why}`);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw invalid(
      code === "ENOENT"
        ? "report not found; give the JSON report of a run (e.g. .twinrun/last-report.json or the file of --json)"
        : `cannot read the report (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  let raw: unknown;
  try {
    raw = parseLossless(text);
  } catch {
    throw invalid("not a twinrun report (the file is not valid JSON)");
  }
  const report = raw as Partial<Report> | null;
  if (
    report === null ||
    typeof report !== "object" ||
    report.tool !== "twinrun" ||
    report.reportVersion !== 1
  ) {
    throw invalid('not a twinrun report (expected "tool": "twinrun" and "reportVersion": 1)');
  }
  const missing = (
    ["sample", "summary", "paths", "examples", "timing", "gate", "components", "settings"] as const
  ).filter((key) => report[key] === undefined || report[key] === null);
  if (missing.length > 0)
    throw invalid(`the report has no ${missing.join(", ")}; rerun to get a complete report`);
  if (!Array.isArray(report.sample?.indices) || typeof report.sample?.sha256 !== "string") {
    throw invalid(
      'the report\'s "sample" is incomplete (expected indices and sha256); rerun to get a fresh report',
    );
  }
  const problems = findReportShapeProblems(raw);
  if (problems.length > 0) {
    throw invalid(
      `not a report twinrun wrote (a field has the wrong type); rerun to get a fresh report:\n  ${problems.join("\n  ")}`,
    );
  }
  return upgradeReport(report as Report);
}

/**
 * Why: reports written before the run kind and the gate status existed are still read (merge,
 * accept): a report holding `table` is a tables report, and the gate's status follows from the
 * run's completeness, verdict and pass.
 */
export function upgradeReport(report: Report): Report {
  const raw = report as Omit<Report, "kind" | "gate"> & {
    kind?: Report["kind"];
    table?: unknown;
    dataset?: unknown;
    gate: Partial<Report["gate"]>;
  };
  const kind = raw.kind ?? (raw.table !== undefined || raw.dataset !== undefined ? "tables" : "records");
  const status =
    raw.gate.status ??
    (!raw.complete
      ? "incomplete"
      : raw.verdict === "error"
        ? "error"
        : raw.gate.passed
          ? "passed"
          : "failed");
  const { tool, reportVersion, ...rest } = raw;
  return {
    tool,
    reportVersion,
    ...rest,
    kind,
    gate: {
      ...raw.gate,
      status,
      passed: status === "passed",
      ...(status === "incomplete" && { exitCode: ExitCode.interrupted }),
    },
  } as Report;
}
