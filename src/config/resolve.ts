// resolveRunConfig: (config file or replayed settings, flags) → the frozen, fully populated
// ResolvedRunConfig the run uses. Defaults live here and nowhere downstream.

import path from "node:path";
import { alignSides, resolveComponentSection } from "../../adapters/components.ts";
import { outputLimitChars } from "../../adapters/shared/output-limit.ts";
import { findAcceptedFile } from "../accept/default-file.ts";
import { type CompareOptions, DEFAULT_COMPARE_OPTIONS } from "../compare/types.ts";
import { TwinrunError } from "../errors.ts";
import { applyBaseDefaults, isOldLabelFromRef } from "../git/base-sides.ts";
import { IN_MEMORY_SOURCE } from "../inputs/in-memory.ts";
import type { InputRecord } from "../inputs/types.ts";
import { parseReporterSpec, type ReportOutput, resolveReportOutputs } from "../reporters/outputs.ts";
import { buildCompareOptions } from "./compare-options.ts";
import { deepFreeze } from "./deep-freeze.ts";
import { parseRunFlags, type RunFlags } from "./flags.ts";
import { mergeLayers, resolveLayerPaths } from "./layers.ts";
import { findConfigFile, loadConfigFile } from "./load-config-file.ts";
import { parseMaxChanged } from "./max-changed.ts";
import { readReplayReport } from "./replay.ts";
import {
  applyTableKey,
  checkDatasetSides,
  checkQuerySides,
  checkTableFlags,
  resolveDatasetSection,
  resolveTableSection,
} from "./resolve-tables.ts";
import type { UserConfig } from "./schema.ts";
import { buildSharedEnv } from "./shared-env.ts";
import type { ResolvedComponent, ResolvedRunConfig } from "./types.ts";

export interface ResolveRunConfigArgs {
  flags: RunFlags;
  /** Folder the command runs in; flag paths are relative to it. */
  cwd: string;
  /** The process environment (TWINRUN_PYTHON: the default Python interpreter). */
  env: NodeJS.ProcessEnv;
  /** Default concurrency. */
  cpuCount: number;
  /**
   * The programmatic API's options as a config layer (paths already absolute): laid over the config
   * file, under the flags. With it, a config file is read only when flags.config names one.
   */
  overrides?: UserConfig;
  /** Sides given as live objects (the API's in-memory functions), used as they are. */
  components?: Partial<Record<"old" | "new", ResolvedComponent>>;
  /** Inputs given in memory (the API); they replace input.path as the input source. */
  records?: readonly InputRecord[];
}

export const DEFAULT_SAMPLE_SIZE = 100;
export const DEFAULT_TIMEOUT_MS = 10_000;
/** Dataset mode: a side's whole run on the whole sample has no timeout unless one is given. */
export const DEFAULT_DATASET_TIMEOUT_MS = 0;
export const DEFAULT_EXAMPLES = 5;
export const DEFAULT_SHRINK_STEPS = 200;
export const DEFAULT_SHRINK_TIME_MS = 30_000;

/** Why: the one place where config file, replayed report and flags become the settings of a run. */
export async function resolveRunConfig(args: ResolveRunConfigArgs): Promise<ResolvedRunConfig> {
  const { flags, cwd } = args;
  const flagLayer = parseRunFlags(flags, cwd);
  // With --replay and no -c, the report's settings replace the config file.
  const replaying = flagLayer.replayPath !== undefined;
  const configRef =
    (replaying || args.overrides !== undefined) && flags.config === undefined
      ? undefined
      : await findConfigFile(cwd, flags.config);
  const loaded = configRef === undefined ? undefined : await loadConfigFile(configRef);
  const baseDir = loaded === undefined ? cwd : path.dirname(loaded.file);
  let base: UserConfig = loaded === undefined ? {} : resolveLayerPaths(loaded.config, baseDir);

  if (flagLayer.replayPath !== undefined) {
    const replayed = await readReplayReport(flagLayer.replayPath, flags.replay);
    const settings = resolveLayerPaths(replayed.settings, cwd);
    // A replay never writes over the report it replays: the earlier run's --json is not reused.
    const { json: _json, ...report } = settings.report ?? {};
    base = loaded === undefined ? { ...settings, report } : { ...base, input: settings.input };
    for (const index of flagLayer.only ?? []) {
      if (!replayed.sample.indices.includes(index)) {
        throw new TwinrunError(
          "USAGE",
          `--only ${index}: input ${index} is not in the sample of ${flags.replay} (${describeIndices(replayed.sample.indices)})`,
        );
      }
    }
  }

  const layered = mergeLayers(
    args.overrides === undefined ? base : mergeLayers(base, args.overrides),
    flagLayer.config,
  );
  // With `base`, the old side defaults to the new side's settings (checked out from the ref).
  const merged = applyBaseDefaults(layered);
  const configName = loaded?.displayName ?? "twinrun.config.yaml";
  const sideContext = {
    baseDir,
    configName,
    env: args.env,
    cwd,
    ...(merged.database !== undefined && { database: merged.database }),
  };
  const table = resolveTableSection(merged);
  const [oldComponent, newComponent] = applyTableKey(
    alignSides(
      [
        args.components?.old ?? resolveComponentSection("old", merged.old ?? {}, sideContext),
        args.components?.new ?? resolveComponentSection("new", merged.new ?? {}, sideContext),
      ],
      configName,
    ),
    table,
  );
  const queryRun = checkQuerySides(oldComponent, newComponent, configName);
  const datasetRun = checkDatasetSides(oldComponent, newComponent, configName);
  if (flagLayer.config.database !== undefined && !queryRun) {
    throw new TwinrunError(
      "USAGE",
      "--database: only SQL components run in a database, and neither side is one; give --old sql:<file.sql> --new sql:<file.sql>, or remove --database",
    );
  }
  checkTableFlags(flagLayer.config.table, [oldComponent, newComponent], datasetRun || queryRun);
  if (merged.report?.writeCalibration !== undefined && (merged.calibrate ?? false) === false) {
    throw new TwinrunError(
      "USAGE",
      `report.writeCalibration (--write-calibration) needs calibration: add --calibrate (or calibrate: true in ${configName})`,
    );
  }
  const resolved: ResolvedRunConfig = {
    ...(loaded !== undefined && { configFile: loaded.file }),
    baseDir,
    input: queryRun
      ? queryRunInput(merged, configName)
      : resolveInput(merged, configName, args.records, datasetRun),
    ...(flagLayer.replayPath !== undefined && {
      replay: {
        reportPath: flagLayer.replayPath,
        ...(flagLayer.only !== undefined && { only: flagLayer.only }),
      },
    }),
    ...(merged.base !== undefined && {
      base: { ref: merged.base, labelFromRef: isOldLabelFromRef(layered) },
    }),
    ...(flagLayer.shard !== undefined && { shard: flagLayer.shard }),
    old: oldComponent,
    new: newComponent,
    sharedEnv: buildSharedEnv(merged.input?.seed ?? 0, merged.env),
    compare: resolveCompare(merged),
    ...(merged.calibrate !== undefined &&
      merged.calibrate !== false && {
        calibrate: merged.calibrate === true ? {} : { trials: merged.calibrate },
      }),
    dataset: resolveDatasetSection(merged, datasetRun, configName),
    table,
    runner: {
      concurrency: merged.run?.concurrency ?? Math.max(1, Math.floor(args.cpuCount) || 1),
      timeoutMs: merged.run?.timeout ?? (datasetRun ? DEFAULT_DATASET_TIMEOUT_MS : DEFAULT_TIMEOUT_MS),
      outputLimitChars: outputLimitChars(args.env, merged.run?.outputLimit),
    },
    gate: await resolveGate(merged, baseDir),
    shrink: {
      examples: merged.shrink?.examples ?? 0,
      maxSteps: merged.shrink?.maxSteps ?? DEFAULT_SHRINK_STEPS,
      timeBudgetMs: merged.shrink?.timeBudget ?? DEFAULT_SHRINK_TIME_MS,
    },
    report: {
      ...(merged.report?.json !== undefined && { json: merged.report.json }),
      examples: merged.report?.examples ?? DEFAULT_EXAMPLES,
      save: merged.report?.save ?? true,
      ...(merged.report?.markdown !== undefined && { markdown: merged.report.markdown }),
      ...(merged.report?.junit !== undefined && { junit: merged.report.junit }),
      ...(merged.report?.html !== undefined && { html: merged.report.html }),
      outputs: outputsOf(merged, cwd),
      stepSummary: merged.report?.stepSummary ?? true,
      ...(merged.report?.targetRate !== undefined && {
        targetRate: Number(merged.report.targetRate.slice(0, -1)) / 100,
      }),
      ...(merged.report?.writeCalibration !== undefined && {
        writeCalibration: merged.report.writeCalibration,
      }),
    },
  };
  return deepFreeze(resolved);
}

function resolveInput(
  merged: UserConfig,
  configName: string,
  records?: readonly InputRecord[],
  datasetRun = false,
): ResolvedRunConfig["input"] {
  const input = merged.input ?? {};
  if (input.path === undefined && records === undefined) {
    throw new TwinrunError(
      "USAGE",
      `missing the input source: give --input <file> (-i) or input.path in ${configName}, or --replay <report.json>`,
    );
  }
  if (input.strategy === "all" && typeof input.sample === "number") {
    throw new TwinrunError(
      "USAGE",
      `input.sample ${input.sample} conflicts with input.strategy "all", which runs every input: remove one of them (or of --sample, --strategy)`,
    );
  }
  // A batch step's output depends on the whole table (groupings, ranks): dataset mode runs on
  // every input unless a sample size is given.
  const sample = input.sample ?? (input.strategy === "all" || datasetRun ? "all" : DEFAULT_SAMPLE_SIZE);
  // Taking every input leaves nothing to choose: any strategy then means "all".
  const strategy = sample === "all" ? "all" : (input.strategy ?? "cover");
  if (strategy === "stratified" && input.stratifyBy === undefined) {
    throw new TwinrunError(
      "USAGE",
      `strategy "stratified" needs a field to stratify by: give --stratify-by <field> or input.stratifyBy in ${configName}`,
    );
  }
  return {
    path: input.path ?? IN_MEMORY_SOURCE,
    ...(records !== undefined && { records }),
    ...(input.format !== undefined && { format: input.format }),
    sample,
    strategy,
    seed: input.seed ?? 0,
    ...(input.stratifyBy !== undefined && { stratifyBy: input.stratifyBy }),
    csvStrings: input.csvStrings ?? false,
    onBadInput: input.onBadInput ?? "fail",
  };
}

/** The source a run of two queries names in reports: the database, not an input file. */
export const QUERY_RUN_SOURCE = "(the queries' results)";

/** Why: two queries read their database, not an input source; an input given anyway would be ignored. */
function queryRunInput(merged: UserConfig, configName: string): ResolvedRunConfig["input"] {
  if (merged.input?.path !== undefined) {
    throw new TwinrunError(
      "USAGE",
      `input.path (--input): SQL components read their database, not an input source; remove --input (or input.path from ${configName})`,
    );
  }
  return {
    path: QUERY_RUN_SOURCE,
    sample: "all",
    strategy: "all",
    seed: merged.input?.seed ?? 0,
    csvStrings: false,
    onBadInput: "fail",
  };
}

async function resolveGate(merged: UserConfig, baseDir: string): Promise<ResolvedRunConfig["gate"]> {
  const accepted = await findAcceptedFile(merged.gate?.accepted, baseDir);
  return {
    maxChanged: parseMaxChanged(merged.gate?.maxChanged ?? 0, "gate.maxChanged"),
    ...(accepted !== undefined && { accepted }),
    strictAccepted: merged.gate?.strictAccepted ?? false,
    ...(merged.gate?.maxSlowdown !== undefined && { maxSlowdown: merged.gate.maxSlowdown }),
  };
}

/** The comparator options of a merged config (also used by `twinrun diff`). */
export function resolveCompare(merged: UserConfig): CompareOptions {
  const compare = merged.compare ?? {};
  const given = compare.tolerance ?? {};
  const defaults = DEFAULT_COMPARE_OPTIONS.tolerance;
  return buildCompareOptions({
    tolerance: {
      abs: given.abs ?? defaults.abs,
      rel: given.rel ?? defaults.rel,
      // `ulps: 0` (what `exact` leaves) means "identical only", the same as no ULP tolerance.
      ...(given.ulps ? { ulps: given.ulps } : {}),
      ...(given.sig !== undefined && { sig: given.sig }),
    },
    nan: compare.nan,
    signedZero: compare.signedZero,
    numberTypes: compare.numberTypes,
    nullEqualsMissing: compare.nullEqualsMissing,
    failureMessage: compare.failureMessage,
    maxDifferencesPerTrial: compare.maxDifferencesPerTrial,
    rules: compare.rules?.map((rule) => ({ ...rule })),
  });
}

function describeIndices(indices: readonly number[]): string {
  const shown = indices.slice(0, 12).join(", ");
  const more = indices.length > 12 ? `, … (${indices.length} inputs)` : "";
  return indices.length === 0 ? "it holds no inputs" : `its inputs: ${shown}${more}`;
}

/**
 * The report outputs of a merged config: `report.reporters` (flags or file), then the shorthands.
 * Layers hold absolute files already; a relative one left is the run's, never the process's cwd.
 */
export function outputsOf(merged: UserConfig, cwd: string): ReportOutput[] {
  const report = merged.report ?? {};
  return resolveReportOutputs({
    reporters: (report.reporters ?? []).map((spec, index) =>
      parseReporterSpec(spec, `report.reporters[${index}] (or --reporter)`, cwd),
    ),
    ...(report.markdown !== undefined && { markdown: report.markdown }),
    ...(report.junit !== undefined && { junit: report.junit }),
    ...(report.html !== undefined && { html: report.html }),
  });
}
