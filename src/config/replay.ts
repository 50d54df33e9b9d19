// Replay: a report keeps the settings of its run (user-config shaped, absolute paths), so
// `--replay report.json` reruns exactly the same inputs with the same settings.

import { readFile } from "node:fs/promises";
import path from "node:path";
import { settingsOfComponent, shapeOf } from "../../adapters/components.ts";
import type { CompareRule } from "../compare/types.ts";
import { TwinrunError } from "../errors.ts";
import type { SampleIdentity } from "../inputs/types.ts";
import { DEFAULT_MEMORY_LIMIT } from "../table/engine/table-engine.ts";
import { redactReference } from "../table/postgres/postgres-reference.ts";
import { validateUserConfig } from "./load-config-file.ts";
import { formatMaxChanged } from "./max-changed.ts";
import type { UserCompareRule, UserConfig } from "./schema.ts";
import { extractUserEnv } from "./shared-env.ts";
import type { ResolvedRunConfig } from "./types.ts";

export interface ReplayReport {
  settings: UserConfig;
  sample: SampleIdentity;
}

/** Why: the settings a report stores are exactly what a later --replay reads back as its base layer. */
export function settingsForReport(resolved: ResolvedRunConfig): UserConfig {
  const { input, compare } = resolved;
  const tolerance = { abs: compare.tolerance.abs, rel: compare.tolerance.rel };
  // Queries read their database (each side's settings name it), never an input source.
  const readsInput = shapeOf(resolved.old) !== "query";
  return {
    ...(readsInput && {
      input: {
        // A Postgres reference without its password: a replay takes it from PGPASSWORD or ~/.pgpass.
        path: redactReference(input.path),
        ...(input.format !== undefined && { format: input.format }),
        sample: input.sample,
        strategy: input.strategy,
        seed: input.seed,
        ...(input.stratifyBy !== undefined && { stratifyBy: input.stratifyBy }),
        csvStrings: input.csvStrings,
        onBadInput: input.onBadInput,
      },
    }),
    // With --base the run passes the commit the ref named, so a replay checks out the same code.
    ...(resolved.base !== undefined && { base: resolved.base.ref }),
    old: settingsOfComponent(resolved.old),
    new: settingsOfComponent(resolved.new),
    env: extractUserEnv(resolved.sharedEnv, input.seed),
    compare: {
      tolerance:
        compare.tolerance.ulps === undefined ? tolerance : { ...tolerance, ulps: compare.tolerance.ulps },
      nan: compare.nan,
      signedZero: compare.signedZero,
      numberTypes: compare.numberTypes,
      nullEqualsMissing: compare.nullEqualsMissing,
      failureMessage: compare.failureMessage,
      maxDifferencesPerTrial: compare.maxDifferencesPerTrial,
      rules: compare.rules.map(toUserRule),
    },
    ...(resolved.calibrate !== undefined && { calibrate: resolved.calibrate.trials ?? true }),
    ...tableSettings(resolved),
    run: { concurrency: resolved.runner.concurrency, timeout: resolved.runner.timeoutMs },
    gate: {
      maxChanged: formatMaxChanged(resolved.gate.maxChanged),
      ...(resolved.gate.accepted !== undefined && { accepted: resolved.gate.accepted }),
      ...(resolved.gate.strictAccepted && { strictAccepted: true }),
      ...(resolved.gate.maxSlowdown !== undefined && { maxSlowdown: resolved.gate.maxSlowdown }),
    },
    report: {
      ...(resolved.report.json !== undefined && { json: resolved.report.json }),
      examples: resolved.report.examples,
      save: resolved.report.save,
      ...(resolved.report.targetRate !== undefined && {
        targetRate: `${Number((resolved.report.targetRate * 100).toPrecision(12))}%`,
      }),
    },
  };
}

/** Why: the CLI needs the earlier sample (indices, sha256, seed) and the settings, checked once. */
export async function readReplayReport(reportPath: string, displayName = reportPath): Promise<ReplayReport> {
  const invalid = (why: string) => new TwinrunError("REPORT_INVALID", `${displayName}: ${why}`);
  let text: string;
  try {
    text = await readFile(path.resolve(reportPath), "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw invalid(
      code === "ENOENT"
        ? "report not found; give the JSON report of an earlier run (e.g. .twinrun/last-report.json)"
        : `cannot read the report (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw invalid("not a twinrun report (the file is not valid JSON)");
  }
  const report = (raw ?? {}) as Record<string, unknown>;
  if (typeof raw !== "object" || report.tool !== "twinrun" || report.reportVersion !== 1) {
    throw invalid('not a twinrun report (expected "tool": "twinrun" and "reportVersion": 1)');
  }
  const sample = report.sample as Partial<SampleIdentity> | undefined;
  if (!isSampleIdentity(sample)) {
    throw invalid(
      'the report\'s "sample" is incomplete (expected indices, sha256, seed and source); rerun to get a fresh report',
    );
  }
  if (report.settings === null || typeof report.settings !== "object") {
    throw invalid('the report has no "settings" to replay; rerun to get a fresh report');
  }
  const settings = validateUserConfig(report.settings, `${displayName}: settings`, "REPORT_INVALID");
  return { settings, sample };
}

function isSampleIdentity(sample: Partial<SampleIdentity> | undefined): sample is SampleIdentity {
  return (
    sample !== null &&
    typeof sample === "object" &&
    Array.isArray(sample.indices) &&
    sample.indices.every((index) => Number.isSafeInteger(index) && index >= 0) &&
    typeof sample.sha256 === "string" &&
    typeof sample.seed === "number" &&
    typeof sample.source === "string"
  );
}

// The table and dataset sections, only when they say more than the defaults (older reports lack them).
function tableSettings(resolved: ResolvedRunConfig): Pick<UserConfig, "table" | "dataset"> {
  const { table, dataset } = resolved;
  const tableSection = {
    ...(table.key !== undefined && { key: [...table.key] }),
    ...(table.columnOrder && { columnOrder: true }),
    ...(table.ignoreColumnCase && { ignoreColumnCase: true }),
    ...(table.psiMax !== undefined && { psiMax: table.psiMax }),
    ...(table.memoryLimit !== DEFAULT_MEMORY_LIMIT && { memoryLimit: table.memoryLimit }),
    ...(!table.pushdown && { pushdown: false }),
  };
  const datasetRun = shapeOf(resolved.old) === "table";
  return {
    ...(Object.keys(tableSection).length > 0 && { table: tableSection }),
    ...(datasetRun && {
      dataset: {
        ...(dataset.format !== undefined && { format: dataset.format }),
        ...(dataset.outputFormat !== undefined && { outputFormat: dataset.outputFormat }),
        keepTemp: dataset.keepTemp,
        ...(dataset.repeat > 1 && { repeat: dataset.repeat }),
      },
    }),
  };
}

function toUserRule(rule: CompareRule): UserCompareRule {
  return structuredClone(rule) as UserCompareRule;
}
