// The lossless value model. Output text is parsed into plain JS values except where a plain
// value would lose information:
//  - an integer token beyond 2^53 becomes a `bigint` (ids are compared exactly);
//  - a float token whose value is integral (`1.0`, `3e2`) becomes an IntegralFloat, so
//    `1` vs `1.0` can be reported as a type change;
//  - `NaN`, `Infinity`, `-Infinity` tokens become the JS numbers.
// A plain `number` is therefore an integer in the text iff Number.isInteger(value).

/** A float whose value happens to be integral, e.g. `1.0` in the output text. */
export class IntegralFloat {
  readonly value: number;
  constructor(value: number) {
    this.value = value;
  }
}

/**
 * A float token no double holds: beyond the double range (`1e400`, `1e-400`), or with more
 * significant digits than a double keeps (`0.1000000000000000000001`). It keeps its text and its
 * exact decimal value (±coefficient × 10^exponent, no trailing zeros in the coefficient), so
 * `1e400` vs `2e400` compare as different numbers rather than as two Infinities.
 */
export class DecimalFloat {
  /** The token as written. */
  readonly text: string;
  readonly negative: boolean;
  readonly coefficient: bigint;
  readonly exponent: number;
  /** The nearest double (±Infinity or ±0 out of range): for sorting and display only. */
  readonly value: number;

  constructor(text: string, negative: boolean, coefficient: bigint, exponent: number) {
    this.text = text;
    this.negative = negative;
    this.coefficient = coefficient;
    this.exponent = exponent;
    this.value = Number(text);
  }

  /** True when the exact value is an integer (a float token such as `1e400`, like `1.0`). */
  get integral(): boolean {
    return this.exponent >= 0;
  }

  /** JSON.stringify and display code see the token's text. */
  toJSON(): string {
    return this.text;
  }
}

export type LosslessValue =
  | null
  | boolean
  | number
  | bigint
  | string
  | IntegralFloat
  | DecimalFloat
  | LosslessValue[]
  | { [key: string]: LosslessValue };

export function isDecimalFloat(value: unknown): value is DecimalFloat {
  return value instanceof DecimalFloat;
}

export function isIntegralFloat(value: unknown): value is IntegralFloat {
  return value instanceof IntegralFloat;
}

/**
 * A JSON object as our parsers make it: a plain object (Object or null prototype), never an array
 * and never one of the number classes above, which are objects too.
 */
export function isJsonObject<T = unknown>(value: unknown): value is Record<string, T> {
  if (value === null || typeof value !== "object") return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
