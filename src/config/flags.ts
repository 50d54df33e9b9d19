// Command-line flags as commander hands them over, turned into a config layer shaped like the
// user config (paths absolute against the working folder) that is laid over the config file.

import path from "node:path";
import { COMMAND_MODES } from "../../adapters/command/types.ts";
import { parseComponentSpec } from "../../adapters/components.ts";
import { PYTHON_STYLES } from "../../adapters/python/types.ts";
import { parseDatabase } from "../../adapters/sql/database.ts";
import type { CompareRule } from "../compare/types.ts";
import { TwinrunError } from "../errors.ts";
import { resolveInputSource } from "../inputs/input-source-path.ts";
import { BAD_INPUT_ACTIONS, INPUT_FORMATS, SAMPLE_STRATEGIES } from "../inputs/types.ts";
import type { ShardInfo } from "../report/types.ts";
import { parseShardFlag } from "../shard/shard.ts";
import { DATASET_FORMATS, TABLE_FORMATS } from "../table/types.ts";
import {
  flagError,
  parseChoice,
  parseIgnoreFlag,
  parseInteger,
  parseKeyColumns,
  parseNonEmpty,
  parseNonNegativeNumber,
  parseOnly,
  parsePositiveNumber,
  parseSample,
  parseTimestampsFlag,
  parseTolFlag,
  parseUnorderedFlag,
} from "./flag-grammars.ts";
import { resolveReporterFile } from "./layers.ts";
import { formatMaxChanged, parseMaxChanged } from "./max-changed.ts";
import { parseMemoryLimit } from "./memory-limit.ts";
import type { RunFlags } from "./options/table.ts";
import type { UserConfig } from "./schema.ts";
import { TARGET_RATE_EXPECTED, TARGET_RATE_PATTERN } from "./schema-leaves.ts";

/** What the CLI's parser gives for `twinrun run` (every value a string as typed): see the option table. */
export type { RunFlags };

/** The flags as a config layer, plus what only flags can say. */
export interface FlagLayer {
  config: UserConfig;
  /** Absolute path of --replay. */
  replayPath?: string;
  only?: number[];
  /** --shard i/n. */
  shard?: ShardInfo;
}

/** Why: flags are validated all at once, so one run reports every bad flag, one line each. */
export function parseRunFlags(flags: RunFlags, cwd: string): FlagLayer {
  const problems: string[] = [];
  const read = <T>(parse: () => T): T | undefined => {
    try {
      return parse();
    } catch (error) {
      if (!(error instanceof TwinrunError)) throw error;
      problems.push(error.message);
      return undefined;
    }
  };
  const str = (value: unknown): string => String(value);
  const given = <K extends keyof RunFlags>(key: K): boolean => flags[key] !== undefined;

  const mode = given("mode") ? read(() => parseChoice("--mode", str(flags.mode), COMMAND_MODES)) : undefined;
  const shell = flags.shell === true ? true : undefined;
  const key = given("key") ? read(() => parseKeyColumns(str(flags.key))) : undefined;
  // Python tuning flags go to both sides, like --mode; each adapter reads only its own keys.
  // --key is table.key, and also each side's key, so it wins over a Python side's key in the file.
  const pythonTuning = {
    style: given("style") ? read(() => parseChoice("--style", str(flags.style), PYTHON_STYLES)) : undefined,
    batchSize: given("batchSize")
      ? read(() => parseInteger("--batch-size", str(flags.batchSize), 1))
      : undefined,
    key,
    python: given("python")
      ? read(() => resolveInterpreter(cwd, parseNonEmpty("--python", str(flags.python), "an interpreter")))
      : undefined,
  };
  // `--old` / `--new` take any adapter kind's spelling (`py:<module>:<function>`, `js:<file>#<export>`,
  // an http(s) URL); anything else is a command.
  const component = (spec: string | undefined, specFlag: string) =>
    spec === undefined ? {} : (read(() => parseComponentSpec(str(spec), specFlag, cwd)) ?? {});
  const side = (spec: string | undefined, specFlag: string, label: string | undefined, labelFlag: string) =>
    compact({
      ...component(spec, specFlag),
      label: label !== undefined ? read(() => parseNonEmpty(labelFlag, str(label), "a label")) : undefined,
      mode,
      shell,
      ...pythonTuning,
    });

  const rules: CompareRule[] = [
    ...(flags.ignore ?? []).map((text) => read(() => parseIgnoreFlag(str(text)))),
    ...(flags.tol ?? []).map((text) => read(() => parseTolFlag(str(text)))),
    ...(flags.unordered ?? []).map((text) => read(() => parseUnorderedFlag(str(text)))),
    ...(flags.timestamps ?? []).map((text) => read(() => parseTimestampsFlag(str(text)))),
  ].filter((rule): rule is CompareRule => rule !== undefined);

  const tolerance = compact({
    abs: given("abs") ? read(() => parseNonNegativeNumber("--abs", str(flags.abs))) : undefined,
    rel: given("rel") ? read(() => parseNonNegativeNumber("--rel", str(flags.rel))) : undefined,
  });
  const maxChanged = given("maxChanged") ? read(() => parseMaxChanged(str(flags.maxChanged))) : undefined;

  const config: UserConfig = compact({
    input: compact({
      path: given("input")
        ? read(() => resolveInputSource(cwd, parseNonEmpty("--input", str(flags.input), "a file")))
        : undefined,
      format: given("format")
        ? read(() => parseChoice("--format", str(flags.format), INPUT_FORMATS))
        : undefined,
      sample: given("sample") ? read(() => parseSample(str(flags.sample))) : undefined,
      strategy: given("strategy")
        ? read(() => parseChoice("--strategy", str(flags.strategy), SAMPLE_STRATEGIES))
        : undefined,
      seed: given("seed") ? read(() => parseInteger("--seed", str(flags.seed))) : undefined,
      stratifyBy: given("stratifyBy")
        ? read(() => parseNonEmpty("--stratify-by", str(flags.stratifyBy), "a field name"))
        : undefined,
      csvStrings: flags.csvStrings === true ? true : undefined,
      onBadInput: given("onBadInput")
        ? read(() => parseChoice("--on-bad-input", str(flags.onBadInput), BAD_INPUT_ACTIONS))
        : undefined,
    }),
    old: side(flags.old, "--old", flags.oldLabel, "--old-label"),
    new: side(flags.new, "--new", flags.newLabel, "--new-label"),
    compare: compact({
      tolerance: Object.keys(tolerance).length > 0 ? tolerance : undefined,
      exact: flags.exact === true ? true : undefined,
      rules: rules.length > 0 ? rules : undefined,
    }),
    table: compact({
      key,
      columnOrder: flags.columnOrder === true ? true : undefined,
      ignoreColumnCase: flags.ignoreColumnCase === true ? true : undefined,
      psiMax: given("psiMax")
        ? read(() => parseNonNegativeNumber("--psi-max", str(flags.psiMax)))
        : undefined,
      memoryLimit: given("memoryLimit")
        ? read(() => parseMemoryLimit("--memory-limit", str(flags.memoryLimit)))
        : undefined,
      pushdown: flags.pushdown === false ? false : undefined,
    }),
    dataset: compact({
      format: given("datasetFormat")
        ? read(() => parseChoice("--dataset-format", str(flags.datasetFormat), DATASET_FORMATS))
        : undefined,
      outputFormat: given("outputFormat")
        ? read(() => parseChoice("--output-format", str(flags.outputFormat), TABLE_FORMATS))
        : undefined,
      keepTemp: flags.keepTemp === true ? true : undefined,
      repeat: given("repeat") ? read(() => parseInteger("--repeat", str(flags.repeat), 1)) : undefined,
    }),
    run: compact({
      concurrency: given("concurrency")
        ? read(() => parseInteger("--concurrency", str(flags.concurrency), 1))
        : undefined,
      timeout: given("timeout") ? read(() => parseInteger("--timeout", str(flags.timeout), 0)) : undefined,
      outputLimit: given("outputLimit")
        ? read(() => parsePositiveNumber("--output-limit", str(flags.outputLimit)))
        : undefined,
    }),
    base: given("base")
      ? read(() => parseNonEmpty("--base", str(flags.base), "a git ref").trim())
      : undefined,
    database: given("database")
      ? read(() => parseDatabase(str(flags.database), "--database", cwd))
      : undefined,
    gate: compact({
      maxChanged: maxChanged === undefined ? undefined : formatMaxChanged(maxChanged),
      accepted: given("accepted") ? read(() => resolveFile(cwd, "--accepted", flags.accepted)) : undefined,
      strictAccepted: flags.strictAccepted === true ? true : undefined,
      maxSlowdown: given("maxSlowdown") ? read(() => parseSlowdown(str(flags.maxSlowdown))) : undefined,
    }),
    shrink: compact({
      examples: given("shrink")
        ? flags.shrink === true
          ? 1
          : read(() => parseInteger("--shrink", str(flags.shrink), 0))
        : undefined,
      maxSteps: given("shrinkSteps")
        ? read(() => parseInteger("--shrink-steps", str(flags.shrinkSteps), 1))
        : undefined,
      timeBudget: given("shrinkTime")
        ? read(() => parseInteger("--shrink-time", str(flags.shrinkTime), 0))
        : undefined,
    }),
    calibrate: given("calibrate") ? read(() => parseCalibrate(flags.calibrate)) : undefined,
    report: compact({
      json: given("json")
        ? read(() => path.resolve(cwd, parseNonEmpty("--json", str(flags.json), "a file")))
        : undefined,
      examples: given("examples")
        ? read(() => parseInteger("--examples", str(flags.examples), 0))
        : undefined,
      save: flags.save === false ? false : undefined,
      markdown: given("markdown") ? read(() => resolveFile(cwd, "--markdown", flags.markdown)) : undefined,
      junit: given("junit") ? read(() => resolveFile(cwd, "--junit", flags.junit)) : undefined,
      html: given("html") ? read(() => resolveFile(cwd, "--html", flags.html)) : undefined,
      reporters: given("reporter")
        ? (flags.reporter ?? []).map((spec) => resolveReporterFile(spec, cwd))
        : undefined,
      stepSummary: flags.stepSummary === false ? false : undefined,
      targetRate: given("targetRate") ? read(() => parseTargetRate(str(flags.targetRate))) : undefined,
      writeCalibration: given("writeCalibration")
        ? read(() => resolveFile(cwd, "--write-calibration", flags.writeCalibration))
        : undefined,
    }),
  });

  const replayPath = given("replay")
    ? read(() => path.resolve(cwd, parseNonEmpty("--replay", str(flags.replay), "a report file")))
    : undefined;
  const only = given("only") ? read(() => parseOnly(str(flags.only))) : undefined;
  const shard = given("shard") ? read(() => parseShardFlag(str(flags.shard))) : undefined;
  if (only !== undefined && !given("replay")) {
    problems.push("--only: needs --replay <report.json> (it picks inputs of an earlier run)");
  }
  if (problems.length > 0) throw new TwinrunError("USAGE", problems.join("\n"));
  return {
    config,
    ...(replayPath !== undefined && { replayPath }),
    ...(only !== undefined && { only }),
    ...(shard !== undefined && { shard }),
  };
}

// `--calibrate` alone is true; `--calibrate 20` a count.
function parseCalibrate(value: unknown): true | number {
  return value === true ? true : parseInteger("--calibrate", String(value), 1);
}

function parseSlowdown(text: string): number {
  const value = parseNonNegativeNumber("--max-slowdown", text);
  if (value < 1) throw flagError("--max-slowdown", "a number >= 1, e.g. 2", text);
  return value;
}

function parseTargetRate(text: string): string {
  const trimmed = text.trim();
  if (!TARGET_RATE_PATTERN.test(trimmed) || !(Number(trimmed.slice(0, -1)) > 0))
    throw flagError("--target-rate", TARGET_RATE_EXPECTED, text);
  return trimmed;
}

// An interpreter with a folder (`.venv/bin/python`) is a path; a bare name is looked up on PATH.
function resolveInterpreter(cwd: string, python: string): string {
  return python.includes("/") ? path.resolve(cwd, python.trim()) : python.trim();
}

function resolveFile(cwd: string, flag: string, value: unknown): string {
  return path.resolve(cwd, parseNonEmpty(flag, String(value), "a file"));
}

/** Drops undefined values and empty sections, so a layer only holds what was really given. */
function compact<T extends object>(value: T): T {
  const entries = Object.entries(value).filter(
    ([, entry]) =>
      entry !== undefined &&
      !(
        entry !== null &&
        typeof entry === "object" &&
        !Array.isArray(entry) &&
        Object.keys(entry).length === 0
      ),
  );
  return Object.fromEntries(entries) as T;
}
