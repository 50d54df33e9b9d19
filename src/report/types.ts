// The report: everything a run aggregated. Reporters render it; the gate judges it.

import type { Failure } from "../../adapters/types.ts";
import type { Difference, DifferenceKind } from "../compare/types.ts";
import type { SampleIdentity } from "../inputs/types.ts";

export type Verdict = "equivalent" | "changed" | "error";

export interface PathStats {
  /** Path with array indices folded to `[*]`. */
  path: string;
  /** Trials in which both outcomes were values, so the path could be compared. */
  compared: number;
  /** Trials with at least one difference at this path. */
  changed: number;
  maxAbs?: number;
  maxRel?: number;
  kinds: Partial<Record<DifferenceKind, number>>;
  /** The first few input indices where this path changed. */
  exampleIndices: number[];
}

export interface OutcomeSummary {
  /** "absent": the side has no such record (`twinrun diff`, records matched by key or position). */
  status: "ok" | "failure" | "absent";
  /** The output value (JSON-safe rendering), present for ok outcomes in examples. */
  output?: unknown;
  failure?: Failure;
  durationMs: number;
}

export interface Example {
  index: number;
  /** The input as JSON (parsed for display); inputText keeps the exact text. */
  input: unknown;
  inputText: string;
  differences: Difference[];
  /** True when the per-trial difference cap was hit. */
  truncated?: boolean;
  old: OutcomeSummary;
  new: OutcomeSummary;
}

export interface TimingStats {
  p50: number;
  p95: number;
  totalMs: number;
}

export interface ComponentInfo {
  label: string;
  /** Human-readable description of how the component runs, e.g. `python3 f.py (worker)`. */
  spec: string;
}

export interface Report {
  tool: "twinrun";
  reportVersion: 1;
  createdAt: string;
  /** False when the run was interrupted (Ctrl-C) or stopped early; counts cover completed trials only. */
  complete: boolean;
  verdict: Verdict;
  /** Present when verdict is "error": why the run could not produce a verdict. */
  error?: string;
  components: { old: ComponentInfo; new: ComponentInfo };
  sample: SampleIdentity;
  summary: {
    trials: number;
    same: number;
    changed: number;
    failures: { old: number; new: number; both: number };
    /** Trials whose difference list hit the per-trial cap. */
    truncatedTrials: number;
  };
  paths: PathStats[];
  examples: Example[];
  timing: { old: TimingStats; new: TimingStats; wallMs: number };
  gate: { maxChanged: string; passed: boolean; exitCode: number };
  /** The settings needed to reproduce the run (replay). */
  settings: Record<string, unknown>;
}
