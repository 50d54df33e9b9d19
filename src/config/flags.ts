// Command-line flags as commander hands them over, turned into a config layer shaped like the
// user config (paths absolute against the working folder) that is laid over the config file.
import path from "node:path";
import type { CompareRule } from "../compare/types.ts";
import { TwinrunError } from "../errors.ts";
import {
  parseChoice,
  parseIgnoreFlag,
  parseInteger,
  parseNonEmpty,
  parseNonNegativeNumber,
  parseOnly,
  parseSample,
  parseTolFlag,
  parseUnorderedFlag,
} from "./flag-grammars.ts";
import { formatMaxChanged, parseMaxChanged } from "./max-changed.ts";
import type { UserConfig } from "./schema.ts";

/** What the CLI's parser gives: every value a string as typed, unless noted. */
export interface RunFlags {
  old?: string;
  new?: string;
  mode?: string;
  input?: string;
  format?: string;
  sample?: string;
  strategy?: string;
  stratifyBy?: string;
  seed?: string;
  csvStrings?: boolean;
  onBadInput?: string;
  abs?: string;
  rel?: string;
  exact?: boolean;
  ignore?: string[];
  tol?: string[];
  unordered?: string[];
  concurrency?: string;
  timeout?: string;
  json?: string;
  examples?: string;
  maxChanged?: string;
  config?: string;
  replay?: string;
  only?: string;
  oldLabel?: string;
  newLabel?: string;
  shell?: boolean;
  /** False from --no-save; absent otherwise. */
  save?: boolean;
}

/** The flags as a config layer, plus what only flags can say. */
export interface FlagLayer {
  config: UserConfig;
  /** Absolute path of --replay. */
  replayPath?: string;
  only?: number[];
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

  const mode = given("mode")
    ? read(() => parseChoice("--mode", str(flags.mode), ["per-input", "worker"]))
    : undefined;
  const shell = flags.shell === true ? true : undefined;
  const side = (
    command: string | undefined,
    commandFlag: string,
    label: string | undefined,
    labelFlag: string,
  ) =>
    compact({
      command:
        command !== undefined ? read(() => parseNonEmpty(commandFlag, str(command), "a command")) : undefined,
      label: label !== undefined ? read(() => parseNonEmpty(labelFlag, str(label), "a label")) : undefined,
      mode,
      shell,
    });

  const rules: CompareRule[] = [
    ...(flags.ignore ?? []).map((text) => read(() => parseIgnoreFlag(str(text)))),
    ...(flags.tol ?? []).map((text) => read(() => parseTolFlag(str(text)))),
    ...(flags.unordered ?? []).map((text) => read(() => parseUnorderedFlag(str(text)))),
  ].filter((rule): rule is CompareRule => rule !== undefined);

  const tolerance = compact({
    abs: given("abs") ? read(() => parseNonNegativeNumber("--abs", str(flags.abs))) : undefined,
    rel: given("rel") ? read(() => parseNonNegativeNumber("--rel", str(flags.rel))) : undefined,
  });
  const maxChanged = given("maxChanged") ? read(() => parseMaxChanged(str(flags.maxChanged))) : undefined;

  const config: UserConfig = compact({
    input: compact({
      path: given("input")
        ? read(() => path.resolve(cwd, parseNonEmpty("--input", str(flags.input), "a file")))
        : undefined,
      format: given("format")
        ? read(() => parseChoice("--format", str(flags.format), ["jsonl", "json", "csv"]))
        : undefined,
      sample: given("sample") ? read(() => parseSample(str(flags.sample))) : undefined,
      strategy: given("strategy")
        ? read(() => parseChoice("--strategy", str(flags.strategy), ["first", "random", "stratified", "all"]))
        : undefined,
      seed: given("seed") ? read(() => parseInteger("--seed", str(flags.seed))) : undefined,
      stratifyBy: given("stratifyBy")
        ? read(() => parseNonEmpty("--stratify-by", str(flags.stratifyBy), "a field name"))
        : undefined,
      csvStrings: flags.csvStrings === true ? true : undefined,
      onBadInput: given("onBadInput")
        ? read(() => parseChoice("--on-bad-input", str(flags.onBadInput), ["fail", "skip"]))
        : undefined,
    }),
    old: side(flags.old, "--old", flags.oldLabel, "--old-label"),
    new: side(flags.new, "--new", flags.newLabel, "--new-label"),
    compare: compact({
      tolerance: Object.keys(tolerance).length > 0 ? tolerance : undefined,
      exact: flags.exact === true ? true : undefined,
      rules: rules.length > 0 ? rules : undefined,
    }),
    run: compact({
      concurrency: given("concurrency")
        ? read(() => parseInteger("--concurrency", str(flags.concurrency), 1))
        : undefined,
      timeout: given("timeout") ? read(() => parseInteger("--timeout", str(flags.timeout), 0)) : undefined,
    }),
    gate: compact({ maxChanged: maxChanged === undefined ? undefined : formatMaxChanged(maxChanged) }),
    report: compact({
      json: given("json")
        ? read(() => path.resolve(cwd, parseNonEmpty("--json", str(flags.json), "a file")))
        : undefined,
      examples: given("examples")
        ? read(() => parseInteger("--examples", str(flags.examples), 0))
        : undefined,
      save: flags.save === false ? false : undefined,
    }),
  });

  const replayPath = given("replay")
    ? read(() => path.resolve(cwd, parseNonEmpty("--replay", str(flags.replay), "a report file")))
    : undefined;
  const only = given("only") ? read(() => parseOnly(str(flags.only))) : undefined;
  if (only !== undefined && !given("replay")) {
    problems.push("--only: needs --replay <report.json> (it picks inputs of an earlier run)");
  }
  if (problems.length > 0) throw new TwinrunError("USAGE", problems.join("\n"));
  return { config, ...(replayPath !== undefined && { replayPath }), ...(only !== undefined && { only }) };
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
