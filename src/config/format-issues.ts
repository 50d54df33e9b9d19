// Turns zod issues into one sentence per problem, in the style users can act on:
//   compare.tolerance.rel: expected a number >= 0, got "1e-6x"
//   compare.toleranse: unknown key; did you mean "tolerance"?
// The expectation is each leaf schema's own error message (see schema-leaves.ts).
import type { core, z } from "zod";
import { suggestClosest } from "./suggest.ts";

type Issue = core.$ZodIssue;
type Segment = PropertyKey;

/** Why: every config and report-settings problem reads the same way, one line each. */
export function formatIssues(issues: readonly Issue[], schema: z.ZodType, input: unknown): string[] {
  return issues.flatMap((issue) => describeIssue(issue, [], schema, input));
}

/** Why: key paths in messages use the notation of output paths (`rules[2].path`, `env["MY-VAR"]`). */
export function formatKeyPath(segments: readonly Segment[]): string {
  let text = "";
  for (const segment of segments) {
    if (typeof segment === "number") text += `[${segment}]`;
    else if (typeof segment === "string" && /^[A-Za-z_][A-Za-z0-9_]*$/.test(segment)) {
      text += text === "" ? segment : `.${segment}`;
    } else text += `[${JSON.stringify(String(segment))}]`;
  }
  return text;
}

/** Why: "got …" shows the value as the user wrote it (JSON), NaN and Infinity included, kept short. */
export function renderActualValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  if (typeof value === "bigint") return String(value);
  let rendered: string;
  try {
    rendered = JSON.stringify(value) ?? String(value);
  } catch {
    rendered = String(value);
  }
  return rendered.length > 80 ? `${rendered.slice(0, 77)}...` : rendered;
}

function describeIssue(issue: Issue, base: readonly Segment[], schema: z.ZodType, input: unknown): string[] {
  const at = [...base, ...issue.path];
  if (issue.code === "unrecognized_keys") {
    const known = listKnownKeys(schema, at, input);
    return issue.keys.map((key) => {
      const suggestion = suggestClosest(key, known);
      const hint =
        suggestion !== undefined ? `did you mean "${suggestion}"?` : `expected one of: ${known.join(", ")}`;
      return `${prefix([...at, key])}unknown key; ${hint}`;
    });
  }
  if (issue.code === "invalid_union") {
    const branch = pickMatchingBranch(issue.errors);
    if (branch !== undefined) return branch.flatMap((inner) => describeIssue(inner, at, schema, input));
  }
  const actual = readValueAt(input, at);
  if (actual === undefined) return [`${prefix(at)}missing, expected ${issue.message}`];
  return [`${prefix(at)}expected ${issue.message}, got ${renderActualValue(actual)}`];
}

function prefix(at: readonly Segment[]): string {
  return at.length === 0 ? "" : `${formatKeyPath(at)}: `;
}

/**
 * A union failed: when the value had the right shape for one branch (its problems lie deeper
 * than the union itself, e.g. `unordered: { key: 5 }`), that branch's problems are the real ones.
 */
function pickMatchingBranch(branches: readonly (readonly Issue[])[]): readonly Issue[] | undefined {
  return branches.find(
    (branch) =>
      branch.length > 0 &&
      branch.every((issue) => issue.path.length > 0 || issue.code === "unrecognized_keys"),
  );
}

function readValueAt(input: unknown, at: readonly Segment[]): unknown {
  let current = input;
  for (const segment of at) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

interface SchemaDef {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  discriminator?: string;
  valueType?: z.ZodType;
  in?: z.ZodType;
}

function defOf(schema: z.ZodType): SchemaDef {
  return (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;
}

/** The keys an object schema at `at` accepts (for suggestions); empty when the path leads nowhere. */
function listKnownKeys(schema: z.ZodType, at: readonly Segment[], input: unknown): string[] {
  let candidates: z.ZodType[] = [schema];
  for (let i = 0; i < at.length; i++) {
    const value = readValueAt(input, at.slice(0, i));
    candidates = candidates.flatMap((candidate) => stepInto(candidate, at[i], value));
  }
  const value = readValueAt(input, at);
  const keys = candidates
    .flatMap((candidate) => unwrap(candidate, value))
    .flatMap((candidate) => {
      const def = defOf(candidate);
      return def.type === "object" && def.shape ? Object.keys(def.shape) : [];
    });
  return [...new Set(keys)];
}

function stepInto(schema: z.ZodType, segment: Segment, value: unknown): z.ZodType[] {
  return unwrap(schema, value).flatMap((candidate) => {
    const def = defOf(candidate);
    if (def.type === "object" && def.shape && typeof segment === "string") {
      const child = def.shape[segment];
      return child ? [child] : [];
    }
    if (def.type === "array" && def.element && typeof segment === "number") return [def.element];
    if (def.type === "record" && def.valueType) return [def.valueType];
    return [];
  });
}

/** Optional, nullable, default and union wrappers hide the object schemas a path walks through. */
function unwrap(schema: z.ZodType, value?: unknown): z.ZodType[] {
  const def = defOf(schema);
  if (def.innerType) return unwrap(def.innerType, value);
  if (def.type === "pipe" && def.in) return unwrap(def.in, value);
  if (def.type === "union" && def.options) {
    return pickDiscriminated(def, value).flatMap((option) => unwrap(option, value));
  }
  return [schema];
}

/** A discriminated union's options that accept the value's discriminator (all of them when none does). */
function pickDiscriminated(def: SchemaDef, value: unknown): z.ZodType[] {
  const options = def.options ?? [];
  if (def.discriminator === undefined || value === null || typeof value !== "object") return options;
  const tag = (value as Record<string, unknown>)[def.discriminator];
  const accepting = options.filter((option) => {
    const values = (option as unknown as { _zod: { propValues?: Record<string, Set<unknown>> } })._zod
      .propValues?.[def.discriminator as string];
    return values === undefined || values.has(tag);
  });
  return accepting.length > 0 ? accepting : options;
}
