// From two runs of old on the same inputs: the noisy paths, their limits and the explicit rules
// that would replace the calibration; and the check that old is deterministic at all.
import type { Outcome } from "../../adapters/types.ts";
import { foldPath, formatPath, type PathSegment } from "../compare/paths.ts";
import type { CompareRule, Difference } from "../compare/types.ts";
import { TwinrunError } from "../errors.ts";
import { parseLossless } from "../json/parse.ts";
import { isJsonObject } from "../json/values.ts";
import type { PathStats } from "../report/types.ts";
import type { NoisyPath } from "./types.ts";

/** New-vs-old numbers count as changed beyond this many times the largest old-vs-old difference. */
export const NOISE_MARGIN = 4;
/** The rate test's significance level: low, since each noisy path is one more test. */
export const RATE_TEST_LEVEL = 0.001;

/** Why: a noisy path's figures, limit and suggested rule, before the run judged anything on it. */
export function describeNoisyPath(stats: PathStats): Omit<NoisyPath, "run"> {
  const limit = limitOf(stats);
  const rule = ruleOf(stats.path, stats, limit);
  return {
    path: stats.path,
    differed: stats.changed,
    compared: stats.compared,
    kinds: stats.kinds,
    ...(stats.maxAbs !== undefined && { maxAbs: stats.maxAbs }),
    ...(stats.maxRel !== undefined && { maxRel: stats.maxRel }),
    ...(limit !== undefined && { limit }),
    ...(rule !== undefined && { rule, flag: flagOf(rule) }),
  };
}

/** The margin times the largest difference, rounded up to one significant digit: 1.2e-7 → 5e-7. */
export function roundUpLimit(value: number): number {
  const scaled = value * NOISE_MARGIN;
  if (!(scaled > 0) || !Number.isFinite(scaled)) return scaled;
  const exponent = Math.floor(Math.log10(scaled));
  const digit = Math.ceil(Number((scaled / 10 ** exponent).toPrecision(12)));
  return Number(`${digit}e${exponent}`);
}

function limitOf(stats: PathStats): NoisyPath["limit"] {
  const onlyValues = Object.keys(stats.kinds).every((kind) => kind === "value");
  if (!onlyValues) return undefined;
  const rel = finite(stats.maxRel);
  const abs = finite(stats.maxAbs);
  if (rel !== undefined) return { rel: roundUpLimit(rel) };
  if (abs !== undefined) return { abs: roundUpLimit(abs) };
  return undefined;
}

/** Numeric noise becomes a tolerance; anything else (ids, timestamps, keys that come and go) an ignore. */
function ruleOf(path: string, stats: PathStats, limit: NoisyPath["limit"]): CompareRule | undefined {
  if (path === "$") return undefined;
  if (limit !== undefined && stats.maxRel !== undefined) return { path, tolerance: { rel: limit.rel! } };
  if (limit?.abs !== undefined) return { path, tolerance: { abs: limit.abs } };
  return { path, ignore: true };
}

function flagOf(rule: CompareRule): string {
  if (rule.ignore) return `--ignore ${shellWord(rule.path)}`;
  const parts = Object.entries(rule.tolerance ?? {}).map(([name, value]) => `${name}:${value}`);
  return `--tol ${shellWord(`${rule.path}=${parts.join(",")}`)}`;
}

function shellWord(text: string): string {
  return /^[A-Za-z0-9_.:=,-]+$/.test(text) ? text : `'${text.replaceAll("'", "'\\''")}'`;
}

function finite(value: number | undefined): number | undefined {
  const number = Number(value);
  return value !== undefined && Number.isFinite(number) ? number : undefined;
}

/**
 * Why: a component that differs from itself everywhere cannot be compared at all; a wall of
 * "changes" (or of noise) would hide that. The error for when, on every calibration input,
 * every leaf of old's output differed between the two runs.
 */
export function notDeterministicError(
  oldLabel: string,
  inputs: number,
  first: { index: number; paths: readonly string[] },
): TwinrunError {
  const paths = [...new Set(first.paths.map(foldPath))];
  const shown = paths.slice(0, 5).join(", ") + (paths.length > 5 ? `, … (${paths.length} paths)` : "");
  return new TwinrunError(
    "USAGE",
    `${oldLabel} is not deterministic with itself: run twice on the same ${inputs} calibration input(s), ` +
      `it gave a different output on every input and every path (input #${first.index}: ${shown}); ` +
      "twinrun cannot tell a change from its noise. Seed its randomness (it gets TWINRUN_SEED), " +
      "or ignore the nondeterministic paths (--ignore <path>) and keep at least one stable path",
  );
}

/** True when the differences between two outcomes cover every leaf of the first one. */
export function differsEverywhere(old: Outcome, differences: readonly Difference[]): boolean {
  if (differences.length === 0) return false;
  if (differences.some((difference) => difference.path === "$")) return true;
  if (old.status !== "ok") return false;
  let value: unknown;
  try {
    value = old.value !== undefined ? old.value : parseLossless(old.text);
  } catch {
    return false;
  }
  const differing = differences.map((difference) => difference.path);
  return listLeafPaths(value).every((leaf) => differing.some((path) => covers(path, leaf)));
}

/** Paths of the value's leaves (scalars, empty containers), in the comparator's notation. */
export function listLeafPaths(value: unknown, segments: PathSegment[] = [], out: string[] = []): string[] {
  if (Array.isArray(value) && value.length > 0) {
    for (let index = 0; index < value.length; index++) listLeafPaths(value[index], [...segments, index], out);
  } else if (isJsonObject(value) && Object.keys(value).length > 0) {
    for (const [key, item] of Object.entries(value)) listLeafPaths(item, [...segments, key], out);
  } else {
    out.push(formatPath(segments));
  }
  return out;
}

/** A difference at `a` covers the leaves `a`, `a.b`, `a[3]`. */
function covers(path: string, leaf: string): boolean {
  return leaf === path || leaf.startsWith(`${path}.`) || leaf.startsWith(`${path}[`);
}
