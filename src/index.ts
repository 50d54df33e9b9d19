// twinrun's public API: `import { runTwin, compare } from "twinrun"`. Re-exports only.
export type { Failure, FailureKind, Outcome } from "../adapters/types.ts";
export { type Comparison, compare } from "./api/compare.ts";
export { describeChange, isEquivalent } from "./api/describe-change.ts";
export { runTwin } from "./api/run-twin.ts";
export type {
  CompareSettings,
  ComponentSection,
  TwinComponent,
  TwinFunction,
  TwinOptions,
} from "./api/types.ts";
export type { Difference, DifferenceKind } from "./compare/types.ts";
export type { UserConfig } from "./config/schema.ts";
export { ComponentStartError, ExitCode, TwinrunError } from "./errors.ts";
export type {
  DatasetReport,
  DatasetSideReport,
  Example,
  OutcomeSummary,
  PathStats,
  Report,
  Verdict,
} from "./report/types.ts";
export type {
  ColumnStats,
  ColumnType,
  DistributionStats,
  SchemaReport,
  TableFormat,
  TableReport,
} from "./table/types.ts";
