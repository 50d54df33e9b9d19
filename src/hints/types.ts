// Root-cause hints: conditions over an input's flattened fields that separate the trials where a
// path changed from those where it did not. Conditions are plain data; text is derived from them.

/** A condition on one field of the input (a flattened path such as `user.age`). */
export type FieldCondition =
  /** The field equals one of these values (numbers, strings or booleans). */
  | { field: string; op: "in"; values: (number | string | boolean)[] }
  | { field: string; op: ">" | "<"; value: number }
  /** Inclusive range. */
  | { field: string; op: "between"; min: number; max: number }
  | { field: string; op: "null" | "missing" }
  /** An empty string or an empty array. */
  | { field: string; op: "empty" }
  | { field: string; op: "non-ascii" | "edge-whitespace" | "upper-case" | "lower-case" | "mixed-case" }
  /** A string's length (characters) or an array's length (elements), above or below a bound. */
  | { field: string; op: "length>" | "length<"; value: number }
  /** The field holds a value of this JSON type (fields whose type varies between inputs). */
  | { field: string; op: "type"; type: "string" | "number" | "boolean" | "array" | "object" };

/** A hint's condition: one field condition, or two of them together. */
export type HintCondition = FieldCondition | { op: "and"; conditions: [FieldCondition, FieldCondition] };

/** One hint: a condition and how well it separates changed from unchanged trials. */
export interface Hint {
  /** The condition in words, e.g. `age ∈ {25, 40, 65}`. */
  text: string;
  condition: HintCondition;
  /** Changed trials the condition holds for. */
  covered: number;
  /** Changed trials in all (of those the hints looked at). */
  total: number;
  /** Share of the trials the condition holds for that changed: covered / (covered + unchangedCovered). */
  precision: number;
  /** Unchanged trials the condition holds for. */
  unchangedCovered: number;
  /** Unchanged trials in all (of those the hints looked at). */
  unchangedTotal: number;
  /** For a `$` path: the failure kind these trials had (old or new side failing), when the hint is about failures. */
  failure?: string;
}
