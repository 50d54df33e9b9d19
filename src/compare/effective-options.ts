// The options in force at one node of the walk: the winning rule's options over the global ones,
// flattened into plain fields so the hot walk reads booleans and numbers, never optional chains.
import type { CompareOptions, PathOptions } from "./types.ts";

/** Why: precomputed once per rule (and once for the global options), looked up per node. */
export interface EffectiveOptions {
  readonly ignore: boolean;
  readonly absTolerance: number;
  readonly relTolerance: number;
  /** Units in the last place; -1 when not set. */
  readonly ulps: number;
  /** Significant digits two numbers must agree to; -1 when not set. */
  readonly sig: number;
  /** A rule set a tolerance here, so two integers compare under it instead of exactly. */
  readonly integerTolerance: boolean;
  readonly nanEqual: boolean;
  readonly signedZero: boolean;
  readonly looseNumberTypes: boolean;
  readonly nullEqualsMissing: boolean;
  readonly trim: boolean;
  readonly caseInsensitive: boolean;
  readonly nfc: boolean;
  /** No string option is set: strings compare with ===. */
  readonly plainStrings: boolean;
  readonly numericStrings: boolean;
  /** Strings that read as ISO 8601 dates or date-times compare as instants. */
  readonly timestamps: boolean;
  /** Arrays here compare as a multiset. */
  readonly unorderedMultiset: boolean;
  /** Arrays here match elements by this key field; null when not keyed. */
  readonly unorderedKey: string | null;
}

/**
 * Why: "the winning rule's unset options inherit the global ones", field by field (a rule's
 * `tolerance: {abs}` keeps the global `rel`).
 */
export function resolveEffectiveOptions(global: CompareOptions, rule?: PathOptions): EffectiveOptions {
  const tolerance = { ...global.tolerance, ...definedOnly(rule?.tolerance ?? {}) };
  const trim = rule?.trim ?? false;
  const caseInsensitive = rule?.caseInsensitive ?? false;
  const nfc = rule?.unicode === "NFC";
  const unordered = rule?.unordered ?? false;
  return Object.freeze({
    ignore: rule?.ignore ?? false,
    absTolerance: tolerance.abs,
    relTolerance: tolerance.rel,
    ulps: tolerance.ulps ?? -1,
    sig: tolerance.sig ?? -1,
    integerTolerance: rule?.tolerance !== undefined,
    nanEqual: (rule?.nan ?? global.nan) === "equal",
    signedZero: rule?.signedZero ?? global.signedZero,
    looseNumberTypes: (rule?.numberTypes ?? global.numberTypes) === "loose",
    nullEqualsMissing: rule?.nullEqualsMissing ?? global.nullEqualsMissing,
    trim,
    caseInsensitive,
    nfc,
    plainStrings: !trim && !caseInsensitive && !nfc,
    numericStrings: rule?.numericStrings ?? false,
    timestamps: rule?.timestamps ?? false,
    unorderedMultiset: unordered === true,
    unorderedKey: typeof unordered === "object" ? unordered.key : null,
  });
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
}
