// The shape of a report read back from a file (`accept`, `merge`): every field twinrun reads is
// checked for its type, so a hand-edited or foreign file is an error naming the field, never a
// crash deep inside a renderer. Unknown fields pass: newer reports may carry more.
import { z } from "zod";

const count = z.number().int().min(0);
const text = z.string();
const logBins = z.array(z.looseObject({ lower: z.number(), upper: z.number(), count }));
const timing = z.looseObject({
  p50: z.number(),
  p95: z.number(),
  totalMs: z.number(),
  histogramMs: logBins.optional(),
});
const outcome = z.looseObject({
  status: z.enum(["ok", "failure", "absent"]),
  durationMs: z.number(),
  failure: z.looseObject({ kind: text, message: text }).optional(),
});
const difference = z.looseObject({ path: text, kind: text });

/** Why: the fields of Report that readers use, with the types the report writer gives them. */
export const reportShape = z.looseObject({
  tool: z.literal("twinrun"),
  reportVersion: z.literal(1),
  createdAt: text,
  complete: z.boolean(),
  verdict: text,
  error: text.optional(),
  components: z.looseObject({
    old: z.looseObject({ label: text, spec: text }),
    new: z.looseObject({ label: text, spec: text }),
  }),
  sample: z.looseObject({
    indices: z.array(count),
    sha256: text,
  }),
  summary: z.looseObject({
    trials: count,
    same: count,
    changed: count,
    failures: z.looseObject({ old: count, new: count, both: count }),
    truncatedTrials: count,
  }),
  paths: z.array(
    z.looseObject({
      path: text,
      compared: count,
      changed: count,
      maxAbs: z.number().optional(),
      maxRel: z.number().optional(),
      kinds: z.record(text, count),
      exampleIndices: z.array(count),
      errorBins: z.looseObject({ abs: logBins, rel: logBins }).optional(),
    }),
  ),
  examples: z.array(
    z.looseObject({
      index: count,
      inputText: text,
      differences: z.array(difference),
      truncated: z.boolean().optional(),
      old: outcome,
      new: outcome,
      excerpts: z.array(text).optional(),
    }),
  ),
  timing: z.looseObject({ old: timing, new: timing, wallMs: z.number() }),
  kind: z.enum(["records", "tables"]).optional(),
  gate: z.looseObject({
    status: z.enum(["passed", "failed", "incomplete", "error"]).optional(),
    maxChanged: text,
    passed: z.boolean(),
    exitCode: z.number().int(),
    counted: count.optional(),
    reason: text.optional(),
  }),
  settings: z.record(text, z.unknown()),
  accepted: z
    .looseObject({
      file: text,
      strict: z.boolean(),
      entries: z.array(
        z.looseObject({
          path: text,
          kinds: z.array(text),
          maxChanged: text.optional(),
          maxRate: text.optional(),
          note: text.optional(),
          matchedTrials: count,
          status: z.enum(["used", "unused", "exceeded"]),
        }),
      ),
      coveredTrials: count,
      uncoveredTrials: count,
    })
    .optional(),
  shard: z.looseObject({ index: z.number().int().min(1), count: z.number().int().min(1) }).optional(),
  base: z.looseObject({ ref: text, commit: text }).optional(),
  unusedRules: z
    .array(z.looseObject({ path: text, options: z.array(text), suggestion: text.optional() }))
    .optional(),
  table: z.record(text, z.unknown()).optional(),
  dataset: z.record(text, z.unknown()).optional(),
});

/** Why: one line per wrong field, `summary.trials: expected a number, got "3"`, at most a few. */
export function findReportShapeProblems(raw: unknown, limit = 5): string[] {
  const result = reportShape.safeParse(raw, { reportInput: true });
  if (result.success) return [];
  return result.error.issues.slice(0, limit).map((issue) => {
    const where = issue.path.map((segment) =>
      typeof segment === "number" ? `[${segment}]` : `.${String(segment)}`,
    );
    const field = where.join("").replace(/^\./, "") || "(the report)";
    return `${field}: ${describeIssue(issue)}`;
  });
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_type") {
    return issue.input === undefined
      ? `missing (expected ${issue.expected})`
      : `expected ${issue.expected}, got ${typeOf(issue.input)}`;
  }
  if (issue.code === "invalid_value")
    return `expected one of ${issue.values.map((value) => JSON.stringify(value)).join(", ")}`;
  return issue.message;
}

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "bigint") return "a number beyond 2^53";
  return typeof value === "object"
    ? "an object"
    : `${typeof value} ${truncate(JSON.stringify(value) ?? String(value))}`;
}

function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
