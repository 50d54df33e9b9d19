// Config layers: a config file (or a replayed report's settings) at the bottom, flags on top.
// A layer is a UserConfig whose paths are already absolute; merging is key by key, with the
// upper layer winning and rules appended (so, on equal specificity, a flag rule wins).
import path from "node:path";
import { DEFAULT_KIND, resolveSectionPaths } from "../../adapters/components.ts";
import { commonSectionKeys } from "../../adapters/shared/component-keys.ts";
import { resolveInputSource } from "../inputs/input-source-path.ts";
import type { UserConfig } from "./schema.ts";

type InputSection = NonNullable<UserConfig["input"]>;
type SideSection = NonNullable<UserConfig["old"]>;
type CompareSection = NonNullable<UserConfig["compare"]>;

/** Why: paths in a config file are relative to the file's folder, paths from flags to the cwd. */
export function resolveLayerPaths(config: UserConfig, baseDir: string): UserConfig {
  const resolved: UserConfig = { ...config };
  if (config.input?.path !== undefined)
    resolved.input = { ...config.input, path: resolveInputSource(baseDir, config.input.path) };
  if (config.database?.startsWith("duckdb:"))
    resolved.database = `duckdb:${path.resolve(baseDir, config.database.slice("duckdb:".length))}`;
  for (const side of ["old", "new"] as const) {
    const component = config[side];
    if (component !== undefined) resolved[side] = resolveSectionPaths(component, baseDir);
  }
  if (config.report !== undefined) {
    const { json, markdown, junit, html, reporters, writeCalibration } = config.report;
    resolved.report = {
      ...config.report,
      ...(reporters !== undefined && {
        reporters: reporters.map((spec) => resolveReporterFile(spec, baseDir)),
      }),
      ...(json !== undefined && { json: path.resolve(baseDir, json) }),
      ...(markdown !== undefined && { markdown: path.resolve(baseDir, markdown) }),
      ...(junit !== undefined && { junit: path.resolve(baseDir, junit) }),
      ...(html !== undefined && { html: path.resolve(baseDir, html) }),
      ...(writeCalibration !== undefined && { writeCalibration: path.resolve(baseDir, writeCalibration) }),
    };
  }
  if (config.gate?.accepted !== undefined) {
    resolved.gate = { ...config.gate, accepted: path.resolve(baseDir, config.gate.accepted) };
  }
  return resolved;
}

/** Why: `exact` is a shorthand for a zero tolerance; expanding it per layer lets a higher layer override it. */
export function expandExact(config: UserConfig): UserConfig {
  if (config.compare?.exact !== true) return config;
  const { exact: _exact, ...compare } = config.compare;
  return { ...config, compare: { ...compare, tolerance: { abs: 0, rel: 0, ulps: 0 } } };
}

/** Why: one merge for every layering (config + flags, report settings + flags, config + replayed input). */
export function mergeLayers(base: UserConfig, over: UserConfig): UserConfig {
  const lower = expandExact(base);
  const upper = expandExact(over);
  return dropUndefined({
    input: mergeInput(lower.input, upper.input),
    base: upper.base ?? lower.base,
    database: upper.database ?? lower.database,
    old: mergeSide(lower.old, upper.old),
    new: mergeSide(lower.new, upper.new),
    env: mergeRecords(lower.env, upper.env),
    compare: mergeCompare(lower.compare, upper.compare),
    calibrate: upper.calibrate ?? lower.calibrate,
    table: mergeShallow(lower.table, upper.table),
    dataset: mergeShallow(lower.dataset, upper.dataset),
    run: mergeShallow(lower.run, upper.run),
    gate: mergeShallow(lower.gate, upper.gate),
    shrink: mergeShallow(lower.shrink, upper.shrink),
    report: mergeShallow(lower.report, upper.report),
  });
}

/**
 * `sample` and `strategy: all` go together: a layer asking for 50 inputs undoes a lower
 * layer's `strategy: all`, and a layer asking for all inputs undoes a lower layer's strategy.
 */
function mergeInput(lower?: InputSection, upper?: InputSection): InputSection | undefined {
  if (lower === undefined || upper === undefined) return upper ?? lower;
  const merged = { ...lower, ...dropUndefined(upper) };
  if (upper.strategy === undefined && upper.sample !== undefined) {
    if (typeof upper.sample === "number" && lower.strategy === "all") delete merged.strategy;
    if (upper.sample === "all") merged.strategy = "all";
  }
  if (upper.sample === undefined && upper.strategy !== undefined) {
    if (upper.strategy === "all") merged.sample = "all";
    else if (lower.sample === "all") delete merged.sample;
  }
  return merged;
}

function mergeSide(lower?: SideSection, upper?: SideSection): SideSection | undefined {
  if (lower === undefined || upper === undefined) return upper ?? lower;
  // A flag naming another kind of component (`--old py:f:g` over a command) replaces the lower
  // layer's adapter-specific keys; cwd, env, label and setup carry over.
  const base =
    adapterOf(upper) !== undefined && adapterOf(upper) !== adapterOf(lower) ? commonKeys(lower) : lower;
  return dropUndefined({
    ...base,
    ...dropUndefined(upper),
    env: mergeRecords(base.env, upper.env),
  } as SideSection);
}

/** The kind of component a layer's section names: its adapter, or undefined (it only tunes). */
function adapterOf(section: SideSection): string | undefined {
  if (section.adapter !== undefined) return section.adapter;
  // The default kind is named by its defining key (`command`), never by `adapter`.
  if ("command" in section && section.command !== undefined) return DEFAULT_KIND.name;
  return undefined;
}

function commonKeys(section: SideSection): SideSection {
  return dropUndefined(commonSectionKeys(section));
}

function mergeCompare(lower?: CompareSection, upper?: CompareSection): CompareSection | undefined {
  if (lower === undefined || upper === undefined) return upper ?? lower;
  const tolerance = mergeShallow(lower.tolerance, upper.tolerance);
  const rules =
    lower.rules === undefined && upper.rules === undefined
      ? undefined
      : [...(lower.rules ?? []), ...(upper.rules ?? [])];
  return dropUndefined({ ...lower, ...dropUndefined(upper), tolerance, rules });
}

function mergeRecords<V>(
  lower?: Record<string, V>,
  upper?: Record<string, V>,
): Record<string, V> | undefined {
  if (lower === undefined || upper === undefined) return upper ?? lower;
  return { ...lower, ...upper };
}

function mergeShallow<T extends object>(lower?: T, upper?: T): T | undefined {
  if (lower === undefined || upper === undefined) return upper ?? lower;
  return { ...lower, ...dropUndefined(upper) };
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}

/** `name=file` with the file made absolute (relative to the layer's folder); a bare name unchanged. */
export function resolveReporterFile(spec: string, baseDir: string): string {
  const cut = spec.indexOf("=");
  if (cut === -1 || cut === spec.length - 1) return spec;
  return `${spec.slice(0, cut)}=${path.resolve(baseDir, spec.slice(cut + 1).trim())}`;
}
