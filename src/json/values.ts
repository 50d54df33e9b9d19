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

export type LosslessValue =
  | null
  | boolean
  | number
  | bigint
  | string
  | IntegralFloat
  | LosslessValue[]
  | { [key: string]: LosslessValue };

export function isIntegralFloat(value: unknown): value is IntegralFloat {
  return value instanceof IntegralFloat;
}
