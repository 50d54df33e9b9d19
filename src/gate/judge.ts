// The judge: the one gate every report goes through (run, dataset mode, diff, merge, the API).
// It composes the count gate, the table gate for table reports, and the run's completeness.
import type { CalibrationReport } from "../calibrate/types.ts";
import type { MaxChanged } from "../config/types.ts";
import { ExitCode } from "../errors.ts";
import type { AcceptedReport, GateStatus, InconclusiveStats, Report, ReportGate } from "../report/types.ts";
import type { Slowdown } from "../slowdown/slowdown.ts";
import type { TableReport } from "../table/types.ts";
import { evaluateGate, type GateDecision } from "./gate.ts";
import { judgeSlowdown } from "./slowdown-gate.ts";
import { evaluateTableGate } from "./table-gate.ts";

/** Everything the gate reads. */
export interface JudgeInput {
  summary: Report["summary"];
  maxChanged: MaxChanged;
  accepted?: AcceptedReport;
  /** Trials twinrun could not observe, per limit: never a pass. */
  inconclusive?: readonly InconclusiveStats[];
  /** Table reports: the compared tables and whether their schema changed (beyond ignored columns). */
  table?: { table: TableReport; schemaChanged: boolean };
  /** False when the run was interrupted: the gate is then "incomplete", exit 130, never a pass. */
  complete: boolean;
  /** Nothing could be compared: the run's own reason and exit code (e.g. both dataset sides failed, exit 3). */
  error?: { message: string; exitCode: ExitCode };
  /** With gate.maxSlowdown: the threshold and what the run measured (absent: too few paired trials). */
  slowdown?: { max: number; measured?: Slowdown };
  /** With calibrate: a noisy path that differed significantly more often new vs old than old vs old is a change. */
  calibration?: CalibrationReport;
}

/** The judged gate: the verdict for the report and its gate section. */
export interface Judgement {
  verdict: Report["verdict"];
  gate: ReportGate;
}

/** Why: one place decides pass/fail and the exit code, so no output can read a failure as a pass. */
export function judge(input: JudgeInput): Judgement {
  const counts = evaluateGate(input.summary, input.maxChanged, input.accepted, input.inconclusive);
  const judged =
    input.table === undefined
      ? counts
      : evaluateTableGate(counts, input.summary, input.table.table, input.table.schemaChanged);
  const slowdown =
    input.slowdown === undefined ? undefined : judgeSlowdown(input.slowdown.max, input.slowdown.measured);
  const noisy = applyNoiseRates(judged, input.calibration, input.table === undefined ? "inputs" : "rows");
  const decision =
    slowdown === undefined || slowdown.passed || noisy.verdict === "error"
      ? noisy
      : {
          ...noisy,
          passed: false,
          exitCode: ExitCode.changed,
          reason: noisy.reason === undefined ? slowdown.line : `${noisy.reason}; ${slowdown.line}`,
        };
  const verdict = input.error !== undefined ? "error" : decision.verdict;
  const status = statusOf(decision, verdict, input.complete);
  const exitCode =
    status === "incomplete"
      ? ExitCode.interrupted
      : input.error !== undefined
        ? input.error.exitCode
        : decision.exitCode;
  return {
    verdict,
    gate: {
      status,
      maxChanged: decision.maxChanged,
      passed: status === "passed",
      exitCode,
      ...(input.accepted !== undefined && { counted: decision.counted }),
      ...(decision.reason !== undefined && { reason: decision.reason }),
      ...(slowdown !== undefined && { slowdown }),
    },
  };
}

/** Why: noise that became more frequent is behaviour too; it fails the gate with its own reason. */
function applyNoiseRates(
  decision: GateDecision,
  calibration: CalibrationReport | undefined,
  unit: "inputs" | "rows",
): GateDecision {
  const beyond = calibration?.paths.filter((path) => path.run.rateBeyond) ?? [];
  if (beyond.length === 0 || decision.verdict === "error") return decision;
  const percent = (count: number, total: number) => `${((100 * count) / Math.max(1, total)).toFixed(1)}%`;
  const described = beyond.map(
    (path) =>
      `${path.path} differed on ${percent(path.run.differed, path.run.compared)} of ${unit} new vs old but ` +
      `${percent(path.differed, path.compared)} old vs old (Fisher exact p = ${path.run.pValue.toExponential(1)} < ${calibration!.level})`,
  );
  const reason = `noise grew beyond calibration: ${described.join("; ")}`;
  return {
    ...decision,
    verdict: "changed",
    passed: false,
    exitCode: ExitCode.changed,
    reason: decision.reason === undefined ? reason : `${decision.reason}; ${reason}`,
  };
}

function statusOf(decision: GateDecision, verdict: Report["verdict"], complete: boolean): GateStatus {
  if (!complete) return "incomplete";
  if (verdict === "error") return "error";
  return decision.passed ? "passed" : "failed";
}
